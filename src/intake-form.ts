export { VseeIntakeForm } from './elements/intake-form/vsee-intake-form.js';
