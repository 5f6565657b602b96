import { expect } from '@open-wc/testing';
import { InteractionState } from '../src/elements/intake-form/interaction-state.js';

function host() {
  const h = {
    updates: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      h.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
  return h;
}

describe('intake interaction state', () => {
  it('shows no error before the patient did anything', () => {
    const s = new InteractionState(host());
    expect(s.showsError('reason')).to.equal(false);
  });

  it('shows an error only once the field was both changed and left', () => {
    const s = new InteractionState(host());
    s.change('reason');
    expect(s.showsError('reason')).to.equal(false);
    s.touch('reason');
    expect(s.showsError('reason')).to.equal(true);
    expect(s.showsError('phone')).to.equal(false);
  });

  it('a field only left (tabbed through) shows no error', () => {
    const s = new InteractionState(host());
    s.touch('phone');
    expect(s.isTouched('phone')).to.equal(true);
    expect(s.isDirty('phone')).to.equal(false);
    expect(s.showsError('phone')).to.equal(false);
  });

  it('after a submit every error shows; back to editing they wait again; reset forgets all', () => {
    const s = new InteractionState(host());
    s.touch('reason');
    s.change('reason');
    s.submit();
    expect(s.submitted).to.equal(true);
    expect(s.showsError('phone')).to.equal(true);
    s.resetSubmitted();
    expect(s.showsError('phone')).to.equal(false);
    expect(s.showsError('reason')).to.equal(true);
    s.reset();
    expect(s.showsError('reason')).to.equal(false);
    expect(s.submitted).to.equal(false);
  });

  it('asks the host to render when something changed, not on a repeat', () => {
    const h = host();
    const s = new InteractionState(h);
    s.touch('a');
    s.touch('a');
    s.change('a');
    s.change('a');
    expect(h.updates).to.equal(2);
  });
});
