/**
 * Identity claims do not merge histories: an address someone types is a possible match for an
 * agent to link or dismiss; only the site's verified identity, or an address a channel proves and
 * the customer confirmed, joins automatically. Over the real sockets, REST, channel intake and SMTP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor } from '../../test/support/connect.js';
import { ask, finish, startChat, take, visitorIdOf, type Agent } from '../../test/support/conversation-steps.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';
import { sendToListener } from '../../test/support/smtp-sink.js';
import { sign } from '../kernel/signature.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, type ChannelView } from '../protocol/channels.js';
import type { CustomerProfile } from '../protocol/customers.js';
import { userHash } from './identity.js';

const ANA = 'ana@demo.switchboard';
const IDENTITY_SECRET = 'identity-secret-for-claims-0123456789';

describe('identity claims', () => {
  let server: TestServer & { smtpPort?: number };
  let ana: Agent;
  before(async () => {
    server = await startTestServer({ identitySecret: IDENTITY_SECRET, smtpListener: true });
    ana = await connectAgent(server, ANA);
  });
  after(async () => {
    ana.socket.close();
    await server.close();
  });

  const pop = async (conversationId: string) => {
    const r = await fetch(`${server.url}/api/conversations/${conversationId}/customer`, { headers: { cookie: ana.cookie } });
    assert.equal(r.status, 200);
    return (await r.json()) as CustomerProfile;
  };
  const decide = async (conversationId: string, matchId: string, action: 'link' | 'dismiss') => {
    const r = await fetch(`${server.url}/api/conversations/${conversationId}/customer/matches/${matchId}/${action}`, { method: 'POST', headers: { cookie: ana.cookie, origin: server.origin } });
    assert.equal(r.status, 200);
    return (await r.json()) as CustomerProfile;
  };
  const customerOf = async (visitorId: string) => (await server.store.customers.customerOf(visitorId))!;

  it('shows a claimed address of a verified customer as a possible match, without their name, history or notes, and never renames them; "Not them" dismisses it for good', async () => {
    // Jordan is signed in on the site (verified); Ana serves them and leaves a note.
    const jordan = await connectVisitor(server);
    await ask(jordan, { type: 'visitor.identify', id: 'ident-jordan', name: 'Jordan Rivera', email: 'jordan@example.test', userId: 'user-7', userHash: userHash(IDENTITY_SECRET, 'user-7') });
    const first = await startChat(jordan, 'start-jordan');
    await take(ana, first);
    await ask(ana, { type: 'note.add', id: 'note-jordan', conversationId: first, text: 'VIP: gold plan, card ending 0042.' });
    await finish(ana, first);
    const jordanCustomer = await customerOf(visitorIdOf(jordan));

    // Mallory types Jordan's address (in other letters) and a name of her own, then chats.
    const mallory = await connectVisitor(server);
    await ask(mallory, { type: 'visitor.identify', id: 'ident-mallory', name: 'Mallory', email: 'JORDAN@example.test' });
    const chat = await startChat(mallory, 'start-mallory');
    await ana.socket.next('offer', (o) => o.offer.conversationId === chat);
    const shown = await pop(chat);
    assert.equal(shown.name, 'Mallory');
    assert.deepEqual(shown.contacts.map((c) => c.id), [chat]);
    assert.deepEqual(shown.possibleMatches?.map((m) => [m.kind, m.value]), [['email', 'jordan@example.test']]);
    for (const secret of ['Jordan Rivera', 'gold plan', 'user-7', jordanCustomer]) assert.ok(!JSON.stringify(shown).includes(secret), `${secret} stays hidden`);
    const real = (await server.store.customers.findById(jordanCustomer))!;
    assert.equal(real.name, 'Jordan Rivera', 'the claimant’s name never overwrites theirs');
    assert.deepEqual(await server.store.customers.visitorIds(jordanCustomer), [visitorIdOf(jordan)]);

    // "Not them": gone, audited, and the same claim again suggests nothing.
    const dismissed = await decide(chat, shown.possibleMatches![0]!.id, 'dismiss');
    assert.deepEqual(dismissed.possibleMatches, []);
    assert.equal(dismissed.audit[0]?.action, 'match-dismissed');
    assert.ok((await server.services.audit.list({ limit: 5 })).some((e) => e.action === 'customer.match-dismissed' && e.actor.name === 'Ana Lima'));
    await ask(mallory, { type: 'visitor.identify', id: 'ident-mallory-2', email: 'jordan@example.test' });
    assert.deepEqual((await pop(chat)).possibleMatches, []);
    await ask(mallory, { type: 'conversation.end', id: 'end-mallory', conversationId: chat });
    for (const v of [jordan, mallory]) v.socket.close();
  });

  it('joins an SMS from a number the customer confirmed; a number someone only typed stays a possible match until an agent links it, and then joins too', async () => {
    const systemAdmin = { kind: 'agent' as const, agent: (await server.store.agents.findByEmail(TEST_ADMIN.email))! };
    const channel: ChannelView = await server.services.channels.create(systemAdmin, { name: 'SMS', queue: 'support' });
    const whatsapp: ChannelView = await server.services.channels.create(systemAdmin, { name: 'WhatsApp', queue: 'support' });
    const sms = async (on: ChannelView, id: string, from: { id: string; phone: string }) => {
      const body = JSON.stringify({ id, from, text: 'Hello from my phone' });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const r = await fetch(`${server.url}/api/channels/${on.id}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(on.secret, timestamp, body) }, body });
      assert.equal(r.status, 202);
      const { conversationId } = (await r.json()) as { conversationId: string };
      return (await server.store.conversations.findById(conversationId))!;
    };

    // Kim's number came with her verified identity: her SMS joins her.
    const kim = await connectVisitor(server);
    await ask(kim, { type: 'visitor.identify', id: 'ident-kim', name: 'Kim Ho', phone: '+1 (202) 555-0142', userId: 'user-8', userHash: userHash(IDENTITY_SECRET, 'user-8') });
    const kimSms = await sms(channel, 'sms-kim-1', { id: 'kim-handset', phone: '+1 202 555 0142' });
    await take(ana, kimSms.id);
    await finish(ana, kimSms.id);
    const kimCustomer = await customerOf(visitorIdOf(kim));
    assert.equal(await customerOf(kimSms.visitorId), kimCustomer);
    assert.ok((await server.services.audit.list({ limit: 5 })).some((e) => e.action === 'customer.joined' && e.target.id === kimCustomer && e.detail.visitorId === kimSms.visitorId), 'the join is in the audit log');

    // Lee only typed a number: the SMS from it is someone of its own, with a possible match.
    const lee = await connectVisitor(server);
    await ask(lee, { type: 'visitor.identify', id: 'ident-lee', name: 'Lee', phone: '+1 202 555 0177' });
    const leeSms = await sms(channel, 'sms-lee-1', { id: 'lee-handset', phone: '+12025550177' });
    assert.notEqual(await customerOf(leeSms.visitorId), await customerOf(visitorIdOf(lee)));
    await take(ana, leeSms.id);
    const shown = await pop(leeSms.id);
    assert.deepEqual(shown.contacts.map((c) => c.id), [leeSms.id]);
    assert.deepEqual(shown.possibleMatches?.map((m) => [m.kind, m.value]), [['phone', '+12025550177']]);

    // Ana confirms it is Lee: one customer, and the number now counts as confirmed, so another channel's message joins at once.
    const linked = await decide(leeSms.id, shown.possibleMatches![0]!.id, 'link');
    assert.equal(linked.id, await customerOf(visitorIdOf(lee)));
    assert.equal(await customerOf(leeSms.visitorId), linked.id);
    const later = await sms(whatsapp, 'wa-lee-1', { id: 'lee-whatsapp', phone: '+1 202 555 0177' });
    assert.equal(await customerOf(later.visitorId), linked.id);
    await finish(ana, leeSms.id);
    for (const v of [kim, lee]) v.socket.close();
  });

  it('files mail from an address under a visitor of its own, never under a widget visitor who typed that address', async () => {
    const claimant = await connectVisitor(server);
    await ask(claimant, { type: 'visitor.identify', id: 'ident-claimant', email: 'boss@corp.test' });
    await sendToListener(server.smtpPort!, { from: 'Boss <boss@corp.test>', subject: 'Contract renewal', text: 'Please call me about the renewal.', messageId: '<boss-1@corp.test>' });
    const filed = (await server.store.conversations.listByStatus(['queued', 'active'])).find((c) => c.channel === 'email' && c.subject === 'Contract renewal');
    assert.ok(filed);
    assert.notEqual(filed.visitorId, visitorIdOf(claimant));
    // The claimant's widget lists nothing of it, and may not read it.
    claimant.socket.close();
    const again = await connectVisitor(server, claimant.token);
    assert.deepEqual((again.welcome as { conversations: unknown[] }).conversations, []);
    const read = await ask(again, { type: 'sync', id: 'sync-boss-1', conversationId: filed.id, afterSeq: 0 });
    assert.equal(read.type === 'error' && read.reason, 'not-found');
    // Boss's next mail finds the same visitor.
    await sendToListener(server.smtpPort!, { from: 'boss@corp.test', subject: 'Another thing', text: 'And the invoice.', messageId: '<boss-2@corp.test>' });
    const second = (await server.store.conversations.listByStatus(['queued', 'active'])).find((c) => c.subject === 'Another thing');
    assert.equal(second?.visitorId, filed.visitorId);
    again.socket.close();
  });
});
