/**
 * The intake's own fields (reason, visit type, consultation, state, phone): their values, how
 * API-shaped values fill them, how they are sent, their errors and their markup. Labels, inputs
 * and errors stay in one shadow root so `for`, `aria-describedby` and `aria-invalid` work.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Consultation, VseeRecord } from '../../client/types.js';
import type { IntakeFormKey } from '../../i18n/intake-form.js';
import type { LocalizeController } from '../controllers/localize.js';
import type { AnnouncerController } from '../controllers/announcer.js';
import type { InteractionState } from './interaction-state.js';
import { US_STATES } from './us-states.js';
import { REASON_MAX_LENGTH, normalizePhone, validatePhone, validateReason, validateState } from './validators.js';

export type BuiltinField = 'reason' | 'visitType' | 'consultation' | 'state' | 'phone';

/** The keys of an intake that are not the clinic's own fields. */
export const INTAKE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'room_code',
  'member_id',
  'provider_id',
  'reason_for_visit',
  'type',
  'location',
  'phone',
  'attachments',
  'consultation',
  'created',
  'modified',
]);

export interface BuiltinProblem {
  label: string;
  message: string;
  selector: string;
}

const str = (x: unknown) => (typeof x === 'string' || typeof x === 'number' ? String(x) : '');

export class BuiltinFields {
  readonly #host: ReactiveControllerHost;
  readonly #l10n: LocalizeController<IntakeFormKey>;
  readonly #state: InteractionState;
  readonly #announcer: AnnouncerController;
  reason = '';
  visitType = '';
  consultation = '';
  usState = '';
  phone = '';

  constructor(
    host: ReactiveControllerHost,
    l10n: LocalizeController<IntakeFormKey>,
    state: InteractionState,
    announcer: AnnouncerController,
  ) {
    this.#host = host;
    this.#l10n = l10n;
    this.#state = state;
    this.#announcer = announcer;
  }

  /** Applies API-shaped values (an intake, a draft or a page's prefill). */
  fill(v: Record<string, unknown>): void {
    if ('reason_for_visit' in v) this.reason = str(v.reason_for_visit);
    if ('type' in v) {
      const t = str(v.type);
      if (t === '1' || t === 'walkin') this.visitType = 'walkin';
      else if (t === '2' || t === 'schedule') this.visitType = 'schedule';
      else this.visitType = '';
    }
    if ('location' in v) this.usState = str(v.location).toUpperCase();
    if ('phone' in v) this.phone = str(v.phone);
    if ('consultation' in v) {
      const c = v.consultation;
      this.consultation = typeof c === 'object' && c !== null ? str((c as VseeRecord).id) : str(c);
    }
    this.#host.requestUpdate();
  }

  clear(): void {
    this.reason = this.visitType = this.consultation = this.usState = this.phone = '';
    this.#host.requestUpdate();
  }

  /** As a draft keeps them: what the patient typed, unchanged. */
  forDraft(): Record<string, unknown> {
    const f: Record<string, unknown> = {};
    if (this.reason) f.reason_for_visit = this.reason;
    if (this.visitType) f.type = this.visitType;
    if (this.usState) f.location = this.usState;
    if (this.phone) f.phone = this.phone;
    if (this.consultation) f.consultation = this.consultation;
    return f;
  }

  /** As the API takes them: `type` 1 or 2, the phone as 10 digits, the room's consultation object. */
  forApi(type: 1 | 2 | undefined, consultations: Consultation[]): Record<string, unknown> {
    const f: Record<string, unknown> = {};
    if (this.reason) f.reason_for_visit = this.reason;
    if (type !== undefined) f.type = type;
    if (this.usState) f.location = this.usState;
    if (this.phone) f.phone = normalizePhone(this.phone) ?? this.phone;
    if (this.consultation) f.consultation = consultations.find((x) => x.id === this.consultation) ?? { id: this.consultation };
    return f;
  }

  error(field: 'reason' | 'phone' | 'state'): string | undefined {
    let key: IntakeFormKey | null = null;
    if (field === 'reason') key = validateReason(this.reason);
    else if (field === 'phone') key = validatePhone(this.phone);
    else key = validateState(this.usState);
    return key ? this.#l10n.msg(key, { max: REASON_MAX_LENGTH }) : undefined;
  }

  problems(): BuiltinProblem[] {
    const fields: Array<['reason' | 'state' | 'phone', IntakeFormKey, string]> = [
      ['reason', 'reasonLabel', '#reason'],
      ['state', 'stateLabel', '#state'],
      ['phone', 'phoneLabel', '#phone'],
    ];
    const out: BuiltinProblem[] = [];
    for (const [field, label, selector] of fields) {
      const message = this.error(field);
      if (message) out.push({ label: this.#l10n.msg(label), message, selector });
    }
    return out;
  }

  /** The patient typed or chose; `changed` saves the draft. */
  #input(field: BuiltinField, value: string, changed: () => void): void {
    if (field === 'reason') {
      this.#announceRemaining(this.reason.length, value.length);
      this.reason = value;
    } else if (field === 'visitType') this.visitType = value;
    else if (field === 'consultation') this.consultation = value;
    else if (field === 'state') this.usState = value;
    else this.phone = value;
    this.#state.change(field);
    changed();
  }

  /** Says how many characters are left when the reason crosses 100, 20 and 0. */
  #announceRemaining(before: number, after: number): void {
    const max = REASON_MAX_LENGTH;
    const mark = [100, 20, 0].find((m) => max - before > m && max - after <= m);
    if (mark !== undefined) this.#announcer.announce(this.#l10n.msg('reasonRemaining', { n: max - after }));
  }

  #shown(field: 'reason' | 'phone' | 'state'): string | undefined {
    return this.#state.showsError(field) ? this.error(field) : undefined;
  }

  /** The fields' markup; `consultationText` formats a consultation with its price. */
  render(opts: {
    askType: boolean;
    consultations: Consultation[];
    consultationText: (c: Consultation) => string;
    locale: string;
    changed: () => void;
  }): TemplateResult {
    const l10n = this.#l10n;
    const on = (field: BuiltinField) => (e: Event) => this.#input(field, (e.target as HTMLInputElement).value, opts.changed);
    const blur = (field: BuiltinField) => () => this.#state.touch(field);
    const described = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ');
    const reasonError = this.#shown('reason');
    const stateError = this.#shown('state');
    const phoneError = this.#shown('phone');
    const near = REASON_MAX_LENGTH - this.reason.length <= 100;
    return html`<div class="field" part="field">
        <label for="reason" part="label">${l10n.msg('reasonLabel')} <span class="req">${l10n.msg('required')}</span></label>
        <p id="reason-hint" class="hint" part="hint">${l10n.msg('reasonHint')}</p>
        <textarea
          id="reason"
          name="reason_for_visit"
          part="input"
          required
          aria-required="true"
          maxlength=${REASON_MAX_LENGTH}
          aria-invalid=${reasonError ? 'true' : 'false'}
          aria-describedby=${described('reason-hint', 'reason-counter', reasonError && 'reason-error')}
          .value=${live(this.reason)}
          @input=${on('reason')}
          @blur=${blur('reason')}
        ></textarea>
        <p id="reason-counter" class="counter ${near ? 'near' : ''}">
          ${l10n.msg('reasonCounter', { count: this.reason.length, max: REASON_MAX_LENGTH })}
        </p>
        ${reasonError ? html`<p id="reason-error" class="error" part="error">${reasonError}</p>` : nothing}
      </div>

      ${
        opts.askType
          ? html`<fieldset class="field" part="field">
              <legend part="label">${l10n.msg('visitTypeLabel')} <span class="opt">${l10n.msg('optional')}</span></legend>
              <div class="choices">
                ${(['walkin', 'schedule'] as const).map(
                  (t) =>
                    html`<label class="choice">
                      <input
                        type="radio"
                        name="type"
                        part="input"
                        value=${t}
                        .checked=${live(this.visitType === t)}
                        @change=${on('visitType')}
                        @blur=${blur('visitType')}
                      />
                      ${l10n.msg(t === 'walkin' ? 'visitTypeWalkin' : 'visitTypeSchedule')}
                    </label>`,
                )}
              </div>
            </fieldset>`
          : nothing
      }
      ${
        opts.consultations.length
          ? html`<div class="field" part="field">
              <label for="consultation" part="label"
                >${l10n.msg('consultationLabel')} <span class="opt">${l10n.msg('optional')}</span></label
              >
              <select id="consultation" name="consultation" part="input" .value=${live(this.consultation)} @change=${on('consultation')}>
                <option value="" ?selected=${!this.consultation}>${l10n.msg('consultationNone')}</option>
                ${opts.consultations.map((c) => html`<option value=${c.id} ?selected=${this.consultation === c.id}>${opts.consultationText(c)}</option>`)}
              </select>
            </div>`
          : nothing
      }

      <div class="field" part="field">
        <label for="state" part="label">${l10n.msg('stateLabel')} <span class="opt">${l10n.msg('optional')}</span></label>
        <p id="state-hint" class="hint" part="hint">${l10n.msg('stateHint')}</p>
        <select
          id="state"
          name="location"
          part="input"
          autocomplete="address-level1"
          aria-invalid=${stateError ? 'true' : 'false'}
          aria-describedby=${described('state-hint', stateError && 'state-error')}
          .value=${live(this.usState)}
          @change=${on('state')}
          @blur=${blur('state')}
        >
          <option value="" ?selected=${!this.usState}>${l10n.msg('stateChoose')}</option>
          ${US_STATES.map((s) => html`<option value=${s.code} ?selected=${this.usState === s.code}>${(opts.locale === 'es' && s.es) || s.en}</option>`)}
        </select>
        ${stateError ? html`<p id="state-error" class="error" part="error">${stateError}</p>` : nothing}
      </div>

      <div class="field" part="field">
        <label for="phone" part="label">${l10n.msg('phoneLabel')} <span class="opt">${l10n.msg('optional')}</span></label>
        <p id="phone-hint" class="hint" part="hint">${l10n.msg('phoneHint')}</p>
        <input
          id="phone"
          name="phone"
          type="tel"
          part="input"
          inputmode="tel"
          autocomplete="tel-national"
          aria-invalid=${phoneError ? 'true' : 'false'}
          aria-describedby=${described('phone-hint', phoneError && 'phone-error')}
          .value=${live(this.phone)}
          @input=${on('phone')}
          @blur=${blur('phone')}
        />
        ${phoneError ? html`<p id="phone-error" class="error" part="error">${phoneError}</p>` : nothing}
      </div>`;
  }
}
