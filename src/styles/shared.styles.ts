import { css } from 'lit';

/**
 * Design tokens (`--vsee-*`), the focus ring, buttons and message boxes shared by every element.
 * Default colours meet WCAG 2.1 AA contrast (4.5:1) on the default surface.
 */
export const sharedStyles = css`
  :host {
    --_primary: var(--vsee-color-primary, #0b5cad);
    --_on-primary: var(--vsee-color-on-primary, #ffffff);
    --_text: var(--vsee-color-text, #1c2430);
    --_muted: var(--vsee-color-muted, #4a5565);
    --_surface: var(--vsee-color-surface, #ffffff);
    --_surface-alt: var(--vsee-color-surface-alt, #f2f5f9);
    --_border: var(--vsee-color-border, #8a96a8);
    --_danger: var(--vsee-color-danger, #b3261e);
    --_success: var(--vsee-color-success, #1b6e3a);
    --_radius: var(--vsee-radius, 8px);
    --_focus: var(--vsee-color-focus, var(--vsee-color-primary, #0b5cad));
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--vsee-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--vsee-font-size, 1rem);
    line-height: 1.5;
    /*
     * The text properties a clinic's page would pass down to us by inheritance: our words are
     * English or Spanish, written left to right. On a right-to-left page (or one with nowrap,
     * uppercase, letter-spacing, a hidden cursor, dark form controls) they read garbled, the arrow
     * keys of the time grid went the wrong way, and the form scrolled sideways on a phone. A page
     * that styles the element itself still wins over these.
     */
    direction: ltr;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    word-break: normal;
    overflow-wrap: break-word;
    font-style: normal;
    font-weight: normal;
    cursor: auto;
    /* The browser's own controls (radios, checkboxes, selects) to match our surface, not the page's. */
    color-scheme: var(--vsee-color-scheme, light);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    min-height: 44px;
    min-width: 44px;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
    cursor: pointer;
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  button.danger.primary {
    background: var(--_danger);
    color: #fff;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .message {
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface-alt);
    overflow-wrap: anywhere;
  }
  .message.error {
    border-color: var(--_danger);
    color: var(--_danger);
    background: var(--_surface);
  }
  .message.success {
    border-color: var(--_success);
    color: var(--_success);
    background: var(--_surface);
  }
  .config-error {
    border: 2px dashed var(--_danger);
    color: var(--_danger);
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
  }
  /* Placeholders stay still for the first second and pulse only if loading takes longer: a quick
     answer shows no motion, and starting an animation costs a cold page about as much as
     rendering the list itself. Opacity is animated by the compositor, so a long wait on a slow
     network costs the main thread no paint per frame (a moving gradient would repaint each one). */
  .skeleton {
    background: #e6ebf1;
    animation: vsee-pulse 1.4s ease-in-out 1s infinite;
    border-radius: var(--_radius);
  }
  @keyframes vsee-pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    button,
    .message,
    .config-error {
      border: 1px solid ButtonText;
    }
    :focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
