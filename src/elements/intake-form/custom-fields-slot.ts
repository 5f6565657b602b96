/**
 * The clinic's own questions as the form sees them before and after their chunk has loaded: the
 * form asks for the chunk only when the page put named controls inside it, keeps values meant for
 * them until it arrives, and says so (with *Try again*) when it does not.
 */
import { nothing, type TemplateResult } from 'lit';
import type { IntakeFormKey } from '../../i18n/intake-form.js';
import type { LocalizeController } from '../controllers/localize.js';
import { errorPanel } from '../controllers/error-panel.js';
import { chunks } from './chunks.js';
import type { CustomFieldsController, CustomFieldsHost, CustomProblem } from './custom-fields.js';
import type { InteractionState } from './interaction-state.js';

export class CustomFieldsSlot {
  readonly #host: CustomFieldsHost;
  readonly #l10n: LocalizeController<IntakeFormKey>;
  readonly #state: InteractionState;
  #controller?: CustomFieldsController;
  /** Values for the clinic's controls, kept until their chunk has loaded. */
  #pending: Record<string, unknown> = {};
  #failed = false;

  constructor(host: CustomFieldsHost, l10n: LocalizeController<IntakeFormKey>, state: InteractionState) {
    this.#host = host;
    this.#l10n = l10n;
    this.#state = state;
  }

  /** Whether the page put any named control of its own inside the form. */
  get present(): boolean {
    return this.#host.querySelector('input[name], select[name], textarea[name]') !== null;
  }

  /** The chunk is needed and not here: the first render waits for it, so `value` has the clinic's answers. */
  get waiting(): boolean {
    return !this.#controller && !this.#failed && this.present;
  }

  /** Whether the clinic's controls can be read (there are none, or their chunk is here). */
  get ready(): boolean {
    return Boolean(this.#controller) || !this.present;
  }

  get failed(): boolean {
    return this.#failed;
  }

  async load(): Promise<void> {
    if (this.#controller || !this.present) return;
    try {
      const { CustomFieldsController } = await chunks.customFields.load();
      if (this.#controller) return;
      this.#failed = false;
      this.#controller = new CustomFieldsController(this.#host, this.#l10n, this.#state);
      const pending = this.#pending;
      this.#pending = {};
      this.#controller.apply(pending);
    } catch {
      this.#failed = true;
    }
    this.#host.requestUpdate();
  }

  values(skipTypes?: ReadonlySet<string>): Record<string, unknown> {
    return this.#controller?.values(skipTypes) ?? {};
  }

  apply(values: Record<string, unknown>): void {
    if (this.#controller) this.#controller.apply(values);
    else Object.assign(this.#pending, values);
  }

  problems(): CustomProblem[] {
    return this.#controller?.problems() ?? [];
  }

  refreshInvalid(): void {
    this.#controller?.refreshInvalid();
  }

  reset(): void {
    this.#controller?.reset();
    this.#pending = {};
  }

  slotChanged = (): void => {
    if (this.#controller) this.#controller.slotChanged();
    else void this.load();
  };

  renderErrors(): TemplateResult | typeof nothing {
    return this.#controller?.renderErrors() ?? nothing;
  }

  /** The chunk did not load: nothing typed is lost (the controls are the page's), and *Try again* loads it again. */
  renderFailure(): TemplateResult {
    const retry = () => {
      this.#failed = false;
      void this.load();
    };
    return errorPanel(this.#l10n, { what: this.#l10n.msg('customChunkFailed'), note: this.#l10n.msg('valuesKept'), retry });
  }
}
