import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { SbSessionsList } from './sb-sessions-list.js';
import { describeUserAgent } from './user-agent.js';

const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const EDGE_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0';
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 15; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0';

const sessions = [
  { id: 's1', current: true, createdAt: Date.now() - 3_600_000, lastSeenAt: Date.now(), address: '127.0.0.1', userAgent: CHROME_LINUX },
  { id: 's2', current: false, createdAt: Date.now() - 86_400_000, lastSeenAt: Date.now() - 7_200_000, address: '203.0.113.9', userAgent: SAFARI_IPHONE },
];

describe('<sb-sessions-list>', () => {
  it('lists where the person is signed in, marks this device, and signs another session out', async () => {
    const el = await fixture<SbSessionsList>(html`<sb-sessions-list .sessions=${sessions}></sb-sessions-list>`);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows[0]!.querySelector('th')!.textContent).to.contain('Chrome on Linux');
    expect(rows[0]!.querySelector('th .current')!.textContent).to.equal('This device');
    expect(rows[0]!.querySelector('button')).to.equal(null);
    expect(rows[1]!.textContent).to.contain('Safari on iOS');
    expect(rows[1]!.textContent).to.contain('203.0.113.9');
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Sign out Safari on iOS 203.0.113.9"]')!.click());
    expect(((await oneEvent(el, 'sb-session-end')) as CustomEvent).detail).to.deep.equal({ id: 's2' });
    const others = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Sign out everywhere else')!;
    setTimeout(() => others.click());
    await oneEvent(el, 'sb-sessions-end-others');
    await expect(el).to.be.accessible();
  });

  it('has nothing to sign out when this is the only session', async () => {
    const el = await fixture<SbSessionsList>(html`<sb-sessions-list .sessions=${[sessions[0]]}></sb-sessions-list>`);
    const others = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Sign out everywhere else')!;
    expect(others.disabled).to.equal(true);
    expect(el.shadowRoot!.textContent).to.contain('You are signed in here only.');
  });
});

describe('describeUserAgent', () => {
  it('names the browser and system, telling Edge from Chrome and Android from Linux', () => {
    expect(describeUserAgent(CHROME_LINUX)).to.deep.equal({ browser: 'Chrome', system: 'Linux' });
    expect(describeUserAgent(EDGE_WINDOWS)).to.deep.equal({ browser: 'Edge', system: 'Windows' });
    expect(describeUserAgent(SAFARI_IPHONE)).to.deep.equal({ browser: 'Safari', system: 'iOS' });
    expect(describeUserAgent(FIREFOX_ANDROID)).to.deep.equal({ browser: 'Firefox', system: 'Android' });
    expect(describeUserAgent('curl/8.5.0')).to.deep.equal({});
    expect(describeUserAgent(undefined)).to.deep.equal({});
  });
});
