/**
 * Space held for each element before its module has arrived, so the clinic's page does not jump
 * when it renders (Cumulative Layout Shift). The heights match each element's own loading state,
 * which in turn matches a typical first content at desktop width (the form as it is, a first day
 * of times, a few visits). `:where()` keeps them at zero specificity: a page's own rule for an
 * undefined tag wins. A constructed stylesheet, not a <style> element or a style attribute: those
 * are refused by a strict `style-src` CSP, a stylesheet adopted by script is not.
 */
// The failure message (loader/failure.ts) sits in the page's own text, so it takes the page's
// colours; the elements' theme properties, set on the tag, reach it too. Its button's look and
// focus ring are set here in full, not left to the browser's defaults: a page's own reset
// (`button { all: unset }`) took both away, and a keyboard user could not see Try again.
const CSS = `
:where(vsee-intake-form,vsee-slot-picker,vsee-visit-list):not(:defined){display:block}
:where(vsee-intake-form:not(:defined)){min-height:53rem}
:where(vsee-slot-picker:not(:defined)){min-height:38.5rem}
:where(vsee-visit-list:not(:defined)){min-height:30rem}
.vsee-load-failure{padding:.75rem 1rem;border:1px solid var(--vsee-color-danger,#b3261e);border-radius:var(--vsee-radius,8px);font-family:var(--vsee-font-family,inherit)}
.vsee-load-failure p{margin:0 0 .5rem}
.vsee-load-failure button{min-height:44px;padding:0 1rem;font:inherit;color:inherit;background:none;border:2px solid;border-radius:var(--vsee-radius,8px);cursor:pointer}
.vsee-load-failure button:focus-visible{outline:3px solid var(--vsee-color-focus,var(--vsee-color-primary,#0b5cad));outline-offset:2px}
`;

export function reserveSpace(): void {
  // Old engines without constructable stylesheets still get the elements, only without the space.
  if (!('adoptedStyleSheets' in Document.prototype)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
