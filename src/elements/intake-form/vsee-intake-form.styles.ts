import { css } from 'lit';

export const intakeFormStyles = css`
  form,
  .panel {
    display: grid;
    gap: 1.25rem;
    max-width: 40rem;
  }
  .field {
    display: grid;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  label,
  legend {
    font-weight: 600;
    padding: 0;
  }
  .req,
  .opt {
    font-weight: 400;
    color: var(--_muted);
  }
  .hint,
  .counter {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .counter.near {
    color: var(--_text);
    font-weight: 600;
  }
  textarea,
  input,
  select,
  /* The clinic's own controls look like ours unless the page styles them. */
  ::slotted(input:not([type='checkbox']):not([type='radio'])),
  ::slotted(select),
  ::slotted(textarea) {
    box-sizing: border-box;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    min-height: 44px;
    width: 100%;
    max-width: 100%;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  input[type='file'] {
    padding: 0.5rem;
  }
  input[type='file']::file-selector-button {
    font: inherit;
    min-height: 32px;
    margin-inline-end: 0.75rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
    cursor: pointer;
  }
  #phone {
    max-width: 16rem;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 44px;
    font-weight: 400;
    cursor: pointer;
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0;
    accent-color: var(--_primary);
  }
  /* WebKit (Safari) does not match :focus-visible on a radio reached with the arrow keys: a
     focused radio shows the ring however it got focus. */
  .choice input[type='radio']:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .error::before {
    content: '\u26A0\uFE0E ';
  }
  .custom {
    display: grid;
    gap: 0.5rem;
  }
  ::slotted([aria-invalid='true']) {
    border: 2px solid var(--_danger);
  }
  .summary {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    color: var(--_danger);
  }
  .summary p {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  button.link {
    min-height: 24px;
    min-width: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_danger);
    text-decoration: underline;
    text-align: start;
  }
  .files {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .file {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 0.75rem;
    align-items: center;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .file .name {
    overflow-wrap: anywhere;
    font-weight: 600;
  }
  .file .status {
    grid-column: 1;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .file .status.failed {
    color: var(--_danger);
  }
  .file progress {
    grid-column: 1;
    width: 100%;
    height: 0.75rem;
    accent-color: var(--_primary);
  }
  .file .actions {
    grid-column: 2;
    grid-row: 1 / span 3;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .file .actions button {
    min-height: 36px;
    padding: 0.25rem 0.75rem;
  }
  .actions-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  button[part='submit'] {
    justify-self: start;
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-inline-end: 0.5em;
    vertical-align: -0.125em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: vsee-spin 0.8s linear infinite;
  }
  @keyframes vsee-spin {
    to {
      transform: rotate(360deg);
    }
  }
  .title {
    display: block;
    font-size: 1.25em;
    font-weight: 700;
    margin: 0 0 0.25rem;
  }
  .message p {
    margin: 0.25rem 0 0;
  }
  .message:focus {
    outline: none;
  }
  .message:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .waiting {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .waiting p {
    margin: 0;
  }
  .timer {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .note {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .skeleton-field {
    height: 3rem;
  }
  /* Loading takes the room the form will (and the loader reserves, src/loader/reserve.ts), so the
     page below does not jump when it appears. */
  .panel[aria-busy='true'] {
    min-height: 53rem;
    align-content: start;
  }
  /* A class, not a style attribute: pages with style-src 'self' refuse inline styles. */
  .skeleton-field.tall {
    height: 7rem;
  }
  @media (forced-colors: active) {
    [aria-invalid='true'] {
      border: 2px solid Mark;
    }
  }
`;
