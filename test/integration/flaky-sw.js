// A flaky CDN for test/loader.test.ts: a service worker that, for a page whose URL says
// `fail=<part of a file name>&run=<id>` (and optionally `times=<n>`, default 1), answers the first
// n requests for each matching file of dist/cdn/ (or of a copy under /cdn-copy/) with a 503 and
// lets every later one through, or every one once the run is healed. Pages without `fail` are not
// touched.
const failures = new Map();
/** Runs whose server has "recovered": `postMessage({ heal: run })` from a test. */
const healed = new Set();
self.addEventListener('message', (event) => healed.add(event.data?.heal));

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (!event.clientId || !/\/(dist\/cdn|cdn-copy)\//.test(url.pathname)) return;
  event.respondWith(
    (async () => {
      const client = await self.clients.get(event.clientId);
      const page = client ? new URL(client.url).searchParams : new URLSearchParams();
      const fail = page.get('fail');
      const file = url.pathname.split('/').pop();
      const key = `${page.get('run')} ${file}`;
      const failed = failures.get(key) ?? 0;
      if (fail && file.includes(fail) && failed < Number(page.get('times') ?? 1) && !healed.has(page.get('run'))) {
        failures.set(key, failed + 1);
        return new Response('Service Unavailable', { status: 503 });
      }
      return fetch(event.request);
    })(),
  );
});
