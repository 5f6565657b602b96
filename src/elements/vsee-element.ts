/**
 * The small base of every element: the shared configuration attributes become one client, a
 * locale and a time zone; a bad configuration becomes a clear message inside the element; the
 * contract's events leave through `emit`. Everything else lives in controllers (./controllers/).
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VseeClient, type VseeClientChangeDetail } from '../client/vsee-client.js';
import type { TokenRequest } from '../client/options.js';
import { VseeApiError, isAbortError } from '../client/errors.js';
import { baseUrlProblem } from '../client/transport.js';
import type { VseeEventDetail, VseeEventName } from '../events.js';
import { matchLocale, type Locale } from '../i18n/i18n.js';
import { browserTimeZone, isValidTimeZone } from '../internal/format.js';
import { clientKey, clientPool } from './client-pool.js';
import { LocalizeController, loadMessages } from './controllers/localize.js';
import { ReducedMotionController } from '../internal/reduced-motion.js';
import { ELEMENT_MARK, warnIfForeign } from '../internal/element-mark.js';

export type { TokenRequest } from '../client/options.js';

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

/**
 * The custom properties every element reads (styles/shared.styles.ts); the manifest lists them
 * under each element, and so does the README's reference.
 *
 * @cssprop [--vsee-color-primary=#0b5cad] - Buttons, links and accents; also the focus ring unless `--vsee-color-focus` is set
 * @cssprop [--vsee-color-on-primary=#ffffff] - Text on primary buttons
 * @cssprop [--vsee-color-text=#1c2430] - Text
 * @cssprop [--vsee-color-muted=#4a5565] - Secondary text
 * @cssprop [--vsee-color-surface=#ffffff] - Background
 * @cssprop [--vsee-color-surface-alt=#f2f5f9] - Cards and messages
 * @cssprop [--vsee-color-border=#8a96a8] - Borders
 * @cssprop [--vsee-color-danger=#b3261e] - Errors and cancel buttons
 * @cssprop [--vsee-color-success=#1b6e3a] - Confirmations
 * @cssprop --vsee-color-focus - The focus ring; defaults to the primary colour (`--vsee-color-primary`)
 * @cssprop --vsee-font-family - Font of all text (default the system UI font)
 * @cssprop [--vsee-font-size=1rem] - Base font size
 * @cssprop [--vsee-radius=8px] - Corner radius
 * @cssprop [--vsee-color-scheme=light] - The browser's own controls (radios, checkboxes, selects): `dark` for a dark theme
 */
export abstract class VseeElement extends LitElement {
  /** Ours, for a second copy of the library and for the loader (see element-mark.ts). */
  static readonly [ELEMENT_MARK] = true;

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
  /** Asked for a token before the first request, with `{ purpose: 'refresh' }` once after a 401 (answer a new one, not the refused one), and with `{ purpose: 'join' }` by *Join your visit* for a single-use one. */
  @property({ attribute: false }) tokenProvider?: (request?: TokenRequest) => Promise<string>;

  /** The client in use, resolved from `client` or the attributes; undefined while misconfigured. */
  @state() protected api?: VseeClient;
  @state() protected configErrors: string[] = [];

  /** The common messages, for the configuration errors. */
  readonly #l10n = new LocalizeController(this);
  /** A client of this element's own, for a token provider (page code we must not share). */
  #ownClient?: { key: string; provider: (request?: TokenRequest) => Promise<string>; client: VseeClient };

  constructor() {
    super();
    // Animations off under prefers-reduced-motion, also after a change in WebKit (see the controller).
    new ReducedMotionController(this);
  }
  #loggedConfig = '';

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

  /** The IANA time zone times are shown in: `timezone` when valid, else the browser's. */
  get resolvedTimeZone(): string {
    // Worked out when first needed (the browser's own zone builds a formatter), so a first update
    // starts its request before that cost.
    if (!this.#perUpdate) return this.#zone();
    this.#perUpdate.tz ??= this.#zone();
    return this.#perUpdate.tz;
  }

  #zone(): string {
    return this.timezone && isValidTimeZone(this.timezone) ? this.timezone : browserTimeZone();
  }

  /** The nearest `lang` attribute from this element up, crossing shadow roots to their hosts. */
  #inheritedLang(): string | null {
    let found = this.closest('[lang]');
    // closest() stops at a shadow root: go on from its host.
    let root = this.getRootNode();
    while (!found && root instanceof ShadowRoot) {
      found = root.host.closest('[lang]');
      root = root.host.getRootNode();
    }
    return found?.getAttribute('lang') ?? null;
  }

  /** Spanish strings load on demand: an element in Spanish waits for them before it renders. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = loadMessages(this);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // `lang` may come from an ancestor only known once connected; a shared client released on
    // disconnect is taken again.
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
    if (errors.length) {
      this.#releaseClient();
      this.api = undefined;
    } else {
      this.api = this.#resolveClient();
    }
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
    // A move in the document disconnects and connects again in one task: keep the client then.
    queueMicrotask(() => {
      if (!this.isConnected) clientPool.release(this);
    });
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
    const msg = this.#l10n.msg.bind(this.#l10n);
    const errors: string[] = [];
    if (this.locale && !matchLocale(this.locale)) errors.push(msg('configBadLocale', { value: this.locale }));
    if (this.timezone && !isValidTimeZone(this.timezone)) errors.push(msg('configBadTimezone', { value: this.timezone }));
    if (this.needsRoom && !this.roomCode) errors.push(msg('configMissingRoom'));
    if (this.client) return errors;
    const base = this.apiBase?.trim();
    if (!base) errors.push(msg('configMissingBase'));
    else if (!isUrl(base)) errors.push(msg('configBadBase', { value: base }));
    // The client refuses to send a token over plain http to another machine; say so here instead.
    else if (baseUrlProblem(base)) errors.push(msg('configInsecureBase', { value: base }));
    if (!this.accountCode) errors.push(msg('configMissingAccount'));
    if (!this.token && !this.tokenProvider) errors.push(msg('configMissingToken'));
    return errors;
  }

  /** A number attribute check: pushes a message when `value` breaks `ok`. */
  protected checkNumber(errors: string[], name: string, value: number | undefined, ok: (n: number) => boolean, rule: string): void {
    if (value === undefined) return;
    if (!Number.isFinite(value) || !ok(value)) {
      const raw = this.getAttribute(name) ?? String(value);
      errors.push(this.#l10n.msg('configBadNumber', { name, rule, value: raw }));
    }
  }

  #resolveClient(): VseeClient {
    if (this.client) {
      this.#releaseClient();
      return this.client;
    }
    const { accountCode, apiKey, token, tokenProvider } = this;
    const options = { baseUrl: this.apiBase!.trim(), accountCode, apiKey, token, tokenProvider };
    if (!tokenProvider) {
      this.#ownClient = undefined;
      return clientPool.acquire(this, options);
    }
    // A token provider belongs to this element's page code: keep a client of our own for it.
    clientPool.release(this);
    const key = clientKey(options);
    if (this.#ownClient?.key !== key || this.#ownClient.provider !== tokenProvider) {
      this.#ownClient = { key, provider: tokenProvider, client: new VseeClient(options) };
    }
    return this.#ownClient.client;
  }

  /** Lets go of a shared client (the configuration is wrong, or a page's client took over). */
  #releaseClient(): void {
    clientPool.release(this);
    this.#ownClient = undefined;
  }

  override render(): TemplateResult {
    // The language of our words, for a screen reader's voice (WCAG 3.1.2, language of parts): the
    // page around may be in another (an English page with locale="es", a French page in English).
    return html`<div lang=${this.resolvedLocale}>
      ${this.configErrors.length ? this.renderConfigError() : this.renderContent()}
    </div>`;
  }

  /** The element's content once its configuration is valid. */
  protected abstract renderContent(): TemplateResult | typeof nothing;

  protected renderConfigError(): TemplateResult {
    return html`<div class="config-error" part="config-error" role="alert">
      <strong>${this.#l10n.msg('configTitle')}</strong>
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
}

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
  else warnIfForeign(tag);
}
