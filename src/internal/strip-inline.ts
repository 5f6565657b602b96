/**
 * A pre-pass for the notes sanitizer under a strict Content-Security-Policy.
 *
 * Every HTML parse in a page's realm (DOMParser, `<template>`, `createHTMLDocument`) is checked
 * against the page's CSP: an `on*` or `style` attribute, a `<style>` element or a `<base>` in a
 * provider's notes makes Chromium report a `securitypolicyviolation` while DOMPurify merely parses
 * them (nothing runs). This pass removes exactly what DOMPurify would remove anyway, before any
 * parse: event handler and `style` attributes, comments, doctypes, CDATA, `<base>`, and the
 * raw-text elements (`script`, `style`, `textarea`, `title`, `xmp`, `iframe`, `noembed`,
 * `noframes`, `noscript`, `plaintext`) with their content.
 *
 * It tokenizes like the HTML tokenizer's data state (tags, quoted and unquoted attribute values,
 * comments and bogus comments) and writes every kept tag again from its own tokens. Because the
 * output has no raw-text element and no CDATA left, the browser reads it with the same tokens:
 * every tag in it is one this pass wrote, without those attributes. It is not a security
 * boundary (DOMPurify is): a tokenizing mistake here could only change what hostile markup shows.
 */

const WS = new Set(['\t', '\n', '\f', '\r', ' ']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
const DROP_TAG = new Set(['base']);

const isAlpha = (c: string | undefined) => !!c && /^[A-Za-z]$/.test(c);
const lower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

interface Tag {
  /** Index just past the tag, or -1 when the input ended inside it (the browser drops it). */
  end: number;
  name: string;
  /** Each attribute's raw text (`name`, `name=value`, `name="value"`), with its lowercased name. */
  attrs: Array<{ name: string; raw: string }>;
  selfClosing: boolean;
}

/** Reads a start or end tag whose name begins at `i` (just past `<` or `</`). */
function readTag(s: string, i: number): Tag {
  const n = s.length;
  let j = i;
  while (j < n && !WS.has(s[j]) && s[j] !== '/' && s[j] !== '>') j++;
  const name = lower(s.slice(i, j));
  const attrs: Tag['attrs'] = [];
  let selfClosing = false;
  while (j < n) {
    const c = s[j];
    if (WS.has(c)) {
      j++;
      continue;
    }
    if (c === '>') return { end: j + 1, name, attrs, selfClosing };
    if (c === '/') {
      j++;
      if (s[j] === '>') selfClosing = true;
      continue;
    }
    // An attribute name: anything up to whitespace, `/`, `>` or `=` (a leading `=` belongs to it).
    const start = j;
    j++;
    while (j < n && !WS.has(s[j]) && s[j] !== '/' && s[j] !== '>' && s[j] !== '=') j++;
    const attrName = lower(s.slice(start, j));
    let k = j;
    while (k < n && WS.has(s[k])) k++;
    if (s[k] === '=') {
      k++;
      while (k < n && WS.has(s[k])) k++;
      const q = s[k];
      if (q === '"' || q === "'") {
        const close = s.indexOf(q, k + 1);
        if (close < 0) return { end: -1, name, attrs, selfClosing };
        j = close + 1;
      } else {
        while (k < n && !WS.has(s[k]) && s[k] !== '>') k++;
        j = k;
      }
    }
    // Without `=` the name ends here and what follows (after spaces) is the next attribute.
    attrs.push({ name: attrName, raw: s.slice(start, j) });
  }
  return { end: -1, name, attrs, selfClosing };
}

/** Index past the end tag that closes a raw-text element, or the end of the input. */
function rawTextEnd(s: string, lowered: string, from: number, name: string): number {
  if (name === 'plaintext') return s.length;
  let at = from;
  for (;;) {
    const i = lowered.indexOf(`</${name}`, at);
    if (i < 0) return s.length;
    const after = s[i + 2 + name.length];
    if (after === undefined) return s.length;
    if (WS.has(after) || after === '/' || after === '>') {
      const tag = readTag(s, i + 2);
      return tag.end < 0 ? s.length : tag.end;
    }
    at = i + 1;
  }
}

/** Index past a comment that starts at `i` (`<!--`). */
function commentEnd(s: string, i: number): number {
  const body = i + 4;
  if (s.startsWith('>', body)) return body + 1;
  if (s.startsWith('->', body)) return body + 2;
  const ends = [s.indexOf('-->', body), s.indexOf('--!>', body)].filter((x) => x >= 0);
  if (!ends.length) return s.length;
  const e = Math.min(...ends);
  return e + (s.startsWith('-->', e) ? 3 : 4);
}

/** Index past the next `>` from `i`, or the end of the input. */
function toGt(s: string, i: number): number {
  const e = s.indexOf('>', i);
  return e < 0 ? s.length : e + 1;
}

const dropAttr = (name: string) => name.startsWith('on') || name === 'style';

/** The notes without inline handlers, inline styles or anything else a CSP would report on parse. */
export function stripInline(html: string): string {
  const s = html;
  const n = s.length;
  let lowered: string | undefined;
  let out = '';
  let i = 0;
  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, lt);
    const c = s[lt + 1];
    if (isAlpha(c)) {
      const tag = readTag(s, lt + 1);
      if (tag.end < 0) break;
      if (RAW_TEXT.has(tag.name)) {
        i = rawTextEnd(s, (lowered ??= lower(s)), tag.end, tag.name);
        continue;
      }
      if (!DROP_TAG.has(tag.name)) {
        const kept = tag.attrs
          .filter((a) => !dropAttr(a.name))
          .map((a) => ` ${a.raw}`)
          .join('');
        out += `<${tag.name}${kept}${tag.selfClosing ? ' /' : ''}>`;
      }
      i = tag.end;
    } else if (c === '/') {
      const d = s[lt + 2];
      if (isAlpha(d)) {
        // An end tag: its attributes mean nothing, only where it ends does.
        const tag = readTag(s, lt + 2);
        if (tag.end < 0) break;
        out += `</${tag.name}>`;
        i = tag.end;
      } else if (d === '>') {
        i = lt + 3;
      } else if (d === undefined) {
        out += '&lt;/';
        i = n;
      } else {
        i = toGt(s, lt + 2);
      }
    } else if (c === '!') {
      if (s.startsWith('<!--', lt)) i = commentEnd(s, lt);
      else if (s.startsWith('<![CDATA[', lt)) {
        // CDATA in SVG/MathML runs to `]]>`; elsewhere it is a bogus comment to `>`: drop the larger.
        const e = s.indexOf(']]>', lt);
        i = Math.max(toGt(s, lt), e < 0 ? n : e + 3);
      } else i = toGt(s, lt + 2);
    } else if (c === '?') {
      i = toGt(s, lt + 1);
    } else {
      out += '&lt;';
      i = lt + 1;
    }
  }
  return out;
}
