import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { VseeElement, defineOnce, numberAttr } from '../vsee-element.js';
import { LocalizeController } from '../controllers/localize.js';
import { FocusController } from '../controllers/focus.js';
import { AnnouncerController } from '../controllers/announcer.js';
import { errorPanel } from '../controllers/error-panel.js';
import { VseeApiError } from '../../client/errors.js';
import type { Consultation, IntakeFields, Room } from '../../client/types.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { intakeFormMessages } from '../../i18n/intake-form.js';
import { intakeFormStyles } from './vsee-intake-form.styles.js';
import { InteractionState } from './interaction-state.js';
import { BuiltinFields, INTAKE_KEYS } from './builtin-fields.js';
import { AttachmentsController, type HostAccess } from './attachments.js';
import { UNDRAFTED_TYPES } from './draft-store.js';
import { DraftSync } from './draft-sync.js';
import type { VisitKind } from './submit-pipeline.js';
import { LazySubmitPipeline, UploadsIncomplete, submitFailure, type SubmitFailure } from './submit.js';
import { chunks } from './chunks.js';
import { attributeErrors } from './config.js';
import { OutcomeController } from './outcome.js';
import { intakeRequest, intakeType } from './intake-fields.js';
import { consultationText, patientConsultations, roomName } from './room-details.js';
import { CustomFieldsSlot } from './custom-fields-slot.js';
import {
  collectProblems,
  keepFocusThroughRetry,
  renderLoading,
  renderRoomClosed,
  renderSubmitArea,
  renderSummary,
} from './form-messages.js';
import type { Busy, Problem } from './form-messages.js';

/**
 * The patient intake: reason for visit, visit type, state, phone, attachments and the clinic's
 * own questions; saves it as a VSee intake and, with `then`, goes on to a walk-in (with a
 * waiting room) or an e-consult. The behaviour lives beside this file: builtin-fields.ts,
 * attachments.ts, custom-fields.ts, interaction-state.ts, draft-store.ts, submit.ts and
 * submit-pipeline.ts, waiting-room.ts and join-visit.ts; chunks.ts says which load on first use.
 *
 * @tagname vsee-intake-form
 * @summary A patient intake form that creates or edits a VSee Clinic intake, then optionally a walk-in or e-consult visit.
 *
 * @fires {CustomEvent<VseeIntakeSavedDetail>} vsee-intake-saved - `{ intake }` after the intake was created or updated.
 * @fires {CustomEvent<VseeVisitCreatedDetail>} vsee-visit-created - `{ visit, kind }` after `then="walkin"` or `then="econsult"` created the visit.
 * @fires {CustomEvent<VseeVisitReadyDetail>} vsee-visit-ready - `{ visit }` when the provider picked up the walk-in. Cancelable: `preventDefault()` keeps the element from offering *Join your visit* (the page opens the call itself).
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
 * @csspart attachment - One chosen file: its name and size, its upload bar (without a value while it is sent, full once uploaded) and buttons.
 * @csspart submit - The submit button.
 * @csspart message - Status and error messages (success, closed room, failures).
 * @csspart waiting-room - The waiting room shown after a walk-in was created.
 * @csspart join - The *Join your visit* button shown when the provider is ready and `clinic-url` is set.
 */
export class VseeIntakeForm extends VseeElement {
  static override styles = [sharedStyles, intakeFormStyles];
  readonly #l10n = new LocalizeController(this, intakeFormMessages);
  /** The client and error reporting, for controllers (both are protected on the element). */
  readonly #access: HostAccess = { api: () => this.api, reportError: (e, op) => this.reportError(e, op) };
  readonly #focus = new FocusController(this);
  readonly #announcer = new AnnouncerController(this);
  readonly #interaction = new InteractionState(this);
  readonly #fields = new BuiltinFields(this, this.#l10n, this.#interaction, this.#announcer);
  readonly #attachments = new AttachmentsController(this, this.#access, this.#l10n, this.#focus);
  readonly #pipeline = new LazySubmitPipeline();
  readonly #custom = new CustomFieldsSlot(this, this.#l10n, this.#interaction);
  readonly #outcome: OutcomeController = new OutcomeController(this, {
    ...this.#access,
    l10n: this.#l10n,
    focus: this.#focus,
    store: () => this.#draft.store,
    roomName: () => roomName(this.#l10n, this.#room(), this.roomCode),
    visitReady: (visit) => this.emit('vsee-visit-ready', { visit }, { cancelable: true }),
    visitClosed: (id, reason) => this.emit('vsee-visit-closed', { id, reason }),
    wasUpdate: () => this.#pipeline.wasUpdate,
  });

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
  /** The clinic's VSee web address (https), e.g. `https://clinic.vsee.me`: when the provider is ready the patient is offered *Join your visit*. */
  @property({ attribute: 'clinic-url' }) clinicUrl?: string;
  /** Where *Join your visit* opens: `_self` (this tab, default) or `_blank` (a new tab). */
  @property({ attribute: 'join-target' }) joinTarget?: '_self' | '_blank';

  @state() private _busy: Busy = null;
  @state() private _submitError?: SubmitFailure;
  @state() private _showSummary = false;
  @state() private _summaryKey = 0;

  #submitting = false;
  /** The room answered (or failed) once: a retry keeps the form on screen. */
  #roomSettled = false;
  readonly #draft: DraftSync = new DraftSync({
    // The member id, else the token, says who the patient is (the store keeps only a hash).
    scope: () => ({
      accountCode: this.api?.accountCode ?? this.accountCode,
      roomCode: this.roomCode,
      intakeId: this.intakeId,
      patient: this.memberId || this.token || undefined,
    }),
    snapshot: () => {
      const saved = this.#pipeline.savedIntakeId;
      const values = { ...this.#fields.forDraft(), ...this.#custom.values(UNDRAFTED_TYPES) };
      return { values, attachments: this.#attachments.forDraft(), ...(saved ? { savedIntakeId: saved } : {}) };
    },
    editing: () => !this.#outcome.phase,
    restore: (draft) => {
      this.#fill(draft.values);
      this.#attachments.setUploaded(draft.attachments, true);
      if (draft.savedIntakeId) this.#pipeline.restoreIntake(draft.savedIntakeId);
    },
    resumeWaiting: (w) => void this.#outcome.wait({ id: w.visitId }, w.since),
    patientChanged: () => this.#startNew(false),
  });

  #roomTask = new Task(this, {
    task: async ([api, code], { signal }) => (api && code ? api.getRoom(code, { signal }) : initialState),
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
      this.#draft.restore();
      return intake;
    },
    args: () => [this.api, this.intakeId] as const,
    onError: (e) => this.reportError(e, 'getIntake'),
  });

  #submitTask = new Task(this, { autoRun: false, task: async (_args: readonly unknown[], { signal }) => this.#performSubmit(signal) });

  protected override get needsRoom(): boolean {
    return true;
  }

  protected override validateConfig(): string[] {
    const errors = super.validateConfig();
    const msg = this.#l10n.msg.bind(this.#l10n);
    const { visitType, then, clinicUrl, joinTarget } = this;
    errors.push(...attributeErrors({ visitType, then, clinicUrl, joinTarget }, this.#l10n));
    this.checkNumber(errors, 'max-wait', this.maxWait, (n) => n > 0, msg('ruleSeconds'));
    this.checkNumber(errors, 'poll-interval', this.pollInterval, (n) => n > 0, msg('ruleSeconds'));
    this.checkNumber(errors, 'max-file-size', this.maxFileSize, (n) => Number.isInteger(n) && n > 0, msg('ruleBytes'));
    return errors;
  }

  // ---- the value ---------------------------------------------------------------------------

  /**
   * The form's values as the API names them (`reason_for_visit`, `type`, `location`, `phone`,
   * `consultation`, `attachments` and every custom field). Set it to prefill any of them.
   */
  get value(): Record<string, unknown> {
    const fields = this.#fields.forApi(this.#effectiveType(), this.#consultations());
    const ids = this.#attachments.ids();
    if (ids.length) fields.attachments = ids;
    return { ...fields, ...this.#custom.values() };
  }

  set value(v: Record<string, unknown> | null | undefined) {
    if (v && typeof v === 'object') this.#fill(v);
  }

  /** Applies API-shaped values (an intake, a draft or a page's prefill) to every field. */
  #fill(v: Record<string, unknown>): void {
    this.#fields.fill(v);
    if (Array.isArray(v.attachments)) this.#attachments.setUploaded(v.attachments);
    const custom = Object.fromEntries(Object.entries(v).filter(([k]) => !INTAKE_KEYS.has(k)));
    this.#custom.apply(custom);
  }

  #effectiveType(): 1 | 2 | undefined {
    return intakeType(this.visitType, this.then, this.#fields.visitType);
  }

  #intakeFields(editing: boolean): IntakeFields {
    const builtin = this.#fields.forApi(this.#effectiveType(), this.#consultations());
    const parts = { roomCode: this.roomCode!, memberId: this.memberId, providerId: this.providerId, builtin };
    return intakeRequest({ ...parts, attachments: this.#attachments.ids(), custom: this.#custom.values() }, editing);
  }

  // ---- hooks the controllers call ----------------------------------------------------------

  /** @internal */
  customChanged(): void {
    this.#draft.save();
  }

  /** @internal */
  attachmentsChanged(): void {
    if (this._submitError?.step === 'uploads' && !this.#attachments.list.some((a) => a.status === 'error')) this._submitError = undefined;
    this.#draft.save();
    this.requestUpdate();
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#custom.load();
  }

  /** The clinic's controls are handled by their own chunk: the first render waits for it, so `value` has them. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#custom.waiting ? this.#custom.load().then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.api) this.#draft.open();
    // A new intake restores its draft as soon as the configuration is known; an edited one once it has loaded.
    if (!this.#draft.restored && !this.intakeId && this.api) this.#draft.restore();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const phone = this.renderRoot.querySelector<HTMLInputElement>('#phone');
    phone?.setCustomValidity(this.#fields.error('phone') ?? '');
  }

  // ---- submit ------------------------------------------------------------------------------

  /** Validates and submits, as the Submit button does. Resolves when done (or refused). */
  async submit(): Promise<void> {
    // Synchronous guard: a second click while the first is running must not send anything.
    if (this.#submitting || this.#outcome.phase || !this.api) return;
    this.#interaction.submit();
    if (!this.#custom.ready) {
      // The clinic's questions cannot be read without their chunk: nothing is sent half-filled.
      this.#submitting = true;
      await this.#custom.load();
      this.#submitting = false;
      // Not sent: the panel at the top of the form says why and offers *Try again*.
      if (!this.#custom.ready) return this.#focus.request('[data-focus=retry]');
    }
    this.#custom.refreshInvalid();
    const problems = this.#problems();
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
    keepFocusThroughRetry(this.#focus, this.renderRoot as ShadowRoot, () => !this.#submitting);
    this._submitError = undefined;
    this.#announcer.announce(this.#l10n.msg('announceSaving'));
    try {
      await this.#submitTask.run([]);
    } finally {
      this.#submitting = false;
      this._busy = null;
    }
    if (this.#submitTask.status === TaskStatus.ERROR) {
      this.#announcer.clear();
      this._submitError = submitFailure(this.#submitTask.error);
    } else if (this.#submitTask.status === TaskStatus.COMPLETE) this.#announcer.clear();
  }

  async #performSubmit(signal: AbortSignal): Promise<void> {
    const uploads = this.#attachments.settle();
    if (uploads) {
      this._busy = 'uploads';
      await uploads;
    }
    if (!this.#attachments.complete) throw new UploadsIncomplete();
    this._busy = 'saving';
    const kind: VisitKind | undefined = this.then === 'walkin' || this.then === 'econsult' ? this.then : undefined;
    const { visit } = await this.#pipeline.run({
      api: this.api!,
      roomCode: this.roomCode!,
      intakeId: this.intakeId,
      fields: (editing) => this.#intakeFields(editing),
      kind,
      signal,
      reportError: (e, op) => this.reportError(e, op),
      visitStarting: (k) => {
        this._busy = 'visit';
        // The waiting room is about to be needed: fetch its chunk while the walk-in POST is in flight.
        if (k === 'walkin') chunks.waitingRoom.prefetch();
      },
      intakeSaved: (intake) => {
        this.#draft.save();
        this.emit('vsee-intake-saved', { intake });
      },
      visitCreated: (v, k) => this.emit('vsee-visit-created', { visit: v, kind: k }),
    });
    this.#draft.store.clear();
    if (kind === 'walkin' && visit) {
      await this.#outcome.wait(visit);
    } else {
      this.#outcome.show(kind === 'econsult' ? 'econsult' : 'saved');
    }
  }

  /** Checks and uploads files as if the patient chose them. */
  addFiles(files: File[]): void {
    this.#attachments.add(files);
  }

  #onSubmit(e: Event): void {
    e.preventDefault();
    void this.submit();
  }

  /** After a saved intake: back to the form, which now updates that intake. */
  #editAgain = () => {
    this.#outcome.reset();
    this.#interaction.resetSubmitted();
    this.#focus.request('#reason');
  };

  /** A fresh, empty form for a new intake (after a closed visit, or for another patient). */
  #startNew(focus = true): void {
    this.#outcome.reset();
    this.#pipeline.reset();
    this.#fields.clear();
    this.#attachments.clear();
    this.#interaction.reset();
    this.#custom.reset();
    this._submitError = undefined;
    this._showSummary = false;
    if (focus) this.#focus.request('#reason');
  }

  // ---- room and validation -----------------------------------------------------------------

  #room(): Room | undefined {
    return this.#roomTask.status === TaskStatus.COMPLETE ? this.#roomTask.value : undefined;
  }

  #consultations(): Consultation[] {
    return patientConsultations(this.#room());
  }

  /** Every problem as the summary lists it: the form's own fields first, then the clinic's. */
  #problems(): Problem[] {
    return collectProblems(this.renderRoot, this.#fields.problems(), this.#custom.problems());
  }

  // ---- render ------------------------------------------------------------------------------

  protected override renderContent(): TemplateResult | typeof nothing {
    const room = this.#roomTask;
    if (!this.#roomSettled && (room.status === TaskStatus.PENDING || (room.status === TaskStatus.INITIAL && this.roomCode))) {
      return renderLoading(this.#l10n.msg('loadingForm'));
    }
    if (room.status === TaskStatus.ERROR && room.error instanceof VseeApiError && room.error.status === 404) {
      return errorPanel(this.#l10n, { what: this.#l10n.msg('roomNotFound'), retry: () => void room.run() });
    }
    // Any other room failure must not keep a patient from sending an intake (see #renderForm).
    const settings = this.#room()?.operation_settings;
    if (settings && settings.is_closed === true && !this.#outcome.phase) return renderRoomClosed(this.#l10n, settings.close_msg);
    if (this.#outcome.phase) {
      return this.#outcome.render({ startNew: () => this.#startNew(), editAgain: this.#editAgain, loading: renderLoading });
    }
    if (this.intakeId && this.#intakeTask.status !== TaskStatus.COMPLETE) {
      return this.#intakeTask.render({
        initial: () => renderLoading(this.#l10n.msg('loadingIntake')),
        pending: () => renderLoading(this.#l10n.msg('loadingIntake')),
        error: (error) =>
          errorPanel(this.#l10n, { what: this.#l10n.msg('intakeLoadFailed'), error, retry: () => void this.#intakeTask.run() }),
      }) as TemplateResult;
    }
    return this.#renderForm();
  }

  #renderForm(): TemplateResult {
    const room = this.#roomTask;
    return html`<form part="form" novalidate @submit=${this.#onSubmit} @focusin=${this.#pipeline.prefetch} @pointerover=${this.#pipeline.prefetch} aria-busy=${this._busy ? 'true' : 'false'}>
      ${
        room.status === TaskStatus.ERROR
          ? errorPanel(this.#l10n, { what: this.#l10n.msg('roomLoadFailed'), error: room.error, retry: () => void room.run() })
          : nothing
      }
      ${this.#custom.failed ? this.#custom.renderFailure() : nothing}
      ${this._showSummary ? keyed(this._summaryKey, renderSummary(this.#l10n, this.#problems())) : nothing}
      ${this.#fields.render({
        askType: !this.visitType && this.then !== 'walkin',
        consultations: this.#consultations(),
        consultationText: (c) => consultationText(this.#l10n, this.#room(), c),
        locale: this.resolvedLocale,
        changed: () => this.#draft.save(),
      })}
      <div class="custom"><slot @slotchange=${this.#custom.slotChanged}></slot>${this.#custom.renderErrors()}</div>
      ${this.#attachments.render()}
      ${renderSubmitArea(this.#l10n, { failure: this._submitError, then: this.then, busy: this._busy, retry: () => void this.submit() })}
      ${this.#announcer.region()}
    </form>`;
  }
}

defineOnce('vsee-intake-form', VseeIntakeForm);

declare global {
  interface HTMLElementTagNameMap {
    'vsee-intake-form': VseeIntakeForm;
  }
}
