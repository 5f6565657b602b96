import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { VseeElement, defineOnce, numberAttr } from '../vsee-element.js';
import { LocalizeController } from '../controllers/localize.js';
import { FocusController } from '../controllers/focus.js';
import { AnnouncerController } from '../controllers/announcer.js';
import { describeError, errorPanel } from '../controllers/error-panel.js';
import { PostOnce, missingId } from '../controllers/post-once.js';
import { VseeApiError, isAbortError } from '../../client/errors.js';
import type { Consultation, Intake, IntakeFields, Room, Visit, VseeRecord } from '../../client/types.js';
import type { VseeClient } from '../../client/vsee-client.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { intakeFormMessages, type IntakeFormKey } from '../../i18n/intake-form.js';
import { intakeFormStyles } from './vsee-intake-form.styles.js';
import { US_STATES } from './us-states.js';
import {
  DEFAULT_ACCEPT,
  DEFAULT_MAX_FILE_SIZE,
  REASON_MAX_LENGTH,
  fileAccepted,
  formatBytes,
  normalizePhone,
  validatePhone,
  validateReason,
  validateState,
} from './validators.js';
import { controlLabel, customControls, readCustomValues, writeCustomValue, type CustomValue, type FieldControl } from './custom-fields.js';
import { clearDraft, clearWaiting, draftKey, loadDraft, loadWaiting, saveDraft, saveWaiting, type DraftAttachment } from './draft.js';

type BuiltinField = 'reason' | 'visitType' | 'consultation' | 'state' | 'phone';
type Phase = 'form' | 'saved' | 'econsult' | 'waiting' | 'ready' | 'left' | 'timedout' | 'ended';
type Busy = 'uploads' | 'saving' | 'visit' | null;

interface Attachment {
  key: number;
  name: string;
  size?: number;
  file?: File;
  status: 'uploading' | 'done' | 'error';
  loaded: number;
  total: number;
  id?: string;
  error?: string;
  controller?: AbortController;
  promise?: Promise<void>;
}

interface Problem {
  /** The words before the message in the summary. */
  field: string;
  message: string;
  focus: () => void;
}

/** Thrown by the submit task when an attachment is still not uploaded: not an API failure. */
class UploadsIncomplete extends Error {}

/** A failure of one submit step, kept with the step so the message can say which. */
class StepError extends Error {
  constructor(readonly step: 'save' | 'visit', override readonly cause: unknown) {
    super(step);
  }
}

const INTAKE_KEYS = new Set([
  'id', 'room_code', 'member_id', 'provider_id', 'reason_for_visit', 'type', 'location', 'phone', 'attachments',
  'consultation', 'created', 'modified',
]);

let nextKey = 1;

/**
 * The patient intake: reason for visit, visit type, state, phone, attachments and the clinic's
 * own questions; saves it as a VSee intake and, with `then`, goes on to a walk-in (with a
 * waiting room) or an e-consult.
 *
 * @tagname vsee-intake-form
 * @summary A patient intake form that creates or edits a VSee Clinic intake, then optionally a walk-in or e-consult visit.
 *
 * @fires {CustomEvent<VseeIntakeSavedDetail>} vsee-intake-saved - `{ intake }` after the intake was created or updated.
 * @fires {CustomEvent<VseeVisitCreatedDetail>} vsee-visit-created - `{ visit, kind }` after `then="walkin"` or `then="econsult"` created the visit.
 * @fires {CustomEvent<VseeVisitReadyDetail>} vsee-visit-ready - `{ visit }` when the provider picked up the walk-in: open the call.
 * @fires {CustomEvent<VseeVisitClosedDetail>} vsee-visit-closed - `{ id, reason }` when the patient left the waiting room (`patient_exit_room`) or `max-wait` ran out (`max_waiting_time_reached`).
 * @fires {CustomEvent<VseeErrorDetail>} vsee-error - `{ error, operation }` when a request failed.
 *
 * @slot - The clinic's own questions: form controls with a `name` (and their labels). Their values are sent under their names.
 *
 * @csspart form - The `<form>`.
 * @csspart field - Each field's wrapper.
 * @csspart label - Each field's label (and the visit type legend).
 * @csspart input - Each text box, select, radio and the file input.
 * @csspart hint - Help text under a label.
 * @csspart error - A field's error message.
 * @csspart summary - The error summary shown after a failed submit.
 * @csspart attachments - The list of chosen files.
 * @csspart attachment - One chosen file with its progress and buttons.
 * @csspart submit - The submit button.
 * @csspart message - Status and error messages (success, closed room, failures).
 * @csspart waiting-room - The waiting room shown after a walk-in was created.
 *
 * @cssprop --vsee-color-primary - Buttons, focus ring and accents.
 * @cssprop --vsee-color-text - Text.
 * @cssprop --vsee-color-muted - Hints and counters.
 * @cssprop --vsee-color-surface - Background.
 * @cssprop --vsee-color-border - Field borders.
 * @cssprop --vsee-color-danger - Errors.
 * @cssprop --vsee-color-success - Success messages.
 * @cssprop --vsee-font-family - Font.
 * @cssprop --vsee-radius - Corner radius.
 */
export class VseeIntakeForm extends VseeElement {
  static override styles = [sharedStyles, intakeFormStyles];
  readonly #l10n = new LocalizeController(this, intakeFormMessages);
  readonly #focus = new FocusController(this);
  readonly #announcer = new AnnouncerController(this);
  /** A walk-in or e-consult without an answer may exist: look for it before posting again. */
  readonly #visitOnce = new PostOnce<Visit>();

  /** Edit this intake: it is loaded (`GET /intakes/:id`) and saved with `POST /intakes/:id`. */
  @property({ attribute: 'intake-id' }) intakeId?: string;
  /** The patient's member id, sent as `member_id`. */
  @property({ attribute: 'member-id' }) memberId?: string;
  /** A provider to send the intake to, sent as `provider_id`. */
  @property({ attribute: 'provider-id' }) providerId?: string;
  /** `walkin` or `schedule`: the intake's type; when set the patient is not asked. */
  @property({ attribute: 'visit-type' }) visitType?: 'walkin' | 'schedule';
  /** After saving: `none` (default), `walkin` (join the waiting room) or `econsult`. */
  @property({ attribute: 'then' }) then?: 'none' | 'walkin' | 'econsult';
  /** Seconds a walk-in waits before the waiting room closes it (`max_waiting_time_reached`). Default: no limit. */
  @property({ attribute: 'max-wait', converter: numberAttr }) maxWait?: number;
  /** File types the attachments accept, as in `<input accept>`. Default images and PDF. */
  @property({ attribute: 'accept' }) accept?: string;
  /** Largest attachment in bytes. Default 10 MB (10485760). */
  @property({ attribute: 'max-file-size', converter: numberAttr }) maxFileSize?: number;
  /** Seconds between waiting room checks (default 4; it backs off on errors). */
  @property({ attribute: 'poll-interval', converter: numberAttr }) pollInterval?: number;

  @state() private _reason = '';
  @state() private _visitTypeChoice = '';
  @state() private _consultation = '';
  @state() private _state = '';
  @state() private _phone = '';
  @state() private _attachments: Attachment[] = [];
  @state() private _fileErrors: string[] = [];
  @state() private _touched = new Set<string>();
  @state() private _dirty = new Set<string>();
  @state() private _submitted = false;
  @state() private _showSummary = false;
  @state() private _summaryKey = 0;
  @state() private _busy: Busy = null;
  @state() private _submitError?: { step: 'save' | 'visit' | 'uploads'; error?: unknown };
  @state() private _phase: Phase = 'form';
  @state() private _customVersion = 0;
  @state() private _waitVisit?: Visit;
  @state() private _pollTrouble = false;
  @state() private _confirmLeave = false;
  @state() private _closing = false;
  @state() private _closeError?: unknown;

  #submitting = false;
  #savedIntake?: Intake;
  #savedSnapshot?: string;
  #savedWasUpdate = false;
  #visit?: Visit;
  /** The room answered (or failed) once: a retry keeps the form on screen. */
  #roomSettled = false;
  #pendingCustom: Record<string, unknown> = {};
  #draftReady = false;
  #restoredKey?: string;
  #waitStart = 0;
  #pollTimer?: ReturnType<typeof setTimeout>;
  #tickTimer?: ReturnType<typeof setInterval>;
  #maxWaitTimer?: ReturnType<typeof setTimeout>;
  #pollDelay = 0;
  #pollFailures = 0;
  #pollAbort?: AbortController;

  #roomTask = new Task(this, {
    task: async ([api, code], { signal }) => {
      if (!api || !code) return initialState;
      return api.getRoom(code, { signal });
    },
    args: () => [this.api, this.roomCode] as const,
    onComplete: () => (this.#roomSettled = true),
    onError: (e) => {
      this.#roomSettled = true;
      this.reportError(e, 'getRoom');
    },
  });

  #intakeTask = new Task(this, {
    task: async ([api, id], { signal }) => {
      if (!api || !id) return initialState;
      const intake = await api.getIntake(id, { signal });
      this.#fill(intake);
      this.#restoreDraft();
      return intake;
    },
    args: () => [this.api, this.intakeId] as const,
    onError: (e) => this.reportError(e, 'getIntake'),
  });

  #submitTask = new Task(this, {
    autoRun: false,
    task: async (_args: readonly unknown[], { signal }) => this.#performSubmit(signal),
  });

  protected override get needsRoom(): boolean {
    return true;
  }

  protected override validateConfig(): string[] {
    const errors = super.validateConfig();
    if (this.visitType && !(['walkin', 'schedule'] as string[]).includes(this.visitType)) {
      errors.push(this.#l10n.msg('configBadVisitType', { value: this.visitType }));
    }
    if (this.then && !(['none', 'walkin', 'econsult'] as string[]).includes(this.then)) {
      errors.push(this.#l10n.msg('configBadThen', { value: this.then }));
    }
    this.checkNumber(errors, 'max-wait', this.maxWait, (n) => n > 0, this.#l10n.msg('ruleSeconds'));
    this.checkNumber(errors, 'poll-interval', this.pollInterval, (n) => n > 0, this.#l10n.msg('ruleSeconds'));
    this.checkNumber(errors, 'max-file-size', this.maxFileSize, (n) => Number.isInteger(n) && n > 0, this.#l10n.msg('ruleBytes'));
    return errors;
  }

  // ---- the value ---------------------------------------------------------------------------

  /**
   * The form's values as the API names them (`reason_for_visit`, `type`, `location`, `phone`,
   * `consultation`, `attachments` and every custom field). Set it to prefill any of them.
   */
  get value(): Record<string, unknown> {
    const fields: Record<string, unknown> = this.#builtinFields(false);
    const ids = this.#attachmentIds();
    if (ids.length) fields.attachments = ids;
    return { ...fields, ...this.#customValues() };
  }

  set value(v: Record<string, unknown> | null | undefined) {
    if (!v || typeof v !== 'object') return;
    this.#fill(v);
  }

  /** Applies API-shaped values (an intake, a draft or a page's prefill) to every field. */
  #fill(v: Record<string, unknown>) {
    const str = (x: unknown) => (typeof x === 'string' || typeof x === 'number' ? String(x) : '');
    if ('reason_for_visit' in v) this._reason = str(v.reason_for_visit);
    if ('type' in v) {
      const t = str(v.type);
      this._visitTypeChoice = t === '1' || t === 'walkin' ? 'walkin' : t === '2' || t === 'schedule' ? 'schedule' : '';
    }
    if ('location' in v) this._state = str(v.location).toUpperCase();
    if ('phone' in v) this._phone = str(v.phone);
    if ('consultation' in v) {
      const c = v.consultation;
      this._consultation = typeof c === 'object' && c !== null ? str((c as VseeRecord).id) : str(c);
    }
    if ('attachments' in v && Array.isArray(v.attachments)) {
      this._attachments = v.attachments
        .map((a): Attachment | undefined => {
          const rec: VseeRecord = typeof a === 'object' && a !== null ? (a as VseeRecord) : { id: a };
          const id = str(rec.id ?? rec._id);
          if (!id) return undefined;
          const size = typeof rec.size === 'number' ? rec.size : undefined;
          return { key: nextKey++, id, name: str(rec.name) || id, ...(size !== undefined ? { size } : {}), status: 'done', loaded: 1, total: 1 };
        })
        .filter((a): a is Attachment => Boolean(a));
    }
    const custom: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) if (!INTAKE_KEYS.has(k)) custom[k] = val;
    this.#applyCustom(custom);
  }

  #applyCustom(values: Record<string, unknown>) {
    const controls = customControls(this);
    for (const [name, value] of Object.entries(values)) {
      const group = controls.filter((c) => c.name === name);
      if (group.length) writeCustomValue(group, value);
      else this.#pendingCustom[name] = value; // the control may be added later (slotchange)
    }
    this._customVersion++;
  }

  #customValues(): Record<string, CustomValue> {
    return readCustomValues(customControls(this));
  }

  #effectiveType(): 1 | 2 | undefined {
    const t = this.visitType || (this.then === 'walkin' ? 'walkin' : this._visitTypeChoice);
    return t === 'walkin' ? 1 : t === 'schedule' ? 2 : undefined;
  }

  get #askType(): boolean {
    return !this.visitType && this.then !== 'walkin';
  }

  /** The built-in fields as sent; `raw` keeps the phone as typed (for the draft). */
  #builtinFields(raw: boolean): Record<string, unknown> {
    const f: Record<string, unknown> = {};
    if (this._reason) f.reason_for_visit = this._reason;
    const type = raw ? this._visitTypeChoice || undefined : this.#effectiveType();
    if (type !== undefined) f.type = type;
    if (this._state) f.location = this._state;
    if (this._phone) f.phone = raw ? this._phone : (normalizePhone(this._phone) ?? this._phone);
    if (this._consultation) {
      const c = this.#consultations().find((x) => x.id === this._consultation);
      f.consultation = raw || !c ? (raw ? this._consultation : { id: this._consultation }) : c;
    }
    return f;
  }

  #attachmentIds(): string[] {
    return this._attachments.filter((a) => a.status === 'done' && a.id).map((a) => a.id!);
  }

  /** The body of `POST /intakes`. */
  #intakeFields(editing: boolean): IntakeFields {
    const fields: IntakeFields = { room_code: this.roomCode! };
    if (this.memberId) fields.member_id = this.memberId;
    if (this.providerId) fields.provider_id = /^\d+$/.test(this.providerId) ? Number(this.providerId) : this.providerId;
    Object.assign(fields, this.#builtinFields(false));
    if (editing) {
      // An edit may clear a field: send it empty rather than leave the old value.
      for (const k of ['reason_for_visit', 'location', 'phone'] as const) if (!(k in fields)) fields[k] = '';
    }
    fields.attachments = this.#attachmentIds();
    return { ...fields, ...this.#customValues() };
  }

  // ---- draft -------------------------------------------------------------------------------

  get #draftKey(): string {
    return draftKey(this.api?.accountCode ?? this.accountCode, this.roomCode, this.intakeId);
  }

  #restoreDraft() {
    const key = this.#draftKey;
    this.#draftReady = true;
    if (this.#restoredKey === key) return;
    this.#restoredKey = key;
    const waiting = loadWaiting(key);
    if (waiting && this._phase === 'form') {
      // Reloaded while in the waiting room: go back there rather than start a second visit.
      this._waitVisit = { id: waiting.visitId };
      this.#waitStart = waiting.since;
      this._phase = 'waiting';
      if (this.isConnected) this.#resumeWaiting();
      return;
    }
    const draft = loadDraft(key);
    if (!draft) return;
    this.#fill(draft.values);
    const known = new Set(this._attachments.map((a) => a.id));
    const restored: Attachment[] = draft.attachments
      .filter((a) => !known.has(a.id))
      .map((a) => ({ key: nextKey++, id: a.id, name: a.name, ...(a.size !== undefined ? { size: a.size } : {}), status: 'done', loaded: 1, total: 1 }));
    this._attachments = [...this._attachments, ...restored];
    if (draft.savedIntakeId) this.#savedIntake = { id: draft.savedIntakeId };
  }

  #saveDraft() {
    if (!this.#draftReady || this._phase !== 'form') return;
    const attachments: DraftAttachment[] = this._attachments
      .filter((a) => a.status === 'done' && a.id)
      .map((a) => ({ id: a.id!, name: a.name, ...(a.size !== undefined ? { size: a.size } : {}) }));
    saveDraft(this.#draftKey, {
      values: { ...this.#builtinFields(true), ...this.#customValues() },
      attachments,
      ...(this.#savedIntake ? { savedIntakeId: this.#savedIntake.id } : {}),
    });
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('input', this.#onLightInput);
    this.addEventListener('change', this.#onLightInput);
    this.addEventListener('focusout', this.#onLightBlur);
    this.addEventListener('keydown', this.#onLightKeydown);
    document.addEventListener('visibilitychange', this.#onVisibility);
    if (this._phase === 'waiting') this.#resumeWaiting();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('input', this.#onLightInput);
    this.removeEventListener('change', this.#onLightInput);
    this.removeEventListener('focusout', this.#onLightBlur);
    this.removeEventListener('keydown', this.#onLightKeydown);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#stopWaiting();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A new intake restores its draft as soon as the configuration is known; an edited one once it has loaded.
    if (!this.#draftReady && !this.intakeId && this.api) this.#restoreDraft();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const phone = this.renderRoot.querySelector<HTMLInputElement>('#phone');
    if (phone) {
      const key = validatePhone(this._phone);
      phone.setCustomValidity(key ? this.#l10n.msg(key) : '');
    }
  }

  // ---- events from the fields --------------------------------------------------------------

  /** The clinic control an event came from; none for our own shadow fields (retargeted to us, handled there). */
  #lightControl(e: Event): FieldControl | undefined {
    const c = e.target as FieldControl;
    return e.target !== this && c.name ? c : undefined;
  }

  #onLightInput = (e: Event) => {
    const c = this.#lightControl(e);
    if (!c) return;
    this._dirty = new Set(this._dirty).add(`custom:${c.name}`);
    this.#refreshCustomInvalid();
    this.#saveDraft();
  };

  #onLightBlur = (e: FocusEvent) => {
    const c = this.#lightControl(e);
    if (!c) return;
    this._touched = new Set(this._touched).add(`custom:${c.name}`);
    this.#refreshCustomInvalid();
  };

  /** Enter in a clinic's own text box submits, as it would in a plain form. */
  #onLightKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.target === this || e.defaultPrevented || e.isComposing) return;
    const t = e.target as HTMLElement;
    if (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(t.type)) {
      e.preventDefault();
      void this.submit();
    }
  };

  #onSlotChange = () => {
    if (Object.keys(this.#pendingCustom).length) {
      const pending = this.#pendingCustom;
      this.#pendingCustom = {};
      this.#applyCustom(pending);
    }
    this._customVersion++;
  };

  #input(field: BuiltinField, value: string) {
    switch (field) {
      case 'reason': this.#announceRemaining(this._reason.length, value.length); this._reason = value; break;
      case 'visitType': this._visitTypeChoice = value; break;
      case 'consultation': this._consultation = value; break;
      case 'state': this._state = value; break;
      case 'phone': this._phone = value; break;
    }
    this._dirty = new Set(this._dirty).add(field);
    this.#saveDraft();
  }

  #blur(field: BuiltinField) {
    if (!this._touched.has(field)) this._touched = new Set(this._touched).add(field);
  }

  #announceRemaining(before: number, after: number) {
    const max = REASON_MAX_LENGTH;
    for (const mark of [100, 20, 0]) {
      if (max - before > mark && max - after <= mark) {
        this.#announcer.announce(this.#l10n.msg('reasonRemaining', { n: max - after }));
        return;
      }
    }
  }

  // ---- validation --------------------------------------------------------------------------

  #showError(field: string): boolean {
    return this._submitted || (this._touched.has(field) && this._dirty.has(field));
  }

  #fieldError(field: BuiltinField): string | undefined {
    const key =
      field === 'reason' ? validateReason(this._reason)
      : field === 'phone' ? validatePhone(this._phone)
      : field === 'state' ? validateState(this._state)
      : null;
    return key ? this.#l10n.msg(key, { max: REASON_MAX_LENGTH }) : undefined;
  }

  #invalidCustom(): FieldControl[] {
    const seen = new Set<string>();
    return customControls(this).filter((c) => {
      if (c.validity.valid || seen.has(c.name)) return false;
      seen.add(c.name);
      return true;
    });
  }

  /** Marks the clinic's own controls invalid (aria-invalid) once their error may show. */
  #refreshCustomInvalid() {
    const invalid = new Set(this.#invalidCustom().map((c) => c.name));
    for (const c of customControls(this)) {
      const show = invalid.has(c.name) && this.#showError(`custom:${c.name}`);
      if (show) c.setAttribute('aria-invalid', 'true');
      else if (c.getAttribute('aria-invalid') === 'true') c.removeAttribute('aria-invalid');
    }
    this._customVersion++;
  }

  /**
   * A clinic control's problem in the element's locale. The browser's own `validationMessage`
   * follows the browser's language, not `locale`; a message the page set with
   * `setCustomValidity` is the page's own and is kept.
   */
  #controlError(c: FieldControl): string {
    const v = c.validity;
    const attr = (name: string) => c.getAttribute(name) ?? '';
    if (v.customError) return c.validationMessage;
    if (v.valueMissing) {
      const type = c instanceof HTMLInputElement ? c.type : '';
      if (type === 'checkbox') return this.#l10n.msg('customMissingCheck');
      return type === 'radio' || c instanceof HTMLSelectElement ? this.#l10n.msg('customMissingChoice') : this.#l10n.msg('customMissing');
    }
    if (v.typeMismatch) return attr('type') === 'email' ? this.#l10n.msg('customBadEmail') : this.#l10n.msg('customBadType');
    if (v.patternMismatch) return c.title ? this.#l10n.msg('customPatternHint', { hint: c.title }) : this.#l10n.msg('customPattern');
    if (v.tooShort) return this.#l10n.msg('customTooShort', { n: attr('minlength') });
    if (v.tooLong) return this.#l10n.msg('customTooLong', { n: attr('maxlength') });
    if (v.rangeUnderflow) return this.#l10n.msg('customUnder', { min: attr('min') });
    if (v.rangeOverflow) return this.#l10n.msg('customOver', { max: attr('max') });
    return this.#l10n.msg('customBadType');
  }

  #collectProblems(): Problem[] {
    const problems: Problem[] = [];
    const focus = (sel: string) => () => this.renderRoot.querySelector<HTMLElement>(sel)?.focus();
    const builtins: Array<[BuiltinField, IntakeFormKey, string]> = [
      ['reason', 'reasonLabel', '#reason'],
      ['state', 'stateLabel', '#state'],
      ['phone', 'phoneLabel', '#phone'],
    ];
    for (const [field, label, sel] of builtins) {
      const message = this.#fieldError(field);
      if (message) problems.push({ field: this.#l10n.msg(label), message, focus: focus(sel) });
    }
    for (const c of this.#invalidCustom()) {
      problems.push({ field: controlLabel(c), message: this.#controlError(c), focus: () => c.focus() });
    }
    return problems;
  }

  // ---- submit ------------------------------------------------------------------------------

  /** Validates and submits, as the Submit button does. Resolves when done (or refused). */
  async submit(): Promise<void> {
    // Synchronous guard: a second click while the first is running must not send anything.
    if (this.#submitting || this._phase !== 'form' || !this.api) return;
    this._submitted = true;
    this.#refreshCustomInvalid();
    const problems = this.#collectProblems();
    if (problems.length) {
      this._showSummary = true;
      this._summaryKey++;
      this._submitError = undefined;
      await this.updateComplete;
      problems[0]!.focus();
      return;
    }
    this._showSummary = false;
    this.#submitting = true;
    this._submitError = undefined;
    this.#announcer.announce(this.#l10n.msg('announceSaving'));
    try {
      await this.#submitTask.run([]);
    } finally {
      this.#submitting = false;
      this._busy = null;
    }
    const err = this.#submitTask.error;
    if (this.#submitTask.status === TaskStatus.ERROR && err) this.#showSubmitError(err);
    else if (this.#submitTask.status === TaskStatus.COMPLETE) this.#announcer.clear();
  }

  #showSubmitError(err: unknown) {
    this.#announcer.clear();
    if (err instanceof UploadsIncomplete) {
      this._submitError = { step: 'uploads' };
      return;
    }
    const step = err instanceof StepError ? err.step : 'save';
    const cause = err instanceof StepError ? err.cause : err;
    if (isAbortError(cause)) return;
    this._submitError = { step, error: cause };
  }

  async #performSubmit(signal: AbortSignal): Promise<void> {
    const api = this.api!;
    const running = this._attachments.filter((a) => a.status === 'uploading' && a.promise);
    if (running.length) {
      this._busy = 'uploads';
      await Promise.allSettled(running.map((a) => a.promise));
    }
    if (this._attachments.some((a) => a.status !== 'done')) throw new UploadsIncomplete();

    this._busy = 'saving';
    const existing = this.intakeId || this.#savedIntake?.id;
    const fields = this.#intakeFields(Boolean(existing));
    // Compared in one shape: a retry after a saved intake must not update it when nothing changed.
    const snapshot = JSON.stringify(this.#intakeFields(false));
    let intake = this.#savedIntake;
    // A retry after the intake was saved goes on to the visit, updating the intake only if the patient changed it.
    if (!intake || snapshot !== this.#savedSnapshot) {
      const operation = existing ? 'updateIntake' : 'createIntake';
      try {
        intake = existing ? await api.updateIntake(existing, fields, { signal }) : await api.createIntake(fields, { signal });
        // Without an id nothing can follow (a visit, an edit): the answer was not usable.
        if (typeof intake?.id !== 'string' || !intake.id) throw missingId('intake');
      } catch (e) {
        this.reportError(e, operation);
        throw new StepError('save', e);
      }
      this.#savedIntake = intake;
      this.#savedSnapshot = snapshot;
      this.#savedWasUpdate = Boolean(existing);
      this.#saveDraft();
      this.emit('vsee-intake-saved', { intake });
    }

    const kind = this.then === 'walkin' || this.then === 'econsult' ? this.then : undefined;
    if (kind && !this.#visit) {
      this._busy = 'visit';
      const params = { intake_id: intake.id, room_code: this.roomCode! };
      const operation = kind === 'walkin' ? 'addWalkin' : 'addEconsult';
      let visit: Visit;
      try {
        visit = await this.#visitOnce.run(
          `${kind}:${intake.id}`,
          () => this.#findVisit(api, kind, intake.id, signal),
          async () => {
            const created = kind === 'walkin' ? await api.addWalkin(params, { signal }) : await api.addEconsult(params, { signal });
            if (typeof created?.id !== 'string' || !created.id) throw missingId('visit');
            return created;
          },
        );
      } catch (e) {
        this.reportError(e, operation);
        throw new StepError('visit', e);
      }
      this.#visit = visit;
      this.emit('vsee-visit-created', { visit, kind });
    }

    clearDraft(this.#draftKey);
    this.#restoredKey = this.#draftKey;
    if (kind === 'walkin' && this.#visit) {
      this.#startWaiting(this.#visit);
    } else {
      this._phase = kind === 'econsult' ? 'econsult' : 'saved';
      this.#focus.request('.done');
    }
  }

  /** The visit an earlier, unanswered attempt may have created for this intake. */
  async #findVisit(api: VseeClient, kind: 'walkin' | 'econsult', intakeId: string, signal: AbortSignal): Promise<Visit | undefined> {
    const mine = (v: Visit | null | undefined) => Boolean(v && typeof v.id === 'string' && v.id && String(v.intake_id ?? '') === intakeId);
    if (kind === 'walkin') {
      const current = await api.getCurrentVisit({ signal });
      return current && mine(current) ? current : undefined;
    }
    return (await api.listVisits({ signal })).find((v) => mine(v) && v.type === 3 && !v.id.startsWith('unknown-'));
  }

  #onSubmit(e: Event) {
    e.preventDefault();
    void this.submit();
  }

  /** After a saved intake: back to the form, which now updates that intake. */
  #editAgain() {
    this._phase = 'form';
    this._submitted = false;
    this.#focus.request('#reason');
  }

  /** After a closed or finished visit: a fresh, empty form for a new intake. */
  #startNew() {
    this.#stopWaiting();
    clearWaiting(this.#draftKey);
    this.#savedIntake = undefined;
    this.#savedSnapshot = undefined;
    this.#visit = undefined;
    this._waitVisit = undefined;
    this._reason = '';
    this._visitTypeChoice = '';
    this._consultation = '';
    this._state = '';
    this._phone = '';
    this._attachments = [];
    this._touched = new Set();
    this._dirty = new Set();
    this._submitted = false;
    this._closeError = undefined;
    this._confirmLeave = false;
    for (const c of customControls(this)) {
      if (c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio')) c.checked = c.defaultChecked;
      else if (c instanceof HTMLSelectElement) for (const o of c.options) o.selected = o.defaultSelected;
      else c.value = c.defaultValue;
      c.removeAttribute('aria-invalid');
    }
    this._phase = 'form';
    this.#focus.request('#reason');
  }

  // ---- attachments -------------------------------------------------------------------------

  get #accept(): string {
    return this.accept?.trim() || DEFAULT_ACCEPT;
  }

  get #maxSize(): number {
    return this.maxFileSize && Number.isInteger(this.maxFileSize) && this.maxFileSize > 0 ? this.maxFileSize : DEFAULT_MAX_FILE_SIZE;
  }

  #typesText(): string {
    return this.accept?.trim() ? this.accept.trim().split(',').map((t) => t.trim()).join(', ') : this.#l10n.msg('attachmentsDefaultTypes');
  }

  #onFiles(e: Event) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file may be chosen again later
    this.addFiles(files);
  }

  /** Checks and uploads files as if the patient chose them. */
  addFiles(files: File[]): void {
    const errors: string[] = [];
    const locale = this.resolvedLocale;
    for (const file of files) {
      if (!fileAccepted(file, this.#accept)) {
        errors.push(this.#l10n.msg('errFileType', { name: file.name, types: this.#typesText() }));
      } else if (file.size > this.#maxSize) {
        errors.push(this.#l10n.msg('errFileSize', { name: file.name, size: formatBytes(file.size, locale), max: formatBytes(this.#maxSize, locale) }));
      } else if (file.size === 0) {
        errors.push(this.#l10n.msg('errFileEmpty', { name: file.name }));
      } else {
        const att: Attachment = { key: nextKey++, name: file.name, size: file.size, file, status: 'uploading', loaded: 0, total: file.size };
        this._attachments = [...this._attachments, att];
        this.#upload(att);
      }
    }
    this._fileErrors = errors;
    if (this._submitError?.step === 'uploads') this._submitError = undefined;
  }

  #upload(att: Attachment) {
    const api = this.api;
    if (!api || !att.file) return;
    att.status = 'uploading';
    att.loaded = 0;
    att.error = undefined;
    const controller = new AbortController();
    att.controller = controller;
    att.promise = api
      .uploadFile(att.file, {
        signal: controller.signal,
        category: 'intake_attachment',
        onProgress: (loaded, total) => {
          att.loaded = loaded;
          att.total = total || att.total;
          this.requestUpdate();
        },
      })
      .then(
        (uploaded) => {
          att.id = uploaded.id;
          att.status = 'done';
          att.loaded = att.total;
          this.#saveDraft();
        },
        (e: unknown) => {
          if (controller.signal.aborted) return;
          att.status = 'error';
          att.error = describeError(this.#l10n, e);
          this.reportError(e, 'uploadFile');
        },
      )
      .finally(() => this.requestUpdate());
    this.requestUpdate();
  }

  #removeFile(att: Attachment) {
    att.controller?.abort();
    this._attachments = this._attachments.filter((a) => a !== att);
    if (this._submitError?.step === 'uploads' && !this._attachments.some((a) => a.status === 'error')) this._submitError = undefined;
    this.#saveDraft();
    this.#focus.request('#files');
  }

  #retryFile(att: Attachment) {
    this.#upload(att);
    this._attachments = [...this._attachments];
    if (this._submitError?.step === 'uploads') this._submitError = undefined;
  }

  // ---- waiting room ------------------------------------------------------------------------

  get #pollMs(): number {
    return this.pollInterval && this.pollInterval > 0 ? this.pollInterval * 1000 : 4000;
  }

  #startWaiting(visit: Visit) {
    this._waitVisit = visit;
    this.#waitStart = Date.now();
    this._phase = 'waiting';
    saveWaiting(this.#draftKey, { visitId: visit.id, since: this.#waitStart });
    this.#focus.request('.waiting .title');
    this.#resumeWaiting();
  }

  #resumeWaiting() {
    this.#stopWaiting();
    this.#pollFailures = 0;
    if (this.maxWait && this.maxWait > 0) {
      const left = this.#waitStart + this.maxWait * 1000 - Date.now();
      this.#maxWaitTimer = setTimeout(() => void this.#close('max_waiting_time_reached'), Math.max(0, left));
    }
    this.#watch();
  }

  /** Polls the visit and ticks the waited time (after a failed close too, with no new max-wait timer). */
  #watch() {
    this.#pollDelay = this.#pollMs;
    this.#tickTimer = setInterval(() => this.requestUpdate(), Math.min(15_000, Math.max(1000, this.#pollMs)));
    this.#schedulePoll(this.#pollDelay);
  }

  /** The wait is over: the room answered, the visit ended or the patient left. */
  #endWaiting(phase: Phase) {
    this.#stopWaiting();
    clearWaiting(this.#draftKey);
    this._phase = phase;
    this.#focus.request('.done');
  }

  #stopWaiting() {
    clearTimeout(this.#pollTimer);
    clearInterval(this.#tickTimer);
    clearTimeout(this.#maxWaitTimer);
    this.#pollTimer = this.#tickTimer = this.#maxWaitTimer = undefined;
    this.#pollAbort?.abort();
    this.#pollAbort = undefined;
  }

  #schedulePoll(ms: number) {
    clearTimeout(this.#pollTimer);
    // While the page is hidden nothing is polled; visibilitychange resumes.
    if (document.hidden || !this.isConnected) return;
    this.#pollTimer = setTimeout(() => void this.#poll(), ms);
  }

  #onVisibility = () => {
    if (this._phase !== 'waiting') return;
    if (document.hidden) {
      clearTimeout(this.#pollTimer);
      this.#pollAbort?.abort();
    } else {
      this.requestUpdate();
      this.#schedulePoll(0);
    }
  };

  async #poll() {
    const api = this.api;
    const id = this._waitVisit?.id;
    if (!api || !id || this._phase !== 'waiting' || this._closing) return;
    const controller = new AbortController();
    this.#pollAbort = controller;
    try {
      const visit = await api.getVisit(id, { signal: controller.signal });
      if (this._phase !== 'waiting' || controller.signal.aborted) return;
      this.#pollFailures = 0;
      this._pollTrouble = false;
      // The id we asked for stays, whatever the answer carried.
      this._waitVisit = { ...this._waitVisit, ...visit, id };
      const started = visit.status === 25 || (typeof visit.actual_start === 'number' && visit.actual_start > 0);
      if (started) {
        this.#endWaiting('ready');
        this.emit('vsee-visit-ready', { visit });
        return;
      }
      if (visit.status === 30 || visit.status === 40) {
        this.#endWaiting('ended');
        return;
      }
      // Gentle backoff: a long wait needs fewer checks.
      this.#pollDelay = Math.min(this.#pollDelay * 1.25, Math.max(this.#pollMs, 15_000));
    } catch (e) {
      if (isAbortError(e) || controller.signal.aborted) return;
      this.#pollFailures++;
      if (this.#pollFailures >= 2) this._pollTrouble = true;
      if (this.#pollFailures === 2) this.reportError(e, 'getVisit');
      this.#pollDelay = Math.min(this.#pollDelay * 2, Math.max(this.#pollMs, 60_000));
    }
    if (this._phase === 'waiting') this.#schedulePoll(this.#pollDelay);
  }

  async #close(reason: 'patient_exit_room' | 'max_waiting_time_reached') {
    const api = this.api;
    const id = this._waitVisit?.id;
    if (!api || !id || this._closing || this._phase !== 'waiting') return;
    this._closing = true;
    this._closeError = undefined;
    this.#stopWaiting();
    try {
      await api.closeVisit(id, reason);
      this._confirmLeave = false;
      this.#endWaiting(reason === 'patient_exit_room' ? 'left' : 'timedout');
      this.emit('vsee-visit-closed', { id, reason });
    } catch (e) {
      this.reportError(e, 'closeVisit');
      this._closeError = e;
      // Still waiting as far as the clinic knows: keep watching.
      if (reason === 'max_waiting_time_reached') this._confirmLeave = false;
      this.#watch();
    } finally {
      this._closing = false;
    }
  }

  #waitedText(): string {
    return this.#minutesText(Math.floor((Date.now() - this.#waitStart) / 60_000));
  }

  #maxWaitText(): string {
    return this.#minutesText(Math.round((this.maxWait ?? 0) / 60));
  }

  #minutesText(minutes: number): string {
    if (minutes < 1) return this.#l10n.msg('waitedUnderMinute');
    return new Intl.NumberFormat(this.resolvedLocale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
  }

  // ---- room --------------------------------------------------------------------------------

  #room(): Room | undefined {
    return this.#roomTask.status === TaskStatus.COMPLETE ? this.#roomTask.value : undefined;
  }

  #consultations(): Consultation[] {
    const list = this.#room()?.payment?.consultations;
    if (!Array.isArray(list)) return [];
    return list.filter((c) => c && typeof c.id === 'string' && c.id && (c as VseeRecord).visible_to_patient !== false);
  }

  #consultationText(c: Consultation): string {
    const description = typeof c.description === 'string' && c.description ? c.description : this.#l10n.msg('unknown');
    const amount = typeof c.amount === 'number' ? c.amount : typeof c.amount === 'string' ? Number(c.amount) : NaN;
    if (!Number.isFinite(amount) || amount <= 0) return description;
    const currency = typeof this.#room()?.payment?.currency === 'string' ? this.#room()!.payment!.currency! : 'USD';
    let price: string;
    try {
      price = new Intl.NumberFormat(this.resolvedLocale === 'es' ? 'es-US' : 'en-US', { style: 'currency', currency }).format(amount);
    } catch {
      price = String(amount);
    }
    return this.#l10n.msg('consultationWithPrice', { description, price });
  }

  #roomName(): string {
    const name = this.#room()?.name ?? (this._waitVisit?.room as VseeRecord | undefined)?.name;
    return typeof name === 'string' && name ? name : (this.roomCode ?? this.#l10n.msg('unknown'));
  }

  // ---- render ------------------------------------------------------------------------------

  protected override renderContent(): TemplateResult | typeof nothing {
    const room = this.#roomTask;
    if (!this.#roomSettled && (room.status === TaskStatus.PENDING || (room.status === TaskStatus.INITIAL && this.roomCode))) {
      return this.#renderLoading(this.#l10n.msg('loadingForm'));
    }
    if (room.status === TaskStatus.ERROR) {
      const err = room.error;
      if (err instanceof VseeApiError && err.status === 404) {
        return errorPanel(this.#l10n, { what: this.#l10n.msg('roomNotFound'), retry: () => void room.run() });
      }
      // Any other room failure must not keep a patient from sending an intake (see #renderRoomError).
    }
    const settings = this.#room()?.operation_settings;
    if (settings && settings.is_closed === true && this._phase === 'form') {
      const text = typeof settings.close_msg === 'string' && settings.close_msg.trim() ? settings.close_msg : this.#l10n.msg('roomClosedDefault');
      return html`<div class="message" part="message" role="status">
        <strong class="title">${this.#l10n.msg('roomClosedTitle')}</strong>
        <p>${text}</p>
      </div>`;
    }
    switch (this._phase) {
      case 'form':
        break;
      case 'waiting':
        return this.#renderWaiting();
      default:
        return this.#renderDone();
    }
    if (this.intakeId) {
      const t = this.#intakeTask;
      if (t.status === TaskStatus.PENDING || t.status === TaskStatus.INITIAL) return this.#renderLoading(this.#l10n.msg('loadingIntake'));
      if (t.status === TaskStatus.ERROR) {
        return errorPanel(this.#l10n, { what: this.#l10n.msg('intakeLoadFailed'), error: t.error, retry: () => void t.run() });
      }
    }
    return this.#renderForm();
  }

  #renderLoading(label: string) {
    return html`<div class="panel" aria-busy="true">
      <span class="visually-hidden" role="status">${label}</span>
      <div class="skeleton skeleton-field tall"></div>
      <div class="skeleton skeleton-field"></div>
      <div class="skeleton skeleton-field"></div>
    </div>`;
  }

  #describedBy(...ids: Array<string | false | undefined>): string {
    return ids.filter(Boolean).join(' ');
  }

  #renderForm() {
    const reasonError = this.#showError('reason') ? this.#fieldError('reason') : undefined;
    const stateError = this.#showError('state') ? this.#fieldError('state') : undefined;
    const phoneError = this.#showError('phone') ? this.#fieldError('phone') : undefined;
    const consultations = this.#consultations();
    const near = REASON_MAX_LENGTH - this._reason.length <= 100;
    const busy = this._busy !== null;
    const locale = this.resolvedLocale;
    return html`<form part="form" novalidate @submit=${this.#onSubmit} aria-busy=${busy ? 'true' : 'false'}>
      ${this.#renderRoomError()}
      ${this._showSummary ? keyed(this._summaryKey, this.#renderSummary()) : nothing}

      <div class="field" part="field">
        <label for="reason" part="label">${this.#l10n.msg('reasonLabel')} <span class="req">${this.#l10n.msg('required')}</span></label>
        <p id="reason-hint" class="hint" part="hint">${this.#l10n.msg('reasonHint')}</p>
        <textarea
          id="reason"
          name="reason_for_visit"
          part="input"
          required
          aria-required="true"
          maxlength=${REASON_MAX_LENGTH}
          aria-invalid=${reasonError ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('reason-hint', 'reason-counter', reasonError && 'reason-error')}
          .value=${live(this._reason)}
          @input=${(e: Event) => this.#input('reason', (e.target as HTMLTextAreaElement).value)}
          @blur=${() => this.#blur('reason')}
        ></textarea>
        <p id="reason-counter" class="counter ${near ? 'near' : ''}">
          ${this.#l10n.msg('reasonCounter', { count: this._reason.length, max: REASON_MAX_LENGTH })}
        </p>
        ${reasonError ? html`<p id="reason-error" class="error" part="error">${reasonError}</p>` : nothing}
      </div>

      ${this.#askType
        ? html`<fieldset class="field" part="field">
            <legend part="label">${this.#l10n.msg('visitTypeLabel')} <span class="opt">${this.#l10n.msg('optional')}</span></legend>
            <div class="choices">
              ${(['walkin', 'schedule'] as const).map(
                (t) => html`<label class="choice">
                  <input
                    type="radio"
                    name="type"
                    part="input"
                    value=${t}
                    .checked=${live(this._visitTypeChoice === t)}
                    @change=${() => this.#input('visitType', t)}
                    @blur=${() => this.#blur('visitType')}
                  />
                  ${this.#l10n.msg(t === 'walkin' ? 'visitTypeWalkin' : 'visitTypeSchedule')}
                </label>`,
              )}
            </div>
          </fieldset>`
        : nothing}

      ${consultations.length
        ? html`<div class="field" part="field">
            <label for="consultation" part="label">${this.#l10n.msg('consultationLabel')} <span class="opt">${this.#l10n.msg('optional')}</span></label>
            <select
              id="consultation"
              name="consultation"
              part="input"
              .value=${live(this._consultation)}
              @change=${(e: Event) => this.#input('consultation', (e.target as HTMLSelectElement).value)}
            >
              <option value="" ?selected=${!this._consultation}>${this.#l10n.msg('consultationNone')}</option>
              ${consultations.map(
                (c) => html`<option value=${c.id} ?selected=${this._consultation === c.id}>${this.#consultationText(c)}</option>`,
              )}
            </select>
          </div>`
        : nothing}

      <div class="field" part="field">
        <label for="state" part="label">${this.#l10n.msg('stateLabel')} <span class="opt">${this.#l10n.msg('optional')}</span></label>
        <p id="state-hint" class="hint" part="hint">${this.#l10n.msg('stateHint')}</p>
        <select
          id="state"
          name="location"
          part="input"
          autocomplete="address-level1"
          aria-invalid=${stateError ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('state-hint', stateError && 'state-error')}
          .value=${live(this._state)}
          @change=${(e: Event) => this.#input('state', (e.target as HTMLSelectElement).value)}
          @blur=${() => this.#blur('state')}
        >
          <option value="" ?selected=${!this._state}>${this.#l10n.msg('stateChoose')}</option>
          ${US_STATES.map(
            (s) => html`<option value=${s.code} ?selected=${this._state === s.code}>${(locale === 'es' && s.es) || s.en}</option>`,
          )}
        </select>
        ${stateError ? html`<p id="state-error" class="error" part="error">${stateError}</p>` : nothing}
      </div>

      <div class="field" part="field">
        <label for="phone" part="label">${this.#l10n.msg('phoneLabel')} <span class="opt">${this.#l10n.msg('optional')}</span></label>
        <p id="phone-hint" class="hint" part="hint">${this.#l10n.msg('phoneHint')}</p>
        <input
          id="phone"
          name="phone"
          type="tel"
          part="input"
          inputmode="tel"
          autocomplete="tel-national"
          aria-invalid=${phoneError ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('phone-hint', phoneError && 'phone-error')}
          .value=${live(this._phone)}
          @input=${(e: Event) => this.#input('phone', (e.target as HTMLInputElement).value)}
          @blur=${() => this.#blur('phone')}
        />
        ${phoneError ? html`<p id="phone-error" class="error" part="error">${phoneError}</p>` : nothing}
      </div>

      <div class="custom"><slot @slotchange=${this.#onSlotChange}></slot>${this.#renderCustomErrors()}</div>

      ${this.#renderAttachments()}

      ${this._submitError ? this.#renderSubmitError() : nothing}

      <div class="actions-row">
        <button
          type="submit"
          class="primary"
          part="submit"
          aria-disabled=${busy ? 'true' : 'false'}
        >
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${this.#submitLabel()}
        </button>
      </div>
      ${this.#announcer.region()}
    </form>`;
  }

  /** The room's details (closed hours, consultation types) failed: the form still works. */
  #renderRoomError() {
    const room = this.#roomTask;
    if (room.status !== TaskStatus.ERROR) return nothing;
    return errorPanel(this.#l10n, { what: this.#l10n.msg('roomLoadFailed'), error: room.error, retry: () => void room.run() });
  }

  #submitLabel(): string {
    if (this._busy === 'uploads') return this.#l10n.msg('submitUploading');
    if (this._busy) return this.#l10n.msg('submitSaving');
    return this.#l10n.msg('submit');
  }

  /** The problems as they are now: a fixed one leaves the list while the patient works. */
  #renderSummary() {
    void this._customVersion;
    const problems = this.#collectProblems();
    const n = problems.length;
    if (!n) return nothing;
    return html`<div class="summary" part="summary" role="alert">
      <p>${n === 1 ? this.#l10n.msg('summaryOne') : this.#l10n.msg('summaryMany', { count: n })}</p>
      <ul>
        ${problems.map(
          (p) => html`<li><button type="button" class="link" @click=${p.focus}>${this.#l10n.msg('summaryItem', { field: p.field, error: p.message })}</button></li>`,
        )}
      </ul>
    </div>`;
  }

  #renderCustomErrors() {
    void this._customVersion; // re-render when a clinic control changed
    const shown = this.#invalidCustom().filter((c) => this.#showError(`custom:${c.name}`));
    if (!shown.length) return nothing;
    return html`<ul class="error-list" aria-live="polite">
      ${shown.map((c) => html`<li class="error" part="error">${this.#l10n.msg('summaryItem', { field: controlLabel(c), error: this.#controlError(c) })}</li>`)}
    </ul>`;
  }

  #renderAttachments() {
    const locale = this.resolvedLocale;
    const hint = this.#l10n.msg('attachmentsHint', { types: this.#typesText(), size: formatBytes(this.#maxSize, locale) });
    return html`<div class="field" part="field">
      <label for="files" part="label">${this.#l10n.msg('attachmentsLabel')} <span class="opt">${this.#l10n.msg('optional')}</span></label>
      <p id="files-hint" class="hint" part="hint">${hint}</p>
      <input
        id="files"
        type="file"
        part="input"
        multiple
        accept=${this.#accept}
        aria-describedby=${this.#describedBy('files-hint', this._fileErrors.length > 0 && 'files-error')}
        @change=${this.#onFiles}
      />
      <div id="files-error" role="alert">
        ${this._fileErrors.map((e) => html`<p class="error" part="error">${e}</p>`)}
      </div>
      ${this._attachments.length
        ? html`<ul class="files" part="attachments" aria-label=${this.#l10n.msg('attachmentsList')}>
            ${this._attachments.map((a) => this.#renderAttachment(a))}
          </ul>`
        : nothing}
    </div>`;
  }

  #renderAttachment(a: Attachment) {
    const locale = this.resolvedLocale;
    const percent = a.total > 0 ? Math.min(100, Math.round((a.loaded / a.total) * 100)) : 0;
    const progressId = `progress-${a.key}`;
    return html`<li class="file" part="attachment">
      <span class="name">${a.name}${a.size !== undefined ? html` <span class="note">(${formatBytes(a.size, locale)})</span>` : nothing}</span>
      ${a.status === 'uploading'
        ? html`<progress
              id=${progressId}
              max="100"
              value=${percent}
              aria-label=${this.#l10n.msg('uploadProgress', { name: a.name })}
            ></progress>
            <span class="status">${this.#l10n.msg('uploadPercent', { percent })}</span>`
        : a.status === 'done'
          ? html`<span class="status">${this.#l10n.msg('uploadDone')}</span>`
          : html`<span class="status failed" role="alert">${this.#l10n.msg('uploadFailed', { error: a.error ?? this.#l10n.msg('errUnknown') })}</span>`}
      <span class="actions">
        ${a.status === 'error' && a.file
          ? html`<button type="button" @click=${() => this.#retryFile(a)} aria-label=${this.#l10n.msg('retryFile', { name: a.name })}>
              ${this.#l10n.msg('retry')}
            </button>`
          : nothing}
        <button type="button" class="danger" @click=${() => this.#removeFile(a)} aria-label=${this.#l10n.msg('removeFile', { name: a.name })}>
          ${this.#l10n.msg('remove')}
        </button>
      </span>
    </li>`;
  }

  #renderSubmitError() {
    const { step, error } = this._submitError!;
    // An attachment that did not upload is retried on its own row, not here.
    if (step === 'uploads') return errorPanel(this.#l10n, { what: this.#l10n.msg('errUploadsFailed') });
    let what = this.#l10n.msg('errSaveTitle');
    if (step === 'visit') what = this.#l10n.msg(this.then === 'econsult' ? 'errVisitEconsultTitle' : 'errVisitWalkinTitle');
    return errorPanel(this.#l10n, { what, error, note: this.#l10n.msg('valuesKept'), retry: () => void this.submit() });
  }

  #renderDone() {
    let title: string;
    let text: string;
    let action: TemplateResult | typeof nothing = nothing;
    let tone = 'success';
    switch (this._phase) {
      case 'econsult':
        title = this.#l10n.msg('econsultTitle');
        text = this.#l10n.msg('econsultText');
        break;
      case 'ready':
        title = this.#l10n.msg('readyTitle');
        text = this.#l10n.msg('readyText');
        break;
      case 'left':
        title = this.#l10n.msg('leftTitle');
        text = this.#l10n.msg('leftText');
        tone = '';
        action = html`<button type="button" @click=${this.#startNew}>${this.#l10n.msg('startNew')}</button>`;
        break;
      case 'timedout':
        title = this.#l10n.msg('timedOutTitle');
        text = this.#l10n.msg('timedOutText', { time: this.#maxWaitText() });
        tone = 'error';
        action = html`<button type="button" @click=${this.#startNew}>${this.#l10n.msg('startNew')}</button>`;
        break;
      case 'ended':
        title = this.#l10n.msg('endedTitle');
        text = this.#l10n.msg('endedText');
        tone = '';
        action = html`<button type="button" @click=${this.#startNew}>${this.#l10n.msg('startNew')}</button>`;
        break;
      default:
        title = this.#l10n.msg('savedTitle');
        text = this.#l10n.msg(this.#savedWasUpdate ? 'updatedText' : 'savedText');
        action = html`<button type="button" @click=${this.#editAgain}>${this.#l10n.msg('editAnswers')}</button>`;
    }
    return html`<div class="panel">
      <div class="message done ${tone}" part="message" role="status" tabindex="-1">
        <strong class="title">${title}</strong>
        <p>${text}</p>
      </div>
      ${action !== nothing ? html`<div class="actions-row">${action}</div>` : nothing}
    </div>`;
  }

  #renderWaiting() {
    return html`<section class="waiting" part="waiting-room" aria-labelledby="waiting-title">
      <strong id="waiting-title" class="title" tabindex="-1">${this.#l10n.msg('waitingTitle')}</strong>
      <div role="status" aria-live="polite">
        <p>${this.#l10n.msg('waitingIn', { room: this.#roomName() })}</p>
        <p>${this.#l10n.msg('waitingKeepOpen')}</p>
        ${this._pollTrouble ? html`<p class="note">${this.#l10n.msg('waitingCheckFailed')}</p>` : nothing}
      </div>
      <p class="timer" role="timer">${this.#l10n.msg('waitedFor', { time: this.#waitedText() })}</p>
      ${this._closeError !== undefined
        ? // No Try again of its own: "Leave the waiting room" below is it.
          errorPanel(this.#l10n, { what: this.#l10n.msg('leaveFailed'), error: this._closeError })
        : nothing}
      ${this._confirmLeave
        ? html`<div class="confirm" role="group" aria-labelledby="leave-q">
            <p id="leave-q">${this.#l10n.msg('leaveQuestion')}</p>
            <div class="actions-row">
              <button
                type="button"
                class="danger primary"
                id="leave-confirm"
                aria-disabled=${this._closing ? 'true' : 'false'}
                @click=${() => void this.#close('patient_exit_room')}
              >
                ${this._closing ? this.#l10n.msg('leaving') : this.#l10n.msg('leaveConfirm')}
              </button>
              <button type="button" id="leave-cancel" @click=${this.#cancelLeave}>${this.#l10n.msg('stay')}</button>
            </div>
          </div>`
        : html`<div class="actions-row">
            <button type="button" class="danger" id="leave" @click=${this.#askLeave}>${this.#l10n.msg('leaveRoom')}</button>
          </div>`}
    </section>`;
  }

  #askLeave = () => {
    this._confirmLeave = true;
    this.#focus.request('#leave-cancel');
  };

  #cancelLeave = () => {
    this._confirmLeave = false;
    this.#focus.request('#leave');
  };
}

defineOnce('vsee-intake-form', VseeIntakeForm);

declare global {
  interface HTMLElementTagNameMap {
    'vsee-intake-form': VseeIntakeForm;
  }
}
