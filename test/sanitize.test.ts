import { aTimeout, expect } from '@open-wc/testing';
import { sanitizeNotes } from '../src/internal/sanitize.js';
import { dangerIn, installTrap, loadCorpus, SETTLE_MS } from './fixtures/xss/xss-checks.js';

/** Renders notes the way the element does: the fragment's nodes inside a shadow root. */
async function renderInShadow(notes: string): Promise<{ host: HTMLElement; root: HTMLElement }> {
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const root = document.createElement('div');
  shadow.append(root);
  root.replaceChildren(await sanitizeNotes(notes));
  return { host, root };
}

describe('sanitizeNotes (provider notes)', () => {
  let restore: () => void;
  const hosts: HTMLElement[] = [];
  beforeEach(() => {
    restore = installTrap();
  });
  afterEach(() => {
    restore();
    for (const h of hosts.splice(0)) h.remove();
  });

  async function render(notes: string) {
    const r = await renderInShadow(notes);
    hosts.push(r.host);
    return r.root;
  }

  it('neutralizes every payload of the DOMPurify and OWASP corpora', async () => {
    const corpus = await loadCorpus();
    expect(corpus.length).to.be.greaterThan(300);
    const roots: Array<{ root: HTMLElement; source: string; payload: string }> = [];
    for (const c of corpus) roots.push({ ...c, root: await render(c.payload) });
    // Give image errors, autofocus, animations and timers the chance to fire.
    await aTimeout(SETTLE_MS);
    expect(window.__xss, 'a payload executed').to.deep.equal([]);
    const failures: string[] = [];
    for (const r of roots) {
      const problems = dangerIn(r.root);
      if (problems.length) failures.push(`[${r.source}] ${r.payload.slice(0, 120)}\n    ${problems.join('\n    ')}`);
    }
    expect(failures, failures.join('\n')).to.deep.equal([]);
  });

  it('the checks themselves catch unsanitized markup (so the corpus test can fail)', async () => {
    const corpus = await loadCorpus();
    const flagged = corpus.filter(({ payload }) => {
      const t = document.createElement('template');
      t.innerHTML = payload; // inert: template content never runs
      return dangerIn(t.content).length > 0;
    });
    expect(flagged.length).to.be.greaterThan(200);
    // And the trap sees a handler that does run.
    const host = document.createElement('div');
    hosts.push(host);
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<img src="/nope.png" onerror="alert(\'ran\')">';
    await aTimeout(SETTLE_MS);
    expect(window.__xss).to.deep.equal(['alert(ran)']);
  });

  it('keeps ordinary notes: paragraphs, lists, emphasis, links', async () => {
    const root = await render(
      '<p>Patient is <strong>well</strong> and <em>calm</em>.</p><ul><li>One</li><li>Two</li></ul>' +
        '<ol><li>First</li></ol><p><b>Plan</b>: <a href="https://example.org/guide">guide</a>, ' +
        '<a href="mailto:clinic@example.org">mail</a>, <a href="tel:+15551234567">call</a></p><p>a<br>b</p>',
    );
    expect(root.querySelectorAll('p')).to.have.length(3);
    expect(root.querySelectorAll('ul > li')).to.have.length(2);
    expect(root.querySelector('ol > li')!.textContent).to.equal('First');
    expect(root.querySelector('strong')!.textContent).to.equal('well');
    expect(root.querySelector('em')!.textContent).to.equal('calm');
    expect(root.querySelector('b')!.textContent).to.equal('Plan');
    expect(root.querySelector('br')).to.exist;
    const links = Array.from(root.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.org/guide',
      'mailto:clinic@example.org',
      'tel:+15551234567',
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).to.equal('_blank');
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    }
  });

  it('forces new-tab links with rel even when the notes say otherwise', async () => {
    const root = await render('<a href="https://example.org" target="_self" rel="opener">x</a><a target="_top">no href</a>');
    const [withHref, withoutHref] = Array.from(root.querySelectorAll('a'));
    expect(withHref.getAttribute('target')).to.equal('_blank');
    expect(withHref.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(withoutHref.hasAttribute('target')).to.be.false;
  });

  it('drops javascript:, data:, vbscript: and relative URLs but keeps the text', async () => {
    const root = await render(
      '<a href="javascript:alert(1)">one</a><a href=" jav&#x09;ascript:alert(2)">two</a>' +
        '<a href="vbscript:msgbox(3)">three</a><img src="data:image/png;base64,AAAA" alt="pic">' +
        '<a href="/relative">four</a><img src="https://example.org/x.png" alt="ok">',
    );
    expect(root.textContent).to.equal('onetwothreefour');
    for (const a of Array.from(root.querySelectorAll('a'))) expect(a.hasAttribute('href')).to.be.false;
    // The refused image is dropped rather than left as a broken box.
    const imgs = Array.from(root.querySelectorAll('img'));
    expect(imgs).to.have.length(1);
    expect(imgs[0].getAttribute('src')).to.equal('https://example.org/x.png');
    expect(imgs[0].getAttribute('alt')).to.equal('ok');
  });

  it('gives images without alt text an empty one, so screen readers do not read file names', async () => {
    const root = await render('<p>Rash:</p><img src="https://example.org/rash.png">');
    expect(root.querySelector('img')!.getAttribute('alt')).to.equal('');
  });

  it('loads note images only over https, lazily and without a referrer (no plain-http tracking pixel)', async () => {
    const root = await render(
      '<p>Rash:</p><img src="http://tracker.example/p.gif?u=1" alt="pixel"><img src="HTTPS://example.org/rash.png" alt="rash">' +
        '<img src="//example.org/relative-scheme.png"><img src="https://example.org/x.png" loading="eager" referrerpolicy="unsafe-url">',
    );
    const imgs = Array.from(root.querySelectorAll('img'));
    expect(imgs.map((i) => i.getAttribute('src'))).to.deep.equal(['HTTPS://example.org/rash.png', 'https://example.org/x.png']);
    for (const img of imgs) {
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    }
  });

  it('leaves every image out when images are turned off', async () => {
    const root = document.createElement('div');
    root.append(
      await sanitizeNotes('<p>See <img src="https://example.org/a.png" alt="a">the photo</p><img src="https://example.org/b.png">', {
        images: false,
      }),
    );
    expect(root.querySelectorAll('img')).to.have.length(0);
    expect(root.textContent).to.equal('See the photo');
  });

  it('removes styles, classes and ids that could restyle or confuse the element', async () => {
    const root = await render('<p style="position:fixed" class="message error" id="visit-1-h" tabindex="0">x</p>');
    const p = root.querySelector('p')!;
    expect(p.getAttributeNames()).to.deep.equal([]);
  });

  it('uses a private DOMPurify: the page\u2019s own copy gets none of its hooks', async () => {
    const { default: pagePurify } = await import('dompurify');
    await render('<a href="https://example.org">x</a>');
    const out = pagePurify.sanitize('<a href="https://example.org">x</a>');
    expect(out).to.equal('<a href="https://example.org">x</a>');
  });

  it('returns an empty fragment for a frameset document (DOMPurify answers null)', async () => {
    const frag = await sanitizeNotes('<frameset><frame src="javascript:alert(1)"></frameset>');
    expect(frag).to.be.instanceOf(DocumentFragment);
    expect(frag.childNodes).to.have.length(0);
  });

  it('returns an empty fragment for empty notes', async () => {
    const frag = await sanitizeNotes('');
    expect(frag.childNodes).to.have.length(0);
  });
});
