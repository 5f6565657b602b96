export { VseeVisitList } from './elements/visit-list/vsee-visit-list.js';
