/**
 * The clinic's own questions: plain form controls with a `name`, placed inside the element
 * (light DOM). They are read, validated and filled back by name, like a form would. Its own
 * chunk: a form without such controls never downloads this (see chunks.ts).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../controllers/localize.js';
import type { IntakeFormKey } from '../../i18n/intake-form.js';
import type { InteractionState } from './interaction-state.js';

export type FieldControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
export type CustomValue = string | string[];

const SKIPPED_TYPES = new Set(['file', 'submit', 'button', 'reset', 'image']);

/** The named controls inside `host` (any depth in its light DOM), in document order. */
export function customControls(host: Element): FieldControl[] {
  return [...host.querySelectorAll<FieldControl>('input[name], select[name], textarea[name]')].filter(
    (c) => c.name && !c.disabled && !SKIPPED_TYPES.has(c.type),
  );
}

function byName(controls: FieldControl[]): Map<string, FieldControl[]> {
  const groups = new Map<string, FieldControl[]>();
  for (const c of controls) {
    const list = groups.get(c.name) ?? [];
    list.push(c);
    groups.set(c.name, list);
  }
  return groups;
}

/** Values by name: a checkbox sends its value when checked (several of one name: a list), radios the checked one. */
export function readCustomValues(controls: FieldControl[]): Record<string, CustomValue> {
  const out: Record<string, CustomValue> = {};
  for (const [name, group] of byName(controls)) {
    const first = group[0]!;
    if (first instanceof HTMLInputElement && first.type === 'checkbox') {
      const checked = group.filter((c) => (c as HTMLInputElement).checked).map((c) => c.value);
      out[name] = group.length > 1 ? checked : (checked[0] ?? '');
    } else if (first instanceof HTMLInputElement && first.type === 'radio') {
      out[name] = group.find((c) => (c as HTMLInputElement).checked)?.value ?? '';
    } else if (first instanceof HTMLSelectElement && first.multiple) {
      out[name] = [...first.selectedOptions].map((o) => o.value);
    } else {
      out[name] = first.value;
    }
  }
  return out;
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (value === null || value === undefined) return [];
  return [String(value)];
}

/** Fills one named group from a value as the API returns it (string, number, boolean or list). */
export function writeCustomValue(group: FieldControl[], value: unknown): void {
  const list = asList(value);
  for (const c of group) {
    if (c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio')) {
      c.checked = list.includes(c.value) || (c.type === 'checkbox' && group.length === 1 && (value === true || value === 'true'));
    } else if (c instanceof HTMLSelectElement && c.multiple) {
      for (const o of c.options) o.selected = list.includes(o.value);
    } else {
      c.value = list.join(',');
    }
  }
}

/** Puts every control back to the value its markup gave it. */
export function resetControls(controls: FieldControl[]): void {
  for (const c of controls) {
    if (c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio')) c.checked = c.defaultChecked;
    else if (c instanceof HTMLSelectElement) for (const o of c.options) o.selected = o.defaultSelected;
    else c.value = c.defaultValue;
    c.removeAttribute('aria-invalid');
  }
}

/** The words a patient sees for a control: its label, else aria-label, else its name. */
export function controlLabel(c: FieldControl): string {
  if (c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox')) {
    const legend = c.closest('fieldset')?.querySelector('legend')?.textContent?.trim();
    if (legend && c.type === 'radio') return legend;
  }
  const label = c.labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim();
  return label || c.getAttribute('aria-label') || c.name;
}

/**
 * A control's problem in the element's locale. The browser's own `validationMessage` follows the
 * browser's language, not `locale`; a message the page set with `setCustomValidity` is the page's
 * own and is kept.
 */
export function controlError(l10n: LocalizeController<IntakeFormKey>, c: FieldControl): string {
  const v = c.validity;
  const attr = (name: string) => c.getAttribute(name) ?? '';
  if (v.customError) return c.validationMessage;
  if (v.valueMissing) {
    const type = c instanceof HTMLInputElement ? c.type : '';
    if (type === 'checkbox') return l10n.msg('customMissingCheck');
    return type === 'radio' || c instanceof HTMLSelectElement ? l10n.msg('customMissingChoice') : l10n.msg('customMissing');
  }
  if (v.typeMismatch) return attr('type') === 'email' ? l10n.msg('customBadEmail') : l10n.msg('customBadType');
  if (v.patternMismatch) return c.title ? l10n.msg('customPatternHint', { hint: c.title }) : l10n.msg('customPattern');
  if (v.tooShort) return l10n.msg('customTooShort', { n: attr('minlength') });
  if (v.tooLong) return l10n.msg('customTooLong', { n: attr('maxlength') });
  if (v.rangeUnderflow) return l10n.msg('customUnder', { min: attr('min') });
  if (v.rangeOverflow) return l10n.msg('customOver', { max: attr('max') });
  return l10n.msg('customBadType');
}

export interface CustomFieldsHost extends ReactiveControllerHost, HTMLElement {
  /** A clinic control changed: the draft is saved. */
  customChanged(): void;
  /** Enter in a clinic text box: submit, as a plain form would. */
  submit(): Promise<void>;
}

/** One invalid control per name: the patient fixes a radio group once, not per button. */
export interface CustomProblem {
  control: FieldControl;
  label: string;
  message: string;
}

/**
 * Listens to the clinic's controls (their events reach the host through the light DOM), tracks
 * their interaction state under `custom:{name}`, marks them `aria-invalid` once their error may
 * show, and renders their errors in the shadow root beside the slot.
 */
export class CustomFieldsController implements ReactiveController {
  readonly #host: CustomFieldsHost;
  readonly #l10n: LocalizeController<IntakeFormKey>;
  readonly #state: InteractionState;
  /** Values for controls not in the page yet (added later: slotchange applies them). */
  #pending: Record<string, unknown> = {};

  constructor(host: CustomFieldsHost, l10n: LocalizeController<IntakeFormKey>, state: InteractionState) {
    this.#host = host;
    this.#l10n = l10n;
    this.#state = state;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('input', this.#onInput);
    this.#host.addEventListener('change', this.#onInput);
    this.#host.addEventListener('focusout', this.#onBlur);
    this.#host.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('input', this.#onInput);
    this.#host.removeEventListener('change', this.#onInput);
    this.#host.removeEventListener('focusout', this.#onBlur);
    this.#host.removeEventListener('keydown', this.#onKeydown);
  }

  get controls(): FieldControl[] {
    return customControls(this.#host);
  }

  /** Values by name; `forDraft` leaves out what a draft must never hold (see draft-store.ts). */
  values(skipTypes?: ReadonlySet<string>): Record<string, CustomValue> {
    const controls = this.controls.filter((c) => !(skipTypes && c instanceof HTMLInputElement && skipTypes.has(c.type)));
    return readCustomValues(controls);
  }

  /** Fills controls by name; names without a control yet wait for it. */
  apply(values: Record<string, unknown>): void {
    const controls = this.controls;
    for (const [name, value] of Object.entries(values)) {
      const group = controls.filter((c) => c.name === name);
      if (group.length) writeCustomValue(group, value);
      else this.#pending[name] = value;
    }
    this.#host.requestUpdate();
  }

  /** Controls were added or removed. */
  slotChanged(): void {
    const pending = this.#pending;
    this.#pending = {};
    if (Object.keys(pending).length) this.apply(pending);
    this.#host.requestUpdate();
  }

  problems(): CustomProblem[] {
    const seen = new Set<string>();
    const out: CustomProblem[] = [];
    for (const c of this.controls) {
      if (c.validity.valid || seen.has(c.name)) continue;
      seen.add(c.name);
      out.push({ control: c, label: controlLabel(c), message: controlError(this.#l10n, c) });
    }
    return out;
  }

  /** Marks controls invalid (aria-invalid) once their error may show. */
  refreshInvalid(): void {
    const invalid = new Set(this.problems().map((p) => p.control.name));
    for (const c of this.controls) {
      if (invalid.has(c.name) && this.#state.showsError(`custom:${c.name}`)) c.setAttribute('aria-invalid', 'true');
      else if (c.getAttribute('aria-invalid') === 'true') c.removeAttribute('aria-invalid');
    }
    this.#host.requestUpdate();
  }

  reset(): void {
    resetControls(this.controls);
    this.#host.requestUpdate();
  }

  renderErrors(): TemplateResult | typeof nothing {
    const shown = this.problems().filter((p) => this.#state.showsError(`custom:${p.control.name}`));
    if (!shown.length) return nothing;
    return html`<ul class="error-list" aria-live="polite">
      ${shown.map((p) => html`<li class="error" part="error">${this.#l10n.msg('summaryItem', { field: p.label, error: p.message })}</li>`)}
    </ul>`;
  }

  /** The clinic control an event came from; none for our own shadow fields (retargeted to the host). */
  #control(e: Event): FieldControl | undefined {
    const c = e.target as FieldControl;
    return e.target !== this.#host && c.name ? c : undefined;
  }

  #onInput = (e: Event) => {
    const c = this.#control(e);
    if (!c) return;
    this.#state.change(`custom:${c.name}`);
    this.refreshInvalid();
    this.#host.customChanged();
  };

  #onBlur = (e: Event) => {
    const c = this.#control(e);
    if (!c) return;
    this.#state.touch(`custom:${c.name}`);
    this.refreshInvalid();
  };

  #onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.target === this.#host || e.defaultPrevented || e.isComposing) return;
    const t = e.target as HTMLElement;
    if (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(t.type)) {
      e.preventDefault();
      void this.#host.submit();
    }
  };
}
