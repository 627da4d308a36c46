/** First-start set-up of an empty store: the signing secret, the first admin, the demo content. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AgentRole } from '../protocol/presence.js';
import type { Store } from '../store/store.js';
import { hashPassword } from '../auth/password.js';
import { DEFAULT_QUEUE } from '../acd/acd-engine.js';

export interface BootstrapOptions {
  secret?: string;
  admin?: { email: string; password?: string };
  demo: boolean;
  clock?: () => number;
}

export interface BootstrapResult {
  secret: string;
  /** Set only on the start that created the admin; a generated password is shown once. */
  createdAdmin?: { email: string; generatedPassword?: string };
  /** Demo logins, when this start seeded the demo (or it was seeded before). */
  demoLogins: { email: string; password: string; name: string }[];
}

/** The demo agents' password is public on purpose: SWITCHBOARD_DEMO=0 leaves them out. */
export const DEMO_PASSWORD = 'switchboard-demo';
const DEMO_AGENTS = [
  { email: 'ana@demo.switchboard', name: 'Ana Lima', role: 'agent' as AgentRole, skills: { billing: 3 } as Record<string, number> },
  { email: 'ben@demo.switchboard', name: 'Ben Okafor', role: 'supervisor' as AgentRole, skills: {} as Record<string, number> },
];
const DEMO_REPLIES = [
  { shortcut: 'hello', title: 'Greeting', body: 'Hi {{customer.first_name | there}}, this is {{agent.first_name}}. Thanks for reaching out! How can I help you today?' },
  { shortcut: 'hello', title: 'Begrüßung', body: 'Hallo {{customer.first_name | zusammen}}, hier ist {{agent.first_name}}. Wie kann ich helfen?', language: 'de' },
  { shortcut: 'returns', title: 'Returns', body: 'Returns are free within 60 days of delivery: send me your order number and I will e-mail you a free return label. Refunds reach your card within 5 business days of the parcel arriving back with us.' },
  { shortcut: 'moment', title: 'One moment', body: 'Give me a moment while I look into this for you.' },
  { shortcut: 'shipping', title: 'Shipping times', body: 'Orders placed before 2 pm Eastern time ship the same business day. Delivery takes 2–4 business days in the United States, 4–7 in Canada and 5–9 in Europe.' },
  { shortcut: 'bye', title: 'Closing', body: 'Is there anything else I can help you with? Have a great day!' },
];

/**
 * The demo's knowledge base: what the help bot answers from, and what agents get suggested. The
 * demo pages (widget/demo/*.html) state the same facts in the same words, and the canned replies
 * above agree: test/e2e/demo-truth.e2e.test.ts asks the bot the shipping page's questions.
 */
const DEMO_ARTICLES = [
  {
    title: 'Shipping times and costs',
    language: 'en',
    body: 'Delivery to the United States takes 2–4 business days and costs $7.95, free over $75.\nDelivery to Canada takes 4–7 business days and costs $15.\nDelivery to Europe takes 5–9 business days and costs $25.\n\nOrders placed before 2 pm Eastern time ship the same business day, and you get a tracking link by e-mail as soon as the parcel leaves our warehouse.',
  },
  { title: 'Returns and refunds', language: 'en', body: 'Returns are free within 60 days of delivery: tell us your order number in the chat and we e-mail you a free return label.\n\nRefunds reach your card within 5 business days of the parcel arriving back with us.' },
  { title: 'Chat hours', language: 'en', body: 'Our chat is staffed around the clock, every day. If everyone is busy, the chat offers to call you back at a time you choose or to take a message, and we answer by e-mail.' },
  { title: 'Choosing a tent size', language: 'en', body: 'Our tents are rated by sleeping places: the Ridgeline 2 fits two adults with room for packs in the vestibule; the Ridgeline 3 fits three, or two with gear inside.\n\nPack weight: Ridgeline 2 is 1.9 kg, Ridgeline 3 is 2.4 kg.' },
  { title: 'Changing or cancelling an order', language: 'en', body: 'You can change or cancel an order until it ships: ask us in the chat with your order number. Once it has shipped, send it back instead (see Returns and refunds).' },
];

export async function bootstrap(store: Store, options: BootstrapOptions): Promise<BootstrapResult> {
  const now = (options.clock ?? Date.now)();
  // The secret lives in the store unless configured, so visitor tokens survive restarts.
  const secret = options.secret ?? (await store.settings.getOrInsert('visitor-token-secret', randomBytes(32).toString('base64url')));
  const result: BootstrapResult = { secret, demoLogins: [] };
  // Two servers started together on an empty database must not both seed it: the second waits,
  // then finds the accounts the first created.
  await store.exclusively('first-start', (tx) => seedEmptyStore(tx, options, now, result));
  if (options.demo) {
    for (const a of DEMO_AGENTS) if (await store.agents.findByEmail(a.email)) result.demoLogins.push({ email: a.email, password: DEMO_PASSWORD, name: a.name });
  }
  return result;
}

/** The first admin (and the demo) when there is nobody yet, and a default queue when there is none. */
async function seedEmptyStore(store: Store, options: BootstrapOptions, now: number, result: BootstrapResult): Promise<void> {
  if ((await store.agents.count()) === 0) {
    const email = options.admin?.email ?? 'admin@localhost';
    const password = options.admin?.password ?? randomBytes(12).toString('base64url');
    // The generated password was shown to the operator alone, in their terminal: they may go
    // straight in, and change it under Your account (unlike a password someone else chose for
    // them, as in an invitation with an initial password, which must be replaced at once).
    // Both hashes at once, on two of libuv's threads: each is ~0.35 s of the first start's wait.
    const [adminHash, demoHash] = await Promise.all([hashPassword(password), options.demo ? hashPassword(DEMO_PASSWORD) : undefined]);
    await store.agents.insert({ id: randomUUID(), email, name: 'Administrator', role: 'admin', passwordHash: adminHash, status: 'offline', createdAt: now });
    result.createdAdmin = { email, ...(options.admin?.password ? {} : { generatedPassword: password }) };

    if (demoHash) {
      const queueId = randomUUID();
      // Neither demo queue has business hours: the pages say the chat is staffed around the clock,
      // and someone trying the demo at 23:00 must get an agent (their own second window) too.
      await store.queues.insert({ id: queueId, slug: 'support', name: 'Support', isDefault: true, createdAt: now, ...DEFAULT_QUEUE });
      // Billing needs the billing skill: the demo page /demo/billing.html sends its chats here.
      const billingId = randomUUID();
      // The demo shows the widget's alternatives: after two minutes' expected wait it offers a callback or a message.
      await store.queues.setContactOptions(queueId, { offerAlternativesAfterMs: 120_000, callbackRetryMs: 15 * 60_000, callbackMaxAttempts: 3 });
      await store.queues.insert({ id: billingId, slug: 'billing', name: 'Billing', isDefault: false, createdAt: now, ...DEFAULT_QUEUE, strategy: 'best-skill', requiredSkills: { billing: 1 } });
      for (const [position, a] of DEMO_AGENTS.entries()) {
        const id = randomUUID();
        await store.agents.insert({ id, email: a.email, name: a.name, role: a.role, passwordHash: demoHash, status: 'available', skills: a.skills, createdAt: now });
        await store.queues.addMember(queueId, id, { tier: 1, position });
        await store.queues.addMember(billingId, id, { tier: 1, position });
      }
      for (const r of DEMO_REPLIES) await store.cannedReplies.insert({ id: randomUUID(), ...r }, now);
      for (const a of DEMO_ARTICLES) await store.articles.insert({ id: randomUUID(), ...a, updatedAt: now }, now);
    }
  }
  if ((await store.queues.list()).length === 0) {
    await store.queues.insert({ id: randomUUID(), slug: 'support', name: 'Support', isDefault: true, createdAt: now, ...DEFAULT_QUEUE });
  }
}
