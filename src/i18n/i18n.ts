/**
 * Message tables keyed by meaning, one per area, each with `en` and `es`. `defineMessages`
 * makes a key missing in Spanish a type error. Placeholders are `{name}`.
 */
export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];

export type MessageTable<K extends string> = { en: Record<K, string>; es: Record<K, string> };

export function defineMessages<K extends string>(en: Record<K, string>, es: Record<K, string>): MessageTable<K> {
  return { en, es };
}

export type Params = Record<string, string | number>;

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** `en`, `es`, `es-MX` → a supported locale; anything else → undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : undefined;
}
