import { html } from 'lit';
import { VseeElement, defineOnce } from '../vsee-element.js';
import { sharedStyles } from '../../styles/shared.styles.js';

/**
 * @summary Placeholder until the element is built.
 */
export class VseeSlotPicker extends VseeElement {
  static override styles = [sharedStyles];

  protected override renderContent() {
    return html`<p>vsee-slot-picker</p>`;
  }
}

defineOnce('vsee-slot-picker', VseeSlotPicker);

declare global {
  interface HTMLElementTagNameMap {
    'vsee-slot-picker': VseeSlotPicker;
  }
}
