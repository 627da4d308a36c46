import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { renderRichText } from './rich-text.js';

const show = (text: string, markdown: boolean) => fixture<HTMLElement>(html`<p>${renderRichText(text, { markdown })}</p>`);

describe('renderRichText (messages in the widget and the agent app)', () => {
  it('makes web addresses clickable links that open apart, without opener or referrer', async () => {
    const p = await show('Track it at https://shop.example/orders/1042 or mail help@example.com.', false);
    const links = [...p.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://shop.example/orders/1042', 'mailto:help@example.com']);
    expect(links[0]!.target).to.equal('_blank');
    expect(links[0]!.rel).to.equal('noopener noreferrer');
    expect(p.textContent).to.equal('Track it at https://shop.example/orders/1042 or mail help@example.com.');
  });

  it('never makes a javascript: or data: link', async () => {
    const p = await show('click javascript:alert(1) or [x](javascript:alert(2)) or data:text/html,<script>alert(3)</script>', true);
    for (const a of p.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^(https?:|mailto:)/);
    expect(p.querySelector('script')).to.equal(null);
  });

  it('shows HTML a visitor writes as the characters they typed, and no Markdown either', async () => {
    const text = '<img src=x onerror="alert(1)"> **not bold** <b>nor this</b>';
    const p = await show(text, false);
    expect(p.querySelector('img, b, strong')).to.equal(null);
    expect(p.textContent).to.equal(text);
  });

  it('renders an agent’s bold, italic, code and lists, and still no HTML', async () => {
    const p = await show('**Good news**: your _order_ ships *today*.\nUse `SAVE10` at https://shop.example\n- first step\n- second <b>step</b>\n1. one\n2. two\nThanks!', true);
    expect(p.querySelector('strong')!.textContent).to.equal('Good news');
    expect([...p.querySelectorAll('em')].map((e) => e.textContent)).to.deep.equal(['order', 'today']);
    expect(p.querySelector('code')!.textContent).to.equal('SAVE10');
    expect(p.querySelector('a')!.getAttribute('href')).to.equal('https://shop.example');
    expect([...p.querySelectorAll('ul > li')].map((li) => li.textContent)).to.deep.equal(['first step', 'second <b>step</b>']);
    expect([...p.querySelectorAll('ol > li')].map((li) => li.textContent)).to.deep.equal(['one', 'two']);
    expect(p.querySelector('b')).to.equal(null);
    expect(p.textContent!.endsWith('Thanks!')).to.equal(true);
  });

  it('leaves snake_case, arithmetic and loose asterisks as typed', async () => {
    const p = await show('order_id_1042 costs 2 * 3 * 4 ** 5', true);
    expect(p.querySelector('em, strong')).to.equal(null);
    expect(p.textContent).to.equal('order_id_1042 costs 2 * 3 * 4 ** 5');
  });
});
