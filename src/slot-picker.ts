export { VseeSlotPicker } from './elements/slot-picker/vsee-slot-picker.js';
