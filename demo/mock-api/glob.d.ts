// Types of glob.js, for the TypeScript tests that match fault paths the way the mock does.
export function isGlob(pattern: string): boolean;
export function globMatches(pattern: string, path: string): boolean;
export function pathMatches(pattern: unknown, path: string): boolean;
