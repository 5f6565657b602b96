// Shared by the integration pages: configure every element on the page for the mock tenant in
// the page's query string, and record errors for the test to read.
window.pageErrors = [];
window.addEventListener('error', (e) => window.pageErrors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.pageErrors.push(String(e.reason)));
const tenant = new URLSearchParams(location.search).get('tenant') ?? 'demo';
window.apiBase = `/mock/${tenant}/api_v3`;
window.configure = () => {
  for (const el of document.querySelectorAll('vsee-intake-form, vsee-slot-picker, vsee-visit-list')) {
    el.setAttribute('api-base', window.apiBase);
    el.setAttribute('account-code', 'vclinic');
    el.setAttribute('token', 'demo-patient-token');
    el.setAttribute('room-code', 'ceproom1');
  }
};
