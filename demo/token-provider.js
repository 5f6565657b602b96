// The page side of the token: ask the demo server's token route (scripts/demo-token.mjs, the
// project's createTokenHandler) for the patient's token, as a clinic page asks its own server.
// Concurrent asks (three elements starting together) share one request; the server caches.

/**
 * @param {string | null} tenant the mock tenant (`?tenant=x`), or null for the demo's own
 * @returns {(request?: { purpose?: string }) => Promise<string>}
 */
export function demoTokenProvider(tenant) {
  const url = `/demo/token${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`;
  /** One request per purpose at a time: elements starting together share it. @type {Map<string, Promise<string>>} */
  const pending = new Map();
  // `{ purpose: 'refresh' }` after a 401 (the route answers a new token, not its cached one);
  // `{ purpose: 'join' }` for Join your visit's single-use token.
  return ({ purpose = 'api' } = {}) => {
    if (!pending.has(purpose)) {
      const asking = (async () => {
        try {
          const res = await fetch(url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ purpose }),
          });
          const body = await res.json().catch(() => ({}));
          if (!res.ok || typeof body.token !== 'string') {
            throw new Error(body.error?.message || `The token route answered ${res.status}.`);
          }
          return body.token;
        } finally {
          pending.delete(purpose);
        }
      })();
      pending.set(purpose, asking);
    }
    return pending.get(purpose);
  };
}
