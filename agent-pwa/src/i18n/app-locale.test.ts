import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define.js';
import type { SbPresenceSwitch } from '../sb-presence-switch.js';
import { setAppLocale } from './app-locale.js';
import { appLocale, t } from './en.js';

describe('the agent app’s language', () => {
  afterEach(() => setAppLocale('en'));

  it('redraws components already on screen in the chosen language, mirrored for Arabic', async () => {
    const el = await fixture<SbPresenceSwitch>(html`<sb-presence-switch status="available"></sb-presence-switch>`);
    expect(el.shadowRoot!.textContent).to.contain('Your status');
    await setAppLocale('ar');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('حالتك'), 'the switch speaks Arabic');
    expect([document.documentElement.lang, document.documentElement.dir, appLocale()]).to.deep.equal(['ar', 'rtl', 'ar']);
    await setAppLocale('zh-CN');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('您的状态'));
    expect(document.documentElement.dir).to.equal('ltr');
  });

  it('uses each language’s plural rules', async () => {
    await setAppLocale('ar');
    expect(t('customerHistoryCount', { count: 2 })).to.equal('تواصلان على كل القنوات');
    await setAppLocale('en');
    expect([t('customerHistoryCount', { count: 1 }), t('customerHistoryCount', { count: 3 })]).to.deep.equal(['1 contact on every channel', '3 contacts on every channel']);
  });
});
