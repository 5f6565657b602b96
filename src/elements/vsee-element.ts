/**
 * The small base of every element: the shared configuration attributes become one client, a
 * locale and a time zone; a bad configuration becomes a clear message inside the element.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VseeClient, type VseeClientChangeDetail } from '../client/vsee-client.js';
import { VseeApiError, isAbortError } from '../client/errors.js';
import type { VseeEventDetail, VseeEventName } from '../events.js';
import { commonMessages, type CommonKey } from '../i18n/common.js';
import { ensureLocale, format, matchLocale, type Locale, type MessageTable, type Params } from '../i18n/i18n.js';
import { browserTimeZone, formatDate, formatDateTime, formatTime, isValidTimeZone, timeZoneLabel } from '../internal/format.js';
import { ReducedMotionController } from '../internal/reduced-motion.js';

/** Clients built from identical attributes are shared, so identical GETs of several elements share requests. */
const sharedClients = new Map<string, VseeClient>();

/**
 * A number attribute converter that keeps garbage visible (NaN) for validation to report.
 * Number properties are never reflected, so it has no `toAttribute`.
 */
export const numberAttr = {
  fromAttribute(value: string | null): number | undefined {
    if (value === null || value.trim() === '') return undefined;
    return Number(value);
  },
};

/** A created record without an id: nothing can follow it, so the answer counts as unreadable. */
export function missingId(what: string): VseeApiError {
  return new VseeApiError('bad_response', 200, `The answer had no ${what} id.`);
}

export abstract class VseeElement extends LitElement {
  /** Base URL of the VSee API, e.g. `https://api.vseepreview.com/vc/next/api_v3`. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** The clinic account, sent as `X-AccountCode`. */
  @property({ attribute: 'account-code' }) accountCode?: string;
  /** The patient's token, sent as `X-ApiToken`; never reflected, logged or put in a URL. */
  @property({ attribute: 'token' }) token?: string;
  /** Sent as `X-ApiKey`. */
  @property({ attribute: 'api-key' }) apiKey?: string;
  /** The clinic room code. */
  @property({ attribute: 'room-code' }) roomCode?: string;
  /** `en` or `es`; default the nearest `lang` attribute, else `en`. */
  @property({ attribute: 'locale' }) locale?: string;
  /** IANA time zone for showing times; default the browser's. */
  @property({ attribute: 'timezone' }) timezone?: string;
  /** A `VseeClient` to share; when set it wins over the attributes. */
  @property({ attribute: false }) client?: VseeClient;
  /** Asked for a fresh token before the first request and once after a 401. */
  @property({ attribute: false }) tokenProvider?: () => Promise<string>;

  /** The client in use, resolved from `client` or the attributes; undefined while misconfigured. */
  @state() protected api?: VseeClient;
  @state() protected configErrors: string[] = [];

  /** The element's own message table; looked up before the common one. */
  protected static messages?: MessageTable<string>;

  #ownClient?: { key: string; client: VseeClient };

  constructor() {
    super();
    // Animations off under prefers-reduced-motion, also after a change in WebKit (see the controller).
    new ReducedMotionController(this);
  }
  #ownClientProvider?: () => Promise<string>;
  #loggedConfig = '';

  /** Whether this element needs a patient token (the form's room lookup does not). */
  protected get needsToken(): boolean {
    return true;
  }

  /** Whether this element needs `room-code`. */
  protected get needsRoom(): boolean {
    return false;
  }

  /**
   * Locale and zone as of this update: a list renders hundreds of dates, and resolving the
   * locale walks up the tree for `lang` each time.
   */
  #perUpdate?: { locale: Locale; tz?: string };

  /** The locale in use: `locale`, else the nearest `lang` up the tree, else `en`. */
  get resolvedLocale(): Locale {
    if (this.#perUpdate) return this.#perUpdate.locale;
    if (this.locale) return matchLocale(this.locale) ?? 'en';
    return matchLocale(this.#inheritedLang()) ?? 'en';
  }

  /** The resolved IANA time zone. */
  protected get tz(): string {
    // Worked out when first needed (the browser's own zone builds a formatter), so a first update
    // starts its request before that cost.
    if (this.#perUpdate) return (this.#perUpdate.tz ??= this.#zone());
    return this.#zone();
  }

  #zone(): string {
    return this.timezone && isValidTimeZone(this.timezone) ? this.timezone : browserTimeZone();
  }

  #inheritedLang(): string | null {
    let node: Node | null = this;
    while (node) {
      if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return null;
  }

  /** Spanish strings load on demand: an element in Spanish waits for them before it renders. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = ensureLocale(this.resolvedLocale, [commonMessages, (this.constructor as typeof VseeElement).messages]);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // `lang` may come from an ancestor only known once connected.
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.#perUpdate = undefined;
    super.willUpdate(changed);
    // Frameworks (React 19, Vue) set properties, often as strings ("7"): read them like attributes.
    for (const [name, options] of (this.constructor as typeof LitElement).elementProperties) {
      const self = this as unknown as Record<PropertyKey, unknown>;
      if (options.converter === numberAttr && typeof self[name] === 'string') {
        self[name] = numberAttr.fromAttribute(self[name] as string);
      }
    }
    const errors = this.validateConfig();
    this.configErrors = errors;
    this.api = errors.length ? undefined : this.#resolveClient();
    const summary = errors.join(' ');
    if (summary && summary !== this.#loggedConfig) {
      console.error(`<${this.localName}>: ${summary}`);
    }
    this.#loggedConfig = summary;
    this.#perUpdate = { locale: this.resolvedLocale };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#perUpdate = undefined;
    if (this.isConnected && this.api !== this.#listeningTo) {
      this.#listeningTo?.removeEventListener('change', this.#onClientChange);
      this.#listeningTo = this.api;
      this.#listeningTo?.addEventListener('change', this.#onClientChange);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listeningTo?.removeEventListener('change', this.#onClientChange);
    this.#listeningTo = undefined;
  }

  #listeningTo?: VseeClient;
  #onClientChange = (e: Event): void => {
    const detail = (e as CustomEvent<VseeClientChangeDetail>).detail;
    if (detail && this.isConnected) this.clientChanged(detail);
  };

  /**
   * Another call through this element's client (often another element sharing it) changed data
   * on the server. Override to refetch what depends on it.
   */
  protected clientChanged(_detail: VseeClientChangeDetail): void {}

  /** Problems with the configuration, as messages in the element's locale. Extend in subclasses. */
  protected validateConfig(): string[] {
    const errors: string[] = [];
    if (this.locale && !matchLocale(this.locale)) errors.push(this.msg('configBadLocale', { value: this.locale }));
    if (this.timezone && !isValidTimeZone(this.timezone)) errors.push(this.msg('configBadTimezone', { value: this.timezone }));
    if (this.needsRoom && !this.roomCode) errors.push(this.msg('configMissingRoom'));
    if (this.client) return errors;
    const base = this.apiBase?.trim();
    if (!base) errors.push(this.msg('configMissingBase'));
    else if (!isUrl(base)) errors.push(this.msg('configBadBase', { value: base }));
    if (!this.accountCode) errors.push(this.msg('configMissingAccount'));
    if (this.needsToken && !this.token && !this.tokenProvider) errors.push(this.msg('configMissingToken'));
    return errors;
  }

  /** A number attribute check: pushes a message when `value` breaks `ok`. */
  protected checkNumber(errors: string[], name: string, value: number | undefined, ok: (n: number) => boolean, rule: string): void {
    if (value === undefined) return;
    if (!Number.isFinite(value) || !ok(value)) {
      const raw = this.getAttribute(name) ?? String(value);
      errors.push(this.msg('configBadNumber', { name, rule, value: raw }));
    }
  }

  #resolveClient(): VseeClient {
    if (this.client) return this.client;
    const { accountCode, apiKey, token, tokenProvider } = this;
    const baseUrl = this.apiBase!.trim();
    const key = JSON.stringify([baseUrl, accountCode ?? '', apiKey ?? '', token ?? '']);
    const make = () => new VseeClient({ baseUrl, accountCode, apiKey, token, tokenProvider });
    if (!tokenProvider) {
      let shared = sharedClients.get(key);
      if (!shared) sharedClients.set(key, (shared = make()));
      return shared;
    }
    // A token provider belongs to this element's page code: keep a client of our own for it.
    if (this.#ownClient?.key !== key || this.#ownClientProvider !== tokenProvider) {
      this.#ownClientProvider = tokenProvider;
      this.#ownClient = { key, client: make() };
    }
    return this.#ownClient.client;
  }

  /** A message from the element's table or the common one, in the element's locale. */
  protected msg(key: string, params?: Params): string {
    const lang = this.resolvedLocale;
    const own = (this.constructor as typeof VseeElement).messages;
    const table = own && key in own.en ? own : commonMessages;
    const template = (table[lang] as Record<string, string> | undefined)?.[key] ?? (table.en as Record<string, string>)[key] ?? key;
    return format(template, params);
  }

  /** Typed shorthand for the common table. */
  protected common(key: CommonKey, params?: Params): string {
    return this.msg(key, params);
  }

  override render(): TemplateResult | typeof nothing {
    if (this.configErrors.length) return this.renderConfigError();
    return this.renderContent();
  }

  /** The element's content once its configuration is valid. */
  protected abstract renderContent(): TemplateResult | typeof nothing;

  protected renderConfigError(): TemplateResult {
    return html`<div class="config-error" part="config-error" role="alert">
      <strong>${this.common('configTitle')}</strong>
      <ul>
        ${this.configErrors.map((e) => html`<li>${e}</li>`)}
      </ul>
    </div>`;
  }

  /** Fires one of the contract's events (bubbling, composed). Returns false if a listener vetoed it. */
  protected emit<K extends VseeEventName>(name: K, detail: VseeEventDetail<K>, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(contractEvent(name, detail, options.cancelable ?? false));
  }

  /** Fires `vsee-error` for a failure (not for an abort) and returns the error as a `VseeApiError`. */
  protected reportError(error: unknown, operation: string): VseeApiError | undefined {
    if (isAbortError(error)) return undefined;
    const apiError =
      error instanceof VseeApiError ? error : new VseeApiError('bad_response', 0, error instanceof Error ? error.message : String(error));
    this.emit('vsee-error', { error: apiError, operation });
    return apiError;
  }

  /** A failure in plain words, in the element's locale. */
  protected errorText(error: unknown): string {
    if (!(error instanceof VseeApiError)) return this.common('errUnknown');
    const server = error.serverMessage;
    const lang = this.resolvedLocale;
    const text = this.common(ERROR_KEYS[error.code] ?? (error.status === 403 ? 'errForbidden' : 'errHttp'));
    // The vendor's own words help most for a refused request; they stay as sent (English).
    if (server && (error.code === 'http' || error.code === 'conflict')) {
      return lang === 'en' ? server : `${text} (${server})`;
    }
    return text;
  }

  protected typeLabel(code: unknown): string {
    return this.#codeLabel(TYPE_KEYS, 'typeOther', code);
  }

  protected statusLabel(code: unknown): string {
    return this.#codeLabel(STATUS_KEYS, 'statusOther', code);
  }

  /** A visit's numeric code in words: known codes by name, others by number. */
  #codeLabel(known: Record<number, CommonKey>, other: CommonKey, code: unknown): string {
    if (typeof code !== 'number') return this.common('unknown');
    const key = known[code];
    return key ? this.common(key) : this.common(other, { code });
  }

  protected fmtDate(ts: unknown): string {
    return formatDate(ts, this.resolvedLocale, this.tz, this.common('unknown'));
  }

  protected fmtTime(ts: unknown): string {
    return formatTime(ts, this.resolvedLocale, this.tz, this.common('unknown'));
  }

  protected fmtDateTime(ts: unknown): string {
    return formatDateTime(ts, this.resolvedLocale, this.tz, this.common('unknown'));
  }

  protected tzLabel(): string {
    return timeZoneLabel(this.resolvedLocale, this.tz);
  }
}

/** Each client error code's message; any other HTTP failure is `errForbidden` (403) or `errHttp`. */
const ERROR_KEYS: Partial<Record<VseeApiError['code'], CommonKey>> = {
  network: 'errNetwork',
  timeout: 'errTimeout',
  unauthorized: 'errUnauthorized',
  not_found: 'errNotFound',
  conflict: 'errConflict',
  rate_limited: 'errRateLimited',
  server: 'errServer',
  bad_response: 'errBadResponse',
};

/** Visit types and statuses as the API numbers them. */
const TYPE_KEYS: Record<number, CommonKey> = { 1: 'typeWalkin', 2: 'typeAppointment', 3: 'typeEconsult' };
const STATUS_KEYS: Record<number, CommonKey> = {
  10: 'statusPending',
  20: 'statusConfirmed',
  25: 'statusInProgress',
  30: 'statusCompleted',
  40: 'statusCancelled',
};

/** Every contract event bubbles out of the shadow root. (Outside the class: the manifest analyzer
 * would otherwise list a bogus event named after the parameter.) */
function contractEvent(name: string, detail: unknown, cancelable: boolean): CustomEvent {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}

function isUrl(value: string): boolean {
  // Absolute http(s) URLs, or a path on this origin ("/mock/demo/api_v3").
  if (value.startsWith('/') && !value.startsWith('//')) return true;
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Defines a custom element once: a second bundle on the same page must not throw. */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
