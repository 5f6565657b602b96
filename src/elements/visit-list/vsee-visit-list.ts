import { html } from 'lit';
import { VseeElement, defineOnce } from '../vsee-element.js';
import { sharedStyles } from '../../styles/shared.styles.js';

/**
 * @summary Placeholder until the element is built.
 */
export class VseeVisitList extends VseeElement {
  static override styles = [sharedStyles];

  protected override renderContent() {
    return html`<p>vsee-visit-list</p>`;
  }
}

defineOnce('vsee-visit-list', VseeVisitList);

declare global {
  interface HTMLElementTagNameMap {
    'vsee-visit-list': VseeVisitList;
  }
}
