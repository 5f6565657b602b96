import { css } from 'lit';

export const visitListStyles = css`
  .base {
    display: grid;
    gap: 1.25rem;
  }
  .timezone {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .section h3 {
    margin: 0 0 0.5rem;
    font-size: 1.15em;
  }
  .visits {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .visit {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.75rem 1rem;
    min-width: 0;
  }
  /*
   * Visits after the eighth of a section, which a first screen seldom shows, skip layout and
   * paint until scrolled to. Not the first ones: Chromium lays out even a visible one at the
   * estimate in the first frame and at its real height in the next, and the clinic's page below
   * jumped (by 50px a visit at 10rem; a visit is 6.875rem inside its padding on a wide screen and
   * about twice that on a phone, where its buttons wrap).
   */
  .visit:nth-child(n + 9) {
    content-visibility: auto;
    contain-intrinsic-size: auto 6.875rem;
  }
  .visit:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .current .visit {
    border-width: 2px;
    border-color: var(--_primary);
    background: var(--_surface-alt);
  }
  .visit-top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
  }
  .when {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .status,
  .mark {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.125rem 0.5rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.875em;
    line-height: 1.4;
    color: var(--_muted);
    background: var(--_surface);
  }
  .status.confirmed,
  .status.completed {
    color: var(--_success);
  }
  .status.in-progress,
  .status.pending {
    color: var(--_primary);
  }
  .status.cancelled {
    color: var(--_danger);
  }
  .mark.group-mark,
  .mark.current-mark {
    color: var(--_primary);
    font-weight: 600;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125rem 1.25rem;
    margin: 0.5rem 0;
  }
  .facts > div {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.375rem;
    min-width: 0;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dt::after {
    content: ':';
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .actions,
  .confirm-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .details-button {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  .chevron {
    width: 0.5em;
    height: 0.5em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(-45deg);
    transition: transform 0.15s ease;
  }
  [aria-expanded='true'] > .chevron {
    transform: rotate(45deg);
  }
  .confirm {
    margin-top: 0.75rem;
    padding: 0.75rem 1rem;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .confirm p {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  .confirm .pending {
    margin: 0.5rem 0 0;
    font-weight: normal;
  }
  .visit > .message {
    margin-top: 0.75rem;
  }
  .message p {
    margin: 0 0 0.5rem;
  }
  .message p:last-child {
    margin-bottom: 0;
  }
  .message button {
    margin-top: 0.25rem;
  }
  .details {
    overflow-wrap: anywhere;
    margin-top: 0.75rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_border);
  }
  .details h5 {
    margin: 1rem 0 0.25rem;
    font-size: 1em;
  }
  .details ul.rx,
  .details ul.files {
    margin: 0;
    padding-left: 1.25rem;
  }
  .details .rx .facts {
    margin: 0 0 0.5rem;
  }
  .notes {
    overflow-wrap: anywhere;
  }
  .notes > :first-child {
    margin-top: 0;
  }
  .notes img {
    max-width: 100%;
    height: auto;
  }
  .notes table {
    border-collapse: collapse;
    display: block;
    overflow-x: auto;
  }
  .notes td,
  .notes th {
    border: 1px solid var(--_border);
    padding: 0.25rem 0.5rem;
  }
  a[href] {
    color: var(--_primary);
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-top: 0.75rem;
  }
  .more .count {
    margin: 0;
    color: var(--_muted);
  }
  .loading {
    display: grid;
    gap: 0.75rem;
    align-content: start;
    /* The room a few visits take (and the loader reserves, src/loader/reserve.ts), so the page
       below does not jump when they appear. */
    min-height: 27.5rem;
  }
  .loading .skeleton {
    height: 6rem;
  }
  .loading-text {
    margin: 0;
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    .status,
    .mark,
    .visit {
      border: 1px solid CanvasText;
    }
  }
`;
