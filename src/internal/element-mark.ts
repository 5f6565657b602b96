/**
 * Every element class of this library, of any copy on the page, carries this mark (a registered
 * symbol, the same in every bundle): a `vsee-*` tag already defined by a class without it is
 * another script's, and the page shows that script's element instead of ours. Said in the console,
 * where a page author looks when a tag shows the wrong thing; silence left them guessing.
 */
export const ELEMENT_MARK = Symbol.for('vsee-clinic-elements.element');

/** Warns when `tag` is defined by a class that is not one of ours; says nothing otherwise. */
export function warnIfForeign(tag: string): void {
  const defined = customElements.get(tag);
  if (defined && !(ELEMENT_MARK in defined)) {
    console.warn(`<${tag}> is already defined by another script; vsee-clinic-elements did not define it, so that script's element shows.`);
  }
}
