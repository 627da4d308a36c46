import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { VoiceClip } from '../../../signaling/protocol/voice-clips.js';
import './sb-voice-replies.js';
import type { SbVoiceReplies } from './sb-voice-replies.js';

const clips: VoiceClip[] = [
  { id: 'fax', title: 'Fax number', language: 'en', slot: 1, kind: 'speech', text: 'Our fax number is 555 0100.', updatedAt: 1 },
  { id: 'hours', title: 'Opening hours', language: 'en', kind: 'recording', mimeType: 'audio/wav', updatedAt: 1 },
];

describe('<sb-voice-replies>', () => {
  it('offers each clip with its shortcut, and reports the one pressed', async () => {
    const el = await fixture<SbVoiceReplies>(html`<sb-voice-replies .clips=${clips}></sb-voice-replies>`);
    const buttons = [...el.shadowRoot!.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Alt+1Fax number', 'Opening hours']);
    expect(buttons[0]!.getAttribute('aria-keyshortcuts')).to.equal('Alt+1');
    setTimeout(() => buttons[1]!.click());
    expect(((await oneEvent(el, 'sb-voice-reply-play')) as CustomEvent).detail).to.deep.equal({ clipId: 'hours' });
    await expect(el).to.be.accessible();
  });

  it('says what plays (with Stop) and when a clip could not be loaded', async () => {
    const el = await fixture<SbVoiceReplies>(html`<sb-voice-replies .clips=${clips} .state=${{ status: 'playing', clipId: 'fax', title: 'Fax number' }}></sb-voice-replies>`);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Playing “Fax number”');
    const stop = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Stop'))!;
    setTimeout(() => stop.click());
    await oneEvent(el, 'sb-voice-reply-stop');
    el.state = { status: 'failed', clipId: 'fax', title: 'Fax number' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('“Fax number” could not be loaded');
  });
});
