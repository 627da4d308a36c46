/**
 * Voice replies on the real server: who keeps clips, uploads refused by their bytes and size
 * (400, nothing stored), a text spoken by eSpeak NG with the customer's name filled in, who may
 * fetch a call's clip, and the timeline's record of a play.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { hashPassword } from '../auth/password.js';
import { DEMO_PASSWORD } from '../setup/bootstrap.js';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { ask, startChat, take } from '../../test/support/conversation-steps.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';
import { PNG, wav } from '../../test/support/sample-files.js';
import type { ConversationEvent } from '../protocol/conversation.js';
import type { VoiceClip } from '../protocol/voice-clips.js';
import { SpeechSynthesizer } from './speech-synthesizer.js';

describe('voice replies', () => {
  let server: TestServer;
  let admin: string;
  before(async () => {
    server = await startTestServer({
      // Cleo: a plain agent party to nothing.
      seed: async (store) => store.agents.insert({ id: randomUUID(), email: 'cleo@voice.test', name: 'Cleo Park', role: 'agent', passwordHash: await hashPassword(DEMO_PASSWORD), status: 'offline', createdAt: Date.now() }),
    });
    admin = await signIn(server, TEST_ADMIN.email);
  });
  after(() => server.close());

  const send = (cookie: string, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/api${path}`, {
      method,
      headers: { cookie, origin: server.origin, ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: body instanceof FormData ? body : JSON.stringify(body) } : {}),
    });
  const form = (fields: Record<string, string>, audio?: Buffer) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    if (audio) f.set('audio', new Blob([new Uint8Array(audio)]), 'clip.wav');
    return f;
  };
  const refusal = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: { reason: string; message: string; issues?: { path: string; message: string }[] } }).error });
  const clips = async () => (await (await send(admin, 'GET', '/voice-clips')).json()) as VoiceClip[];

  test('supervisors and admins keep clips; an agent lists them but may not change them; bad uploads get 400 and change nothing', async () => {
    const spoken = await send(admin, 'POST', '/voice-clips', { title: 'Fax number', language: 'en', slot: 1, text: 'Hello {{customer.first_name | there}}, our fax number is 555 0100.' });
    assert.equal(spoken.status, 200);
    assert.equal(((await spoken.json()) as VoiceClip).kind, 'speech');
    const recorded = await send(admin, 'POST', '/voice-clips', form({ title: 'Address', language: 'de', slot: '2' }, wav(0.5)));
    assert.equal(recorded.status, 200, await recorded.clone().text());
    assert.deepEqual(((await recorded.json()) as VoiceClip).mimeType, 'audio/wav');

    const ana = await signIn(server, 'ana@demo.switchboard');
    assert.deepEqual((await ((await send(ana, 'GET', '/voice-clips')).json() as Promise<VoiceClip[]>)).map((c) => [c.slot, c.title]), [[1, 'Fax number'], [2, 'Address']]);
    assert.equal((await send(ana, 'POST', '/voice-clips', { title: 'Mine', language: 'en', text: 'Hi' })).status, 403);
    const ben = await signIn(server, 'ben@demo.switchboard');

    const before = await clips();
    const wrongType = await refusal(await send(ben, 'POST', '/voice-clips', form({ title: 'Picture', language: 'en' }, PNG)));
    assert.deepEqual([wrongType.status, wrongType.reason, wrongType.issues?.[0]], [400, 'invalid-input', { path: 'audio', message: 'type' }]);
    assert.match(wrongType.message, /Opus .* or WAV .*image\/png/);
    const tooLarge = await refusal(await send(ben, 'POST', '/voice-clips', form({ title: 'Long', language: 'en' }, wav(140))));
    assert.deepEqual([tooLarge.status, tooLarge.issues?.[0]?.message], [400, 'too-large']);
    const both = await refusal(await send(ben, 'POST', '/voice-clips', form({ title: 'Both', language: 'en', text: 'Hi' }, wav(0.2))));
    assert.deepEqual([both.status, both.issues?.[0]?.message], [400, 'both']);
    const taken = await refusal(await send(ben, 'POST', '/voice-clips', { title: 'Again', language: 'en', slot: 1, text: 'Hi' }));
    assert.deepEqual([taken.status, taken.issues?.[0]], [400, { path: 'slot', message: 'taken' }]);
    assert.equal((await send(ben, 'POST', '/voice-clips', { title: 'Klingon', language: 'tlh', text: 'Qapla’' })).status, 400);
    assert.equal((await send(ben, 'POST', '/voice-clips', { title: 'Nothing', language: 'en' })).status, 400);
    assert.equal((await send(ben, 'POST', '/voice-clips', 'not json')).status, 400);
    assert.deepEqual(await clips(), before, 'nothing was stored');

    // A recording renamed keeps its audio; a new upload of the wrong type leaves it as it was.
    const address = before.find((c) => c.title === 'Address')!;
    assert.equal((await send(ben, 'PUT', `/voice-clips/${address.id}`, form({ title: 'Our address', language: 'de', slot: '2' }))).status, 200);
    assert.equal((await send(ben, 'PUT', `/voice-clips/${address.id}`, form({ title: 'Broken', language: 'de' }, PNG))).status, 400);
    const kept = (await clips()).find((c) => c.id === address.id)!;
    assert.deepEqual([kept.title, kept.kind, kept.mimeType, kept.slot], ['Our address', 'recording', 'audio/wav', 2]);
  });

  test('in a call, the agent gets the clip spoken for this customer; outsiders get 404; a play is recorded in the timeline', async () => {
    const all = await clips();
    const fax = all.find((c) => c.title === 'Fax number')!;
    const address = all.find((c) => c.slot === 2)!;
    const caller = await connectVisitor(server);
    await ask(caller, { type: 'visitor.identify', id: 'voice-ident-1', name: 'Vera Lind', email: 'vera@example.test' });
    const ana = await connectAgent(server, 'ana@demo.switchboard');
    const call = await startChat(caller, 'voice-call-1', 'call.start');
    await take(ana, call);

    const audio = await send(ana.cookie, 'GET', `/conversations/${call}/voice-clips/${fax.id}/audio`);
    assert.equal(audio.status, 200);
    assert.equal(audio.headers.get('content-type'), 'audio/wav');
    const spoken = Buffer.from(await audio.arrayBuffer());
    assert.equal(spoken.subarray(0, 4).toString(), 'RIFF');
    // The same words spoken directly: the customer's first name was filled in before synthesis.
    const synthesizer = new SpeechSynthesizer();
    assert.deepEqual(spoken, Buffer.from(await synthesizer.speak('Hello Vera, our fax number is 555 0100.', 'en')));
    assert.notDeepEqual(spoken, Buffer.from(await synthesizer.speak('Hello there, our fax number is 555 0100.', 'en')));
    const recording = await send(ana.cookie, 'GET', `/conversations/${call}/voice-clips/${address.id}/audio`);
    assert.deepEqual([recording.status, recording.headers.get('content-type')], [200, 'audio/wav']);

    const cleo = await signIn(server, 'cleo@voice.test');
    assert.equal((await send(cleo, 'GET', `/conversations/${call}/voice-clips/${fax.id}/audio`)).status, 404);
    assert.equal((await send(cleo, 'POST', `/conversations/${call}/voice-clips/${fax.id}/plays`)).status, 404);
    assert.equal((await send(ana.cookie, 'GET', `/conversations/${call}/voice-clips/no-such-clip/audio`)).status, 404);

    assert.equal((await send(ana.cookie, 'POST', `/conversations/${call}/voice-clips/${fax.id}/plays`)).status, 204);
    const events = (await (await send(ana.cookie, 'GET', `/conversations/${call}/events`)).json()) as ConversationEvent[];
    const played = events.filter((e) => e.type === 'voice-clip');
    assert.deepEqual(played.map((e) => e.type === 'voice-clip' && [e.title, e.by.name]), [['Fax number', 'Ana Lima']]);

    // Only calls play clips (Ana is on the call, so her chat is stored as hers directly).
    const [visitorId, chat, now] = [randomUUID(), randomUUID(), Date.now()];
    await server.store.visitors.insert(visitorId, now);
    await server.store.conversations.insert({ id: chat, visitorId, queueId: (await server.store.queues.findBySlug('support'))!.id, agentId: (await server.store.agents.findByEmail('ana@demo.switchboard'))!.id, status: 'active', createdAt: now });
    assert.equal((await send(ana.cookie, 'POST', `/conversations/${chat}/voice-clips/${fax.id}/plays`)).status, 400);
    for (const s of [caller, ana]) s.socket.close();
  });
});
