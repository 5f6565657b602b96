// Which API paths a queued fault applies to. A pattern that starts with "/" is a glob over the
// whole path: "/visits" is that path only, "/visits/*" one segment more, "/visits/**" anything
// below. Any other string is found anywhere in the path ("intakes"). Never a regular expression:
// a pattern from a test or a curious visitor must not run a backtracking expression in the server.

/** @param {string} pattern */
export function isGlob(pattern) {
  return pattern.startsWith('/');
}

/**
 * `*` matches within one path segment, `**` across segments; everything else literally.
 * @param {string} pattern
 * @param {string} path
 */
export function globMatches(pattern, path) {
  // Split into literal runs and stars, then match left to right with backtracking over the star
  // positions only (linear in practice: patterns are short and have one or two stars).
  const parts = pattern.split(/(\*\*|\*)/).filter((p) => p !== '');
  const match = (pi, si) => {
    if (pi === parts.length) return si === path.length;
    const part = parts[pi];
    if (part === '**' || part === '*') {
      for (let end = si; end <= path.length; end++) {
        if (part === '*' && end > si && path[end - 1] === '/') break;
        if (match(pi + 1, end)) return true;
      }
      return false;
    }
    return path.startsWith(part, si) && match(pi + 1, si + part.length);
  };
  return match(0, 0);
}

/**
 * Does a fault's `path` select this API path? Empty selects every path.
 * @param {unknown} pattern
 * @param {string} path
 */
export function pathMatches(pattern, path) {
  if (pattern === undefined || pattern === null || pattern === '') return true;
  const p = String(pattern);
  return isGlob(p) ? globMatches(p, path) : path.includes(p);
}
