// Wires the three elements together the way a clinic page would. No inline script: the
// strict-CSP demo page uses this file too.
import '../src/index.ts';
import { demoTokenProvider } from './token-provider.js';

const $ = (sel) => document.querySelector(sel);

// `?tenant=x` points the page at its own mock tenant (the end-to-end tests use this).
const tenant = new URLSearchParams(location.search).get('tenant');
const apiBase = `/mock/${tenant || 'demo'}/api_v3`;
if (tenant) {
  for (const el of document.querySelectorAll('[api-base]')) el.setAttribute('api-base', apiBase);
}
const elements = () => document.querySelectorAll('vsee-intake-form, vsee-slot-picker, vsee-visit-list');
// No token in the markup: every element asks the demo server's token route when it needs one.
const tokenProvider = demoTokenProvider(tenant);
for (const el of elements()) el.tokenProvider = tokenProvider;
const log = (text) => {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  $('#event-log')?.prepend(li);
};

for (const name of [
  'vsee-error',
  'vsee-intake-saved',
  'vsee-visit-created',
  'vsee-visit-ready',
  'vsee-visit-closed',
  'vsee-slot-select',
  'vsee-appointment-booked',
  'vsee-reschedule-request',
]) {
  document.addEventListener(name, (e) => {
    const d = e.detail ?? {};
    const summary = d.error ? `${d.operation}: ${d.error.code} ${d.error.message}` : JSON.stringify(d).slice(0, 160);
    log(`${name} ${summary}`);
  });
}

// An intake saved for a scheduled visit: the slot picker books against it.
document.addEventListener('vsee-intake-saved', (e) => {
  $('#book vsee-slot-picker')?.setAttribute('intake-id', e.detail.intake.id);
});

// A booking or a cancellation: the visit list shows it.
document.addEventListener('vsee-appointment-booked', () => $('#visits vsee-visit-list')?.refresh?.());

// "Reschedule" in the visit list: answer with a picker in a dialog.
document.addEventListener('vsee-reschedule-request', (e) => {
  const dialog = $('#reschedule-dialog');
  const holder = $('#reschedule-slot');
  holder.replaceChildren();
  const picker = document.createElement('vsee-slot-picker');
  for (const a of ['api-base', 'account-code', 'room-code']) {
    picker.setAttribute(a, $('#book vsee-slot-picker').getAttribute(a));
  }
  picker.tokenProvider = tokenProvider;
  picker.setAttribute('visit-id', e.detail.visit.id);
  picker.setAttribute('member-id', '575');
  if (e.detail.visit.provider_id) picker.setAttribute('provider-id', e.detail.visit.provider_id);
  picker.setAttribute('days', '5');
  if (document.documentElement.lang) picker.setAttribute('locale', document.documentElement.lang);
  // The dialog stays open on the picker's confirmation ("Your appointment was moved to …", focused
  // and announced); Close or Escape closes it. The list shows the new time meanwhile.
  picker.addEventListener('vsee-appointment-booked', () => $('#visits vsee-visit-list')?.refresh?.());
  holder.append(picker);
  dialog.showModal();
});

// The intake's `then`: what happens after it is saved (a walk-in opens the waiting room).
$('#intake-then')?.addEventListener('change', (e) => {
  $('#intake vsee-intake-form')?.setAttribute('then', e.target.value);
});

// The clinic's own words on the page (headings, its questions in the form, the dialog) follow the
// language too, as a clinic's bilingual page would; the elements translate themselves.
function translatePage(lang) {
  for (const el of document.querySelectorAll('[data-es]')) {
    el.dataset.en ??= el.textContent;
    el.textContent = lang === 'es' ? el.dataset.es : el.dataset.en;
  }
}

$('#locale-select')?.addEventListener('change', (e) => {
  document.documentElement.lang = e.target.value;
  for (const el of elements()) el.setAttribute('locale', e.target.value);
  translatePage(e.target.value);
});

$('#reset-demo')?.addEventListener('click', async () => {
  await fetch(apiBase.replace('/api_v3', '/__control/reset'), { method: 'POST' });
  sessionStorage.clear();
  location.reload();
});
