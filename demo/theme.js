import '../src/index.ts';
import { demoTokenProvider } from './token-provider.js';

// `?tenant=x` points the page at its own mock tenant (the theming test uses this).
const tenant = new URLSearchParams(location.search).get('tenant');
if (tenant) {
  for (const el of document.querySelectorAll('[api-base]')) el.setAttribute('api-base', `/mock/${tenant}/api_v3`);
}
const tokenProvider = demoTokenProvider(tenant);
for (const el of document.querySelectorAll('[api-base]')) el.tokenProvider = tokenProvider;
