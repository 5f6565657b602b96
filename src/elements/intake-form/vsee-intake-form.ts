import { html } from 'lit';
import { VseeElement, defineOnce } from '../vsee-element.js';
import { sharedStyles } from '../../styles/shared.styles.js';

/**
 * @summary Placeholder until the element is built.
 */
export class VseeIntakeForm extends VseeElement {
  static override styles = [sharedStyles];

  protected override renderContent() {
    return html`<p>vsee-intake-form</p>`;
  }
}

defineOnce('vsee-intake-form', VseeIntakeForm);

declare global {
  interface HTMLElementTagNameMap {
    'vsee-intake-form': VseeIntakeForm;
  }
}
