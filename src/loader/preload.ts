/**
 * The shared chunks each module of `dist/cdn/` imports, fetched together with the module
 * (`<link rel="modulepreload">`) instead of one round trip after it: on a mobile network the
 * loader → element → lit chain would otherwise cost a page three round trips before anything shows.
 * rollup.config.js writes the list into the built loaders in place of `JSON.parse(GRAPH)` below
 * (the hashed chunk names are known only then); unbuilt (tsc's `dist/`, the dev server) the parse
 * fails and nothing is preloaded.
 */
const GRAPH = '__VSEE_CHUNK_GRAPH__';

let graph: Record<string, readonly string[]> | undefined;
const preloaded = new Set<string>();

function dependencies(file: string): readonly string[] {
  if (!graph) {
    try {
      graph = JSON.parse(GRAPH) as Record<string, readonly string[]>;
    } catch {
      graph = {};
    }
  }
  return graph[file] ?? [];
}

/** Starts fetching what `file` (a module beside the loader, at `base`) will import. */
export function preloadDependencies(file: string, base: string): void {
  for (const dep of dependencies(file)) {
    const href = new URL(dep, base).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    (document.head ?? document.documentElement).append(link);
  }
}
