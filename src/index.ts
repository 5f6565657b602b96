/** Everything: the client and all three elements (defining them). */
export * from './client/index.js';
export * from './events.js';
export { VseeElement, type TokenRequest } from './elements/vsee-element.js';
export { VseeIntakeForm } from './elements/intake-form/vsee-intake-form.js';
export { VseeSlotPicker } from './elements/slot-picker/vsee-slot-picker.js';
export { VseeVisitList } from './elements/visit-list/vsee-visit-list.js';
