import { css } from 'lit';

export const slotPickerStyles = css`
  :host {
    --_slot-min: var(--vsee-slot-min-width, 6.5rem);
  }
  p {
    margin: 0;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin-block-end: 0.75rem;
  }
  .tz {
    color: var(--_muted);
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .range {
    font-weight: 600;
    min-width: 8rem;
    text-align: center;
  }
  .current {
    margin-block-end: 0.75rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_primary);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .body:focus {
    outline: none;
  }
  .grid {
    display: flex;
    flex-direction: column;
    gap: 1rem;
  }
  .day {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    /*
     * Days far below the fold skip layout and paint until scrolled to. Until a day was laid out
     * once, its height is estimated from its number of times (--_slots, ~8 buttons of ~2.9rem a
     * line): an estimate far too small would make the first frame lay out every day as "visible".
     */
    content-visibility: auto;
    contain-intrinsic-size: auto calc(1.5rem + var(--_slots, 8) * 0.36rem);
  }
  .day-heading {
    flex-basis: 100%;
    font-weight: 600;
  }
  [role='gridcell'] {
    display: block;
  }
  button[part~='slot'] {
    min-width: var(--_slot-min);
    padding: 0.5rem 0.75rem;
    font-variant-numeric: tabular-nums;
  }
  button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .skeleton-grid {
    display: flex;
    flex-direction: column;
    gap: 1rem;
    /* The room a first day of times takes (and the loader reserves, src/loader/reserve.ts), so
       the page below does not jump when they appear. */
    min-height: 35rem;
  }
  .sk-heading {
    height: 1.25rem;
    width: 12rem;
    max-width: 60%;
    margin-block-end: 0.5rem;
  }
  .sk-slots {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .sk-slot {
    height: 44px;
    width: var(--_slot-min);
  }
  .empty {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.75rem;
  }
  .empty p:focus {
    outline: none;
  }
  .summary {
    margin-block-start: 1rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.75rem;
  }
  .summary-title {
    font-weight: 600;
    font-size: 1.125rem;
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
  }
  dl > div {
    display: contents;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }
  .message {
    margin-block: 0.75rem;
  }
  .message:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .message.error button {
    margin-block-start: 0.5rem;
  }
  @media (max-width: 480px) {
    .nav {
      width: 100%;
      justify-content: space-between;
    }
    .range {
      order: -1;
      flex-basis: 100%;
      text-align: start;
    }
  }
  @media (max-width: 400px) {
    dl {
      grid-template-columns: 1fr;
    }
    dd {
      margin-block-end: 0.25rem;
    }
  }
  @media (forced-colors: active) {
    button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
