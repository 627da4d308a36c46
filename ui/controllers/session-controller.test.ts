import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { SessionController } from './session-controller.js';

class Counter extends EventTarget {
  count = 0;
  increment(): void {
    this.count++;
    this.dispatchEvent(new Event('change'));
  }
}

class SbCounterView extends LitElement {
  readonly counter = new SessionController<Counter>(this, { onChange: (c) => this.seen.push(c.count) });
  /** What onChange saw, in order. */
  readonly seen: number[] = [];
  renders = 0;

  override render() {
    this.renders++;
    return html`<output>${this.counter.value?.count ?? '-'}</output>`;
  }
}
customElements.define('sb-counter-view', SbCounterView);

const shown = (el: SbCounterView) => el.shadowRoot!.querySelector('output')!.textContent;

describe('SessionController', () => {
  it('renders its host again on every change of the session it follows', async () => {
    const el = await fixture<SbCounterView>(html`<sb-counter-view></sb-counter-view>`);
    expect(shown(el)).to.equal('-');
    const counter = new Counter();
    el.counter.value = counter;
    await el.updateComplete;
    expect(shown(el)).to.equal('0');
    counter.increment();
    await el.updateComplete;
    expect(shown(el)).to.equal('1');
    expect(el.seen).to.deep.equal([0, 1]);
  });

  it('stops listening when the host leaves the page, and catches up when it comes back', async () => {
    const el = await fixture<SbCounterView>(html`<sb-counter-view></sb-counter-view>`);
    const counter = new Counter();
    el.counter.value = counter;
    await el.updateComplete;
    const parent = el.parentElement!;
    el.remove();
    const renders = el.renders;
    counter.increment();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(el.renders, 'no render while away').to.equal(renders);
    expect(el.seen).to.deep.equal([0]);
    parent.append(el);
    await el.updateComplete;
    expect(shown(el)).to.equal('1');
    expect(el.seen).to.deep.equal([0, 1]);
  });

  it('lets go of a session it no longer follows', async () => {
    const el = await fixture<SbCounterView>(html`<sb-counter-view></sb-counter-view>`);
    const first = new Counter();
    const second = new Counter();
    el.counter.value = first;
    el.counter.value = second;
    await el.updateComplete;
    first.increment();
    second.increment();
    await el.updateComplete;
    expect(shown(el)).to.equal('1');
    expect(el.seen).to.deep.equal([0, 0, 1]);
  });
});
