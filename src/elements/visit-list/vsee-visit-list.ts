import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { VseeElement, defineOnce } from '../vsee-element.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { visitListStyles } from './vsee-visit-list.styles.js';
import { visitListMessages, type VisitListKey } from '../../i18n/visit-list.js';
import type { Visit } from '../../client/types.js';
import { VisitStatuses } from '../../client/types.js';
import type { VseeClientChangeDetail } from '../../client/vsee-client.js';
import { LocalizeController } from '../controllers/localize.js';
import { FocusController } from '../controllers/focus.js';
import { AnnouncerController } from '../controllers/announcer.js';
import { errorPanel } from '../controllers/error-panel.js';
import { VisitDetailsController } from './visit-details.js';
import { CANCEL_REASON, VisitActionsController } from './visit-actions.js';
import { groupVisits, isVisitInProgress, type GroupedVisits } from './visit-helpers.js';
import { renderVisitRow, type VisitRowContext } from './visit-row.js';

export type VisitFilter = 'all' | 'upcoming' | 'past';
type Section = 'upcoming' | 'past';

const FILTERS: readonly string[] = ['all', 'upcoming', 'past'];
/** Visits rendered per section before "Show more": a 1,000-visit history stays light. */
const PAGE_SIZE = 20;
/** Client operations that change the patient's visits (another element on the page may call them). */
const VISIT_OPERATIONS = new Set(['createAppointment', 'updateAppointment', 'addWalkin', 'addEconsult', 'closeVisit', 'deleteVisit']);

/**
 * The patient's visits: upcoming and past, each with its time, provider, type and status, the
 * provider's notes (sanitized), and actions to cancel, reschedule or download a summary.
 *
 * @tagname vsee-visit-list
 * @summary The patient's upcoming and past visits, their notes, cancel and summary.
 *
 * @fires {CustomEvent<VseeVisitClosedDetail>} vsee-visit-closed - The patient cancelled an upcoming visit. `detail: { id, reason }`.
 * @fires {CustomEvent<VseeRescheduleRequestDetail>} vsee-reschedule-request - The patient asked to move an upcoming appointment; answer with a slot picker (`visit-id`). `detail: { visit }`.
 * @fires {CustomEvent<VseeErrorDetail>} vsee-error - A request failed. `detail: { error, operation }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart timezone - The "Times in …" note.
 * @csspart current - The visit-in-progress section.
 * @csspart section - The "Upcoming" and "Past" sections.
 * @csspart section-heading - The heading of a section.
 * @csspart list - A list of visits.
 * @csspart visit - One visit.
 * @csspart visit-heading - A visit's date and time.
 * @csspart status - A visit's status badge.
 * @csspart group-mark - The mark on group appointments.
 * @csspart current-mark - The "Now" mark on the visit in progress.
 * @csspart facts - A visit's type, provider and reason.
 * @csspart actions - A visit's buttons.
 * @csspart button - Every button.
 * @csspart details-button - "View details".
 * @csspart cancel-button - "Cancel visit".
 * @csspart reschedule-button - "Reschedule".
 * @csspart summary-button - "Download summary".
 * @csspart more-button - "Show more".
 * @csspart confirm - The cancel confirmation step.
 * @csspart confirm-button - "Yes, cancel visit".
 * @csspart keep-button - "Keep visit".
 * @csspart details - A visit's expanded details.
 * @csspart notes - One block of the provider's (sanitized) notes.
 * @csspart message - Empty states, errors and notices.
 * @csspart config-error - Shown instead of the list when the configuration is wrong.
 */
export class VseeVisitList extends VseeElement {
  static override styles = [sharedStyles, visitListStyles];
  readonly #l10n = new LocalizeController(this, visitListMessages);
  readonly #focus = new FocusController(this);
  readonly #announcer = new AnnouncerController(this);
  readonly #details = new VisitDetailsController(this, {
    api: () => this.api,
    reportError: (e, operation) => this.reportError(e, operation),
    l10n: this.#l10n,
    focus: this.#focus,
  });
  readonly #actions = new VisitActionsController(this, {
    api: () => this.api,
    reportError: (e, operation) => this.reportError(e, operation),
    l10n: this.#l10n,
    focus: this.#focus,
    announcer: this.#announcer,
    domId: (id) => this.#domId(id),
    cancelled: (id) => {
      this._overrides = new Map(this._overrides).set(id, { status: VisitStatuses.cancelled });
      this.emit('vsee-visit-closed', { id, reason: CANCEL_REASON });
    },
    reschedule: (visit) => this.emit('vsee-reschedule-request', { visit }),
  });

  readonly #row: VisitRowContext = {
    l10n: this.#l10n,
    details: this.#details,
    actions: this.#actions,
    domId: (id) => this.#domId(id),
    withOverrides: (v) => this.#withOverrides(v),
    noteImages: () => !this.hideNoteImages,
  };

  /** How long (ms) the page must have been hidden before coming back refetches the list. */
  static refreshAfterHiddenMs = 60_000;

  /** Which visits to show: `all` (default), `upcoming` or `past`. */
  @property({ attribute: 'filter' }) filter: VisitFilter | string = 'all';
  /** Also show the visit in progress (`GET /visits/current`) at the top. */
  @property({ attribute: 'show-current', type: Boolean }) showCurrent = false;
  /** Leaves images out of the provider's notes: none is fetched (a clinic that wants no request to other hosts). */
  @property({ attribute: 'hide-note-images', type: Boolean }) hideNoteImages = false;

  @state() private _pages: Record<Section, number> = { upcoming: PAGE_SIZE, past: PAGE_SIZE };
  @state() private _visits?: Visit[];
  /** Local changes (a cancellation) applied on top of the last list, so the list updates in place. */
  @state() private _overrides: ReadonlyMap<string, Partial<Visit>> = new Map();

  #domIds = new Map<string, string>();
  #grouped?: { key: unknown[]; value: GroupedVisits };
  #hiddenAt?: number;

  private _listTask = new Task(this, {
    task: async ([api], { signal }) => {
      if (!api) return initialState;
      return api.listVisits({ signal });
    },
    args: () => [this.api] as const,
    onComplete: (visits) => {
      this._visits = visits;
      this.#forgetGoneVisits();
    },
    onError: (e) => this.reportError(e, 'listVisits'),
  });

  private _currentTask = new Task(this, {
    task: async ([api, show], { signal }) => {
      if (!api || !show) return initialState;
      return api.getCurrentVisit({ signal });
    },
    args: () => [this.api, this.showCurrent] as const,
    onComplete: () => this.#forgetGoneVisits(),
    onError: (e) => this.reportError(e, 'getCurrentVisit'),
  });

  /** Loads the visits again (and the visit in progress, with `show-current`). */
  async refresh(): Promise<void> {
    if (!this.api) return;
    await Promise.all([this._listTask.run(), this.showCurrent ? this._currentTask.run() : undefined]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  protected override validateConfig(): string[] {
    const errors = super.validateConfig();
    if (!FILTERS.includes(String(this.filter))) errors.push(this.#l10n.msg('configBadFilter', { value: String(this.filter) }));
    return errors;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const before = this.api;
    super.willUpdate(changed);
    if (before && this.api !== before) {
      // Another account or patient: nothing cached belongs to it.
      this.#details.reset();
      this.#actions.reset();
      this._visits = undefined;
      this._overrides = new Map();
    }
  }

  /** A patient coming back to the tab after a while sees current statuses. */
  #onVisibility = () => {
    if (document.visibilityState === 'hidden') {
      this.#hiddenAt = Date.now();
    } else if (this.#hiddenAt !== undefined) {
      const away = Date.now() - this.#hiddenAt;
      this.#hiddenAt = undefined;
      if (away >= VseeVisitList.refreshAfterHiddenMs) void this.refresh();
    }
  };

  /** Another element on the page booked or cancelled through the same client. */
  protected override clientChanged(detail: VseeClientChangeDetail): void {
    if (!VISIT_OPERATIONS.has(detail.operation)) return;
    // Our own cancellation is already shown in place.
    if (detail.operation === 'closeVisit' && detail.id && this.#actions.isOwnClose(detail.id)) return;
    void this.refresh();
  }

  /** Visits the server no longer lists take their open details and per-visit Tasks with them. */
  #forgetGoneVisits(): void {
    if (!this._visits) return;
    const ids = new Set(this._visits.map((v) => v.id));
    const current = this.showCurrent ? this._currentTask.value : undefined;
    if (current) ids.add(current.id);
    this.#details.retain(ids);
    this.#actions.retain(ids);
  }

  // ---- Rendering ---------------------------------------------------------------------------

  protected override renderContent(): TemplateResult {
    const list = this._listTask;
    const pending = list.status === TaskStatus.PENDING || (list.status === TaskStatus.INITIAL && !!this.api);
    // tabindex="-1": focus can wait here while a *Try again* loads (see #errorPanel).
    return html`<div class="base" part="base" tabindex="-1" aria-busy=${pending ? 'true' : 'false'}>
      ${this.#announcer.region()}
      <p class="timezone" part="timezone">${this.#l10n.msg('timesIn', { zone: this.#l10n.zoneLabel() })}</p>
      ${this.#renderCurrent()}
      ${this._visits ? this.#renderLists(this._visits, list.status === TaskStatus.ERROR) : this.#renderListState()}
    </div>`;
  }

  #renderListState(): TemplateResult {
    if (this._listTask.status === TaskStatus.ERROR) {
      return this.#errorPanel('loadFailed', this._listTask, () => void this.refresh());
    }
    return html`<div class="loading" role="status">
      <span class="visually-hidden">${this.#l10n.msg('loadingVisits')}</span>
      <div class="skeleton" aria-hidden="true"></div>
      <div class="skeleton" aria-hidden="true"></div>
      <div class="skeleton" aria-hidden="true"></div>
    </div>`;
  }

  /** The visit going on now, if the server names one that really is (not cancelled, not ended). */
  #currentVisit(): Visit | null {
    if (!this.showCurrent || this._currentTask.status !== TaskStatus.COMPLETE) return null;
    const v = this._currentTask.value;
    if (!v) return null;
    const merged = this.#withOverrides(v);
    return isVisitInProgress(merged) ? merged : null;
  }

  #renderCurrent(): TemplateResult | typeof nothing {
    if (!this.showCurrent) return nothing;
    if (this._currentTask.status === TaskStatus.ERROR) {
      return this.#errorPanel('currentFailed', this._currentTask, () => void this._currentTask.run());
    }
    const current = this.#currentVisit();
    if (!current) return nothing;
    return html`<section class="section current" part="current" aria-labelledby="current-h">
      <h3 id="current-h" part="section-heading">${this.#l10n.msg('currentHeading')}</h3>
      <ul class="visits" part="list" role="list">${this.#renderVisit(current, true)}</ul>
    </section>`;
  }

  #renderLists(visits: Visit[], refreshFailed: boolean): TemplateResult {
    const current = this.#currentVisit();
    const key = [visits, this._overrides, current?.id];
    if (!this.#grouped || this.#grouped.key.some((k, i) => k !== key[i])) {
      const merged = this._overrides.size ? visits.map((v) => this.#withOverrides(v)) : visits;
      this.#grouped = { key, value: groupVisits(merged, Date.now() / 1000, current?.id) };
    }
    const { upcoming, past } = this.#grouped.value;
    const filter = this.filter as VisitFilter;
    return html`
      ${refreshFailed ? this.#errorPanel('refreshFailed', this._listTask, () => void this.refresh()) : nothing}
      ${filter !== 'past' ? this.#renderSection('upcoming', upcoming) : nothing}
      ${filter !== 'upcoming' ? this.#renderSection('past', past) : nothing}
    `;
  }

  #renderSection(section: Section, visits: Visit[]): TemplateResult {
    const shown = Math.min(visits.length, this._pages[section]);
    const more = Math.min(PAGE_SIZE, visits.length - shown);
    const headingId = `${section}-h`;
    return html`<section class="section ${section}" part="section" aria-labelledby=${headingId} data-section=${section}>
      <h3 id=${headingId} part="section-heading">${this.#l10n.msg(section === 'upcoming' ? 'upcomingHeading' : 'pastHeading')}</h3>
      ${
        visits.length
          ? html`<ul class="visits" part="list" role="list">
            ${repeat(
              visits.slice(0, shown),
              (v) => v.id,
              (v) => this.#renderVisit(v, false),
            )}
          </ul>`
          : html`<p class="message empty" part="message">${this.#l10n.msg(section === 'upcoming' ? 'noUpcoming' : 'noPast')}</p>`
      }
      ${
        more > 0
          ? html`<div class="more">
            <p class="count">${this.#l10n.msg('shownCount', { shown, total: visits.length })}</p>
            <button part="button more-button" type="button" @click=${() => this.#showMore(section, shown)}>
              ${this.#l10n.msg('showMore', { n: more })}
            </button>
          </div>`
          : nothing
      }
    </section>`;
  }

  /**
   * One visit, re-rendered only when something it shows changed: with hundreds of visits open,
   * one more answer does not re-render them all.
   */
  #renderVisit(visit: Visit, current: boolean) {
    const id = visit.id;
    return guard(
      [
        visit,
        current,
        ...this.#details.stamp(id),
        ...this.#actions.stamp(id),
        this.hideNoteImages,
        this.resolvedLocale,
        this.resolvedTimeZone,
      ],
      () => renderVisitRow(visit, current, this.#row),
    );
  }

  #showMore(section: Section, shownBefore: number) {
    this._pages = { ...this._pages, [section]: shownBefore + PAGE_SIZE };
    // Focus goes to the first newly shown visit, so keyboard users continue where they were.
    this.#focus.request(() => this.renderRoot.querySelectorAll<HTMLElement>(`section[data-section="${section}"] li.visit`)[shownBefore]);
  }

  // ---- Plumbing ----------------------------------------------------------------------------

  #withOverrides(v: Visit): Visit {
    const o = this._overrides.get(v.id);
    return o ? { ...v, ...o } : v;
  }

  /** DOM ids from visit ids (which may hold any character), stable while the element lives. */
  #domId(id: string): string {
    let dom = this.#domIds.get(id);
    if (!dom) {
      dom = `visit-${this.#domIds.size + 1}`;
      this.#domIds.set(id, dom);
    }
    return dom;
  }

  /**
   * A failure of `task` with *Try again*, which keeps focus in the list while the retry loads, then
   * moves it to the first visit (or the new *Try again*). Every button of the list carries `part="button"`.
   */
  #errorPanel(what: VisitListKey, task: Task, retry: () => void): TemplateResult {
    return errorPanel(this.#l10n, {
      what: this.#l10n.msg(what),
      error: task.error,
      retry: () => {
        retry();
        this.#focus.keepWhileLoading(
          this.renderRoot.querySelector<HTMLElement>('.base'),
          () => task.status !== TaskStatus.PENDING,
          () => this.renderRoot.querySelector<HTMLElement>('li.visit'),
        );
      },
      buttonPart: 'button',
    });
  }
}

defineOnce('vsee-visit-list', VseeVisitList);

declare global {
  interface HTMLElementTagNameMap {
    'vsee-visit-list': VseeVisitList;
  }
}
