/**
 * Message tables keyed by meaning, one per area. English is in the bundle; Spanish may be given
 * inline or as a loader (`() => import('./area.es.js')`), so pages in English do not download it.
 * A Spanish table is typed `Record<Key, string>`: a missing key fails the type check.
 * Placeholders are `{name}`.
 */
export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];

export type SpanishLoader<K extends string> = () => Promise<{ default: Record<K, string> }>;

export interface MessageTable<K extends string> {
  en: Record<K, string>;
  es?: Record<K, string>;
  loadEs?: SpanishLoader<K>;
}

export function defineMessages<K extends string>(en: Record<K, string>, es: Record<K, string> | SpanishLoader<K>): MessageTable<K> {
  return typeof es === 'function' ? { en, loadEs: es } : { en, es };
}

const pending = new WeakMap<MessageTable<string>, Promise<void>>();

/**
 * Loads the locale's tables that are not here yet; undefined when nothing is missing. A failed
 * load (a flaky connection) leaves English in place and is tried again next time.
 */
export function ensureLocale(locale: Locale, tables: Array<MessageTable<string> | undefined>): Promise<void> | undefined {
  if (locale !== 'es') return undefined;
  const missing = tables.filter((t): t is MessageTable<string> => !!t && !t.es && !!t.loadEs);
  if (!missing.length) return undefined;
  return Promise.all(
    missing.map((t) => {
      let p = pending.get(t);
      if (!p) {
        p = t.loadEs!().then(
          (m) => void (t.es = m.default),
          () => void pending.delete(t),
        );
        pending.set(t, p);
      }
      return p;
    }),
  ).then(() => undefined);
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
