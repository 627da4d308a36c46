/**
 * Voice replies end to end (issue 22): a supervisor keeps a spoken clip in the Library, an agent
 * on a browser call mutes, plays it, and the caller's inbound audio (getStats' totalAudioEnergy,
 * over real WebRTC between two Chromium contexts with fake microphones) rises while it plays and
 * falls after; the timeline names the clip; a clip that cannot be loaded says so and the call
 * goes on as it was; bad uploads are refused with 400.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { LOOPBACK_ONLY_ICE } from '../support/browser.js';
import { audioArrives, audioFallsQuiet, inboundEnergy, inboundPower, receivedBytes, VISITOR_CALL } from '../support/call-stats.js';
import { ANA, BEN } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { PNG, wav } from '../support/sample-files.js';
import { useStage } from '../support/stage.js';

/** Posts a clip as a multipart form from the page (its session cookie), as the Library does; the answer's status. */
const uploadFrom = (page: Page, fields: Record<string, string>, bytes: Buffer) =>
  page.evaluate(
    async ({ fields, bytes }) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      form.set('audio', new Blob([Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))]), 'clip.bin');
      const response = await fetch('/api/voice-clips', { method: 'POST', body: form });
      return { status: response.status, body: (await response.json()) as { error?: { reason: string } } };
    },
    { fields, bytes: bytes.toString('base64') },
  );

describe('voice replies', () => {
  const stage = useStage({ media: true });

  async function party(): Promise<Page> {
    const context = await stage.party();
    await context.addInitScript(LOOPBACK_ONLY_ICE);
    return context.newPage();
  }

  it('plays a spoken clip into a call: the caller hears it while the agent is muted, the timeline names it; a broken clip says so and changes nothing', async () => {
    // Ben (supervisor) keeps the team's clips in the Library.
    const ben = await party();
    await agent.signIn(ben, stage.server.url, BEN);
    await ben.getByRole('combobox', { name: 'Your status' }).selectOption({ label: 'Away: meeting' });
    await agent.openTab(ben, 'Replies & articles');
    const form = ben.getByRole('form', { name: 'New voice reply' });
    await form.getByLabel('Title').fill('Fax number');
    await form.getByLabel('Language').selectOption({ label: 'English' });
    await form.getByLabel('Shortcut').selectOption({ label: 'Alt+1' });
    await form.getByLabel('Text to speak').fill('Hello {{customer.first_name | there}}. Our fax number is five five five, zero one zero zero. Again: five five five, zero one zero zero.');
    await form.getByRole('button', { name: 'Save' }).click();
    await ben.getByRole('listitem').filter({ hasText: 'Fax number' }).getByText('Spoken text').waitFor();

    // A picture is no recording: refused in the Library with a clear message, and by the API with 400.
    await form.getByLabel('An uploaded recording').check();
    await form.getByLabel('Title').fill('Holiday photo');
    await form.getByLabel(/^Recording/).setInputFiles({ name: 'photo.webm', mimeType: 'audio/webm', buffer: PNG });
    await form.getByRole('button', { name: 'Save' }).click();
    await ben.getByRole('alert').filter({ hasText: 'This file is not Opus (WebM or Ogg) or WAV audio.' }).waitFor();
    const wrongType = await uploadFrom(ben, { title: 'Photo', language: 'en' }, PNG);
    const tooLarge = await uploadFrom(ben, { title: 'Too long', language: 'en' }, wav(140));
    assert.deepEqual([wrongType.status, wrongType.body.error?.reason, tooLarge.status, tooLarge.body.error?.reason], [400, 'invalid-input', 400, 'invalid-input']);
    // A WAV header over no audio: it passes the type check, and no browser can decode it.
    const broken = await uploadFrom(ben, { title: 'Broken clip', language: 'en', slot: '2' }, wav(1, { broken: true }));
    assert.equal(broken.status, 200);
    const listed = await ben.evaluate(async () => ((await (await fetch('/api/voice-clips')).json()) as { title: string }[]).map((c) => c.title));
    assert.deepEqual(listed, ['Fax number', 'Broken clip'], 'nothing refused was stored');

    // Ana answers a call from the widget.
    const ana = await party();
    await agent.signIn(ana, stage.server.url, ANA);
    const caller = await party();
    await caller.goto(`${stage.server.url}/`);
    await visitor.openChat(caller);
    await caller.getByRole('button', { name: 'Call us from your browser' }).click();
    await ana.getByRole('button', { name: /^Answer the call from/ }).first().click();
    const controls = ana.getByRole('group', { name: /^Call with/ });
    await controls.waitFor();
    await audioArrives(caller, VISITOR_CALL);
    const replies = ana.getByRole('group', { name: 'Voice replies' });
    await replies.getByRole('button', { name: 'Fax number' }).waitFor();

    // Muted, the agent sends silence through the mix: audio keeps arriving, with no energy in it.
    await controls.getByRole('button', { name: 'Mute', exact: true }).click();
    await controls.getByRole('button', { name: 'Unmute' }).waitFor();
    await audioArrives(caller, VISITOR_CALL, await receivedBytes(caller, VISITOR_CALL));
    await audioFallsQuiet(caller, VISITOR_CALL);
    const muted = await inboundPower(caller, VISITOR_CALL, 1500);

    // The clip plays into the call while the agent stays muted.
    await replies.getByRole('button', { name: 'Fax number' }).click();
    const playing = replies.getByRole('status').filter({ hasText: 'Playing “Fax number”' });
    await playing.waitFor({ timeout: 15_000 });
    const start = await inboundEnergy(caller, VISITOR_CALL);
    await playing.waitFor({ state: 'detached', timeout: 30_000 });
    const end = await inboundEnergy(caller, VISITOR_CALL);
    const during = (end.energy - start.energy) / (end.seconds - start.seconds);
    const after = await inboundPower(caller, VISITOR_CALL, 1500);
    console.log(`caller's inbound audio power (totalAudioEnergy per second): muted ${muted.toExponential(2)}, during the clip (${(end.seconds - start.seconds).toFixed(1)} s) ${during.toExponential(2)}, after ${after.toExponential(2)}`);
    assert.ok(during > 20 * muted + 1e-6, `the clip is heard: ${during} against ${muted} while muted`);
    assert.ok(after < during / 20, `quiet again after the clip: ${after} against ${during}`);
    await controls.getByRole('button', { name: 'Unmute' }).waitFor(); // the agent's own mute came back
    await ana.getByRole('log').getByText('Ana Lima played the voice reply “Fax number”').waitFor();

    // Alt+2 plays the broken clip: it says so, and the call goes on as it was (muted, audio flowing).
    await ana.keyboard.press('Alt+2');
    await replies.getByRole('alert').filter({ hasText: '“Broken clip” could not be loaded. Nothing was played and the call goes on as before.' }).waitFor();
    await controls.getByRole('button', { name: 'Unmute' }).waitFor();
    await audioArrives(caller, VISITOR_CALL, await receivedBytes(caller, VISITOR_CALL));
    assert.equal(await ana.getByRole('log').getByText(/played the voice reply “Broken clip”/).count(), 0);
    // Unmuted, the agent's (fake) microphone is heard again.
    await controls.getByRole('button', { name: 'Unmute' }).click();
    await controls.getByRole('button', { name: 'Mute', exact: true }).waitFor();
    const unmuted = await inboundPower(caller, VISITOR_CALL, 1500);
    console.log(`after unmuting: ${unmuted.toExponential(2)}`);
    assert.ok(unmuted > 20 * muted + 1e-6, `the microphone is back: ${unmuted} against ${muted}`);

    await caller.getByRole('button', { name: 'Hang up' }).click();
    await controls.waitFor({ state: 'detached' });
    for (const page of [ana, ben, caller]) await page.context().close();
  });
});
