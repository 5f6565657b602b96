// A flaky CDN for test/loader.test.ts: a service worker that, for a page whose URL says
// `fail=<part of a file name>&run=<id>`, answers the first request for each matching file of
// dist/cdn/ with a 503 and lets every later one through. Pages without `fail` are not touched.
const failedOnce = new Set();

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
      if (fail && file.includes(fail) && !failedOnce.has(key)) {
        failedOnce.add(key);
        return new Response('Service Unavailable', { status: 503 });
      }
      return fetch(event.request);
    })(),
  );
});
