import '/dist/cdn/vsee-clinic-elements.js';

const tenant = new URLSearchParams(location.search).get('tenant');
const form = document.createElement('vsee-intake-form');
Object.entries({
  'api-base': `/mock/${tenant}/api_v3`,
  'account-code': 'vclinic',
  token: 'demo-patient-token',
  'room-code': 'ceproom1',
}).forEach(([k, v]) => form.setAttribute(k, v));
document.body.append(form);
// Interactive: the reason field is rendered and can take focus.
const poll = () => {
  const field = form.shadowRoot?.querySelector('textarea');
  if (field) {
    field.focus();
    if (form.shadowRoot.activeElement === field) {
      window.intakeInteractiveAt = performance.now();
      return;
    }
  }
  requestAnimationFrame(poll);
};
poll();
