import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CannedReply } from '../../../signaling/protocol/api.js';
import { setAppLocale } from '../i18n/app-locale.js';
import './sb-reply-library.js';
import type { SbReplyLibrary } from './sb-reply-library.js';

const replies: CannedReply[] = [
  { id: 'r1', shortcut: 'hello', title: 'Greeting', body: 'Hi {{customer.first_name}}!' },
  { id: 'r2', shortcut: 'hello', title: 'Begrüßung', body: 'Hallo!', language: 'de' },
  { id: 'r3', shortcut: 'sig', title: 'My sign-off', body: 'Best, {{agent.first_name}}', ownerId: 'a1' },
];

describe('<sb-reply-library>', () => {
  it('lists the variables the way the app’s language lists things, each kept left to right in an Arabic sentence', async () => {
    await setAppLocale('ar');
    try {
      const el = await fixture<SbReplyLibrary>(html`<sb-reply-library .replies=${replies}></sb-reply-library>`);
      const hint = el.shadowRoot!.querySelector('#replies-h + p')!.textContent!;
      expect(hint).to.contain('\u2066{{customer.name}}\u2069 و\u2066{{customer.first_name}}\u2069');
      expect(hint).to.contain('\u2066{{customer.first_name | there}}\u2069');
    } finally {
      await setAppLocale('en');
    }
  });

  it('lets an agent add and edit their own replies but only read the team’s, with the variables explained', async () => {
    const el = await fixture<SbReplyLibrary>(html`<sb-reply-library .replies=${replies}></sb-reply-library>`);
    const root = el.shadowRoot!;
    expect(root.textContent).to.contain('{{customer.first_name}}');
    expect(root.querySelector('button[aria-label="Edit /hello"]'), 'team replies are read-only for agents').to.equal(null);
    expect(root.querySelector('input[name=team]')).to.equal(null);
    expect(root.querySelector('section[aria-labelledby=articles-h]'), 'no knowledge base for plain agents').to.equal(null);
    const form = root.querySelector<HTMLFormElement>('form[aria-label="New canned reply"]')!;
    (form.elements.namedItem('shortcut') as HTMLInputElement).value = 'Thanks';
    (form.elements.namedItem('title') as HTMLInputElement).value = 'Thank you';
    (form.elements.namedItem('body') as HTMLTextAreaElement).value = 'Thank you, {{customer.first_name}}!';
    setTimeout(() => form.requestSubmit());
    expect(((await oneEvent(el, 'sb-reply-save')) as CustomEvent).detail).to.deep.equal({ input: { shortcut: 'thanks', title: 'Thank you', body: 'Thank you, {{customer.first_name}}!', personal: true } });
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[aria-label="Remove /sig"]')!.click());
    expect(((await oneEvent(el, 'sb-reply-remove')) as CustomEvent).detail).to.deep.equal({ id: 'r3' });
    await expect(el).to.be.accessible();
  });

  it('lets supervisors keep team replies in several languages and the knowledge base', async () => {
    const el = await fixture<SbReplyLibrary>(html`<sb-reply-library canEditTeam .replies=${replies} .articles=${[{ id: 'a1', title: 'Returns', body: 'Within 30 days.', language: 'en', updatedAt: 1 }]}></sb-reply-library>`);
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button[aria-label="Edit /hello"]')!.click();
    await el.updateComplete;
    const form = root.querySelector<HTMLFormElement>('form[aria-label="Edit /hello"]')!;
    expect((form.elements.namedItem('title') as HTMLInputElement).value).to.equal('Greeting');
    (form.elements.namedItem('body') as HTMLTextAreaElement).value = 'Hello {{customer.first_name | there}}!';
    setTimeout(() => form.requestSubmit());
    expect(((await oneEvent(el, 'sb-reply-save')) as CustomEvent).detail).to.deep.equal({ id: 'r1', input: { shortcut: 'hello', title: 'Greeting', body: 'Hello {{customer.first_name | there}}!', personal: false } });
    const articleForm = root.querySelector<HTMLFormElement>('form[aria-label="New article"]')!;
    (articleForm.elements.namedItem('title') as HTMLInputElement).value = 'Gift cards';
    (articleForm.elements.namedItem('body') as HTMLTextAreaElement).value = 'They never expire.';
    setTimeout(() => articleForm.requestSubmit());
    expect(((await oneEvent(el, 'sb-article-save')) as CustomEvent).detail).to.deep.equal({ input: { title: 'Gift cards', body: 'They never expire.', language: 'en' } });
    await expect(el).to.be.accessible();
  });
});
