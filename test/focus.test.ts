import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { FocusController } from '../src/elements/controllers/focus.js';

class TestFocusHost extends LitElement {
  static override properties = { step: { type: Number } };
  declare step: number;
  readonly focuser = new FocusController(this);
  constructor() {
    super();
    this.step = 0;
  }
  protected override render() {
    return litHtml`<button id="first">First</button>${this.step > 0 ? litHtml`<button id="later">Later ${this.step}</button>` : null}`;
  }
}
customElements.define('test-focus-host', TestFocusHost);

const active = (el: Element) => el.shadowRoot!.activeElement;
const settle = async (el: TestFocusHost) => {
  await el.updateComplete;
  await Promise.resolve();
};

describe('FocusController', () => {
  it('focuses a target after the render that creates it', async () => {
    const el = await fixture<TestFocusHost>(html`<test-focus-host></test-focus-host>`);
    el.focuser.request('#later');
    await settle(el);
    expect(active(el), 'not there yet').to.equal(null);
    el.step = 1;
    await settle(el);
    expect(active(el)?.id).to.equal('later');
    // Done: a later render does not take focus back.
    (active(el) as HTMLElement).blur();
    el.step = 2;
    await settle(el);
    expect(active(el)).to.equal(null);
  });

  it('takes a function that finds the target, and waits while it finds nothing', async () => {
    const el = await fixture<TestFocusHost>(html`<test-focus-host></test-focus-host>`);
    let ready = false;
    el.focuser.request(() => (ready ? el.shadowRoot!.querySelector<HTMLElement>('#first') : undefined));
    await settle(el);
    expect(active(el)).to.equal(null);
    ready = true;
    el.requestUpdate();
    await settle(el);
    expect(active(el)?.id).to.equal('first');
  });

  it('lets a later request replace one still waiting', async () => {
    const el = await fixture<TestFocusHost>(html`<test-focus-host></test-focus-host>`);
    el.focuser.request('#later');
    el.focuser.request('#first');
    await settle(el);
    expect(active(el)?.id).to.equal('first');
    (active(el) as HTMLElement).blur();
    el.step = 2;
    await settle(el);
    expect(active(el), 'the replaced request is gone').to.equal(null);
  });

  it('does not steal focus for an element removed from the page', async () => {
    const el = await fixture<TestFocusHost>(html`<test-focus-host></test-focus-host>`);
    el.focuser.request('#later');
    el.remove();
    el.step = 1;
    document.body.append(el);
    el.remove();
    await settle(el);
    document.body.append(el);
    el.step = 3;
    await settle(el);
    expect(active(el), 'forgotten when it left the page').to.equal(null);
    el.remove();
  });

  it('keepWhileLoading: focus waits on the holder, then goes to what the load shows, unless the patient moved it', async () => {
    const el = await fixture<TestFocusHost>(html`<test-focus-host></test-focus-host>`);
    const holder = el.shadowRoot!.querySelector<HTMLElement>('#first')!;
    const later = () => el.shadowRoot!.querySelector<HTMLElement>('#later');
    let done = false;
    el.focuser.keepWhileLoading(holder, () => done, later);
    expect(active(el), 'held at once').to.equal(holder);
    el.step = 1;
    await settle(el);
    expect(active(el), 'still loading').to.equal(holder);
    done = true;
    el.step = 2;
    await settle(el);
    expect(active(el)?.id).to.equal('later');

    // The patient went elsewhere while it loaded: focus stays where they put it.
    done = false;
    el.focuser.keepWhileLoading(holder, () => done, later);
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    done = true;
    el.step = 3;
    await settle(el);
    expect(document.activeElement).to.equal(outside);
    el.step = 4;
    await settle(el);
    expect(document.activeElement, 'the request ended').to.equal(outside);
    outside.remove();
  });
});
