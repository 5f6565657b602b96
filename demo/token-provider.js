// The page side of the token: ask the demo server's token route (scripts/demo-token.mjs, the
// project's createTokenHandler) for the patient's token, as a clinic page asks its own server.
// Concurrent asks (three elements starting together) share one request; the server caches.

/**
 * @param {string | null} tenant the mock tenant (`?tenant=x`), or null for the demo's own
 * @returns {() => Promise<string>}
 */
export function demoTokenProvider(tenant) {
  const url = `/demo/token${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`;
  /** @type {Promise<string> | null} */
  let pending = null;
  return () =>
    (pending ??= (async () => {
      try {
        const res = await fetch(url, { method: 'POST', credentials: 'same-origin' });
        const body = await res.json().catch(() => ({}));
        if (!res.ok || typeof body.token !== 'string') {
          throw new Error(body.error?.message || `The token route answered ${res.status}.`);
        }
        return body.token;
      } finally {
        pending = null;
      }
    })());
}
