/**
 * The clinic's own questions: plain form controls with a `name`, placed inside the element
 * (light DOM). They are read, validated and filled back by name, like a form would.
 */
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

/** The words a patient sees for a control: its label, else aria-label, else its name. */
export function controlLabel(c: FieldControl): string {
  if (c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox')) {
    const legend = c.closest('fieldset')?.querySelector('legend')?.textContent?.trim();
    if (legend && c.type === 'radio') return legend;
  }
  const label = c.labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim();
  return label || c.getAttribute('aria-label') || c.name;
}
