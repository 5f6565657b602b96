/**
 * `dist/cdn/vsee-clinic-elements.js`, the one `<script type="module">` a page needs: it defines
 * nothing itself and imports `intake-form.js`, `slot-picker.js` or `visit-list.js` from beside
 * itself the first time their tag is on the page (see `loader/start.ts`).
 */
import { startLoader } from './loader/start.js';

startLoader(new URL('./', import.meta.url).href);
