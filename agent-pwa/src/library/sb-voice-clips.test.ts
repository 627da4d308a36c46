import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { VoiceClip } from '../../../signaling/protocol/voice-clips.js';
import './sb-voice-clips.js';
import type { SbVoiceClips, VoiceClipSave } from './sb-voice-clips.js';

const fax: VoiceClip = { id: 'fax', title: 'Fax number', language: 'en', slot: 1, kind: 'speech', text: 'Our fax number is 555 0100.', updatedAt: 1 };

describe('<sb-voice-clips>', () => {
  it('lists clips for everyone; only editors get the form', async () => {
    const el = await fixture<SbVoiceClips>(html`<sb-voice-clips .clips=${[fax]}></sb-voice-clips>`);
    expect(el.shadowRoot!.querySelector('li')!.textContent).to.contain('Fax number');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sends a spoken text as fields, and a recording as a form with its file', async () => {
    const el = await fixture<SbVoiceClips>(html`<sb-voice-clips canEdit .clips=${[fax]}></sb-voice-clips>`);
    const root = el.shadowRoot!;
    const form = root.querySelector('form')!;
    root.querySelector<HTMLInputElement>('input[name=title]')!.value = 'Address';
    root.querySelector<HTMLSelectElement>('select[name=language]')!.value = 'de';
    root.querySelector<HTMLTextAreaElement>('textarea[name=text]')!.value = 'Hallo {{customer.first_name}}';
    setTimeout(() => form.requestSubmit());
    const spoken = ((await oneEvent(el, 'sb-voice-clip-save')) as CustomEvent<VoiceClipSave>).detail;
    expect(spoken).to.deep.equal({ body: { title: 'Address', language: 'de', text: 'Hallo {{customer.first_name}}' } });

    root.querySelector<HTMLInputElement>('input[value=recording]')!.click();
    await el.updateComplete;
    root.querySelector<HTMLInputElement>('input[name=title]')!.value = 'Hours';
    root.querySelector<HTMLSelectElement>('select[name=slot]')!.value = '3';
    const file = new DataTransfer();
    file.items.add(new File([new Uint8Array([82, 73, 70, 70])], 'hours.wav', { type: 'audio/wav' }));
    root.querySelector<HTMLInputElement>('input[type=file]')!.files = file.files;
    setTimeout(() => root.querySelector('form')!.requestSubmit());
    const recorded = ((await oneEvent(el, 'sb-voice-clip-save')) as CustomEvent<VoiceClipSave>).detail.body as FormData;
    expect([recorded.get('title'), recorded.get('slot'), (recorded.get('audio') as File).name]).to.deep.equal(['Hours', '3', 'hours.wav']);
  });
});
