/**
 * A queue's pre-chat form as its people meet it: an admin asks for a required e-mail and consent
 * on the default queue; a first-time visitor sees the form instead of the composer, an empty
 * submit names what is missing and sends nothing, the filled form starts the chat with the first
 * message, and the agent sees the e-mail and the consent given.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { PreChatForm } from '../../signaling/protocol/pre-chat-form.js';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

const ADMIN = { email: 'admin@prechat.local', password: 'admin-password-prechat' };
const CONSENT = 'I agree that Ridgeline keeps my details to answer me.';
const FORM: PreChatForm = { enabled: true, fields: { name: 'optional', email: 'required', phone: 'off' }, consent: { text: CONSENT, required: true }, custom: [] };

describe('pre-chat form', () => {
  const stage = useStage({ env: { SWITCHBOARD_ADMIN_EMAIL: ADMIN.email, SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password } });
  let adminPage: Page;
  let agentPage: Page;
  let visitorPage: Page;
  const framesSent: string[] = [];

  before(async () => {
    adminPage = await stage.page();
    agentPage = await stage.page();
    // A phone's width: the form has to fit it.
    visitorPage = await stage.page({ viewport: { width: 360, height: 740 } });
    visitorPage.on('websocket', (ws) => ws.on('framesent', (f) => framesSent.push(String(f.payload))));
  });

  it('an admin asks for a required e-mail and consent on the default queue', async () => {
    await agent.signIn(adminPage, stage.server.url, ADMIN);
    const status = await adminPage.evaluate(async (form) => {
      const queues = (await (await fetch('/api/admin/queues')).json()) as { id: string; isDefault: boolean }[];
      const id = queues.find((q) => q.isDefault)!.id;
      const res = await fetch(`/api/admin/queues/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ preChatForm: form }) });
      return res.status;
    }, FORM);
    assert.equal(status, 200);
  });

  it('shows the form to a first-time visitor; an empty submit names what is missing and sends nothing', async () => {
    await agent.signIn(agentPage, stage.server.url, ANA);
    await visitorPage.goto(`${stage.server.url}/`);
    await visitorPage.getByRole('button', { name: 'Open chat' }).click();
    const email = visitorPage.getByRole('textbox', { name: 'Your e-mail address (required)' });
    await email.waitFor();
    assert.equal(await visitorPage.getByRole('textbox', { name: 'Your message' }).count(), 0, 'the form comes before the composer');
    const form = visitorPage.locator('sb-chat-panel').locator('sb-pre-chat-form');
    const fits = await form.evaluate((el) => el.shadowRoot!.querySelector('form')!.scrollWidth <= el.clientWidth);
    assert.ok(fits, 'the form fits 360 px without scrolling sideways');

    // By keyboard: Enter in a field submits the form.
    await email.focus();
    await email.press('Enter');
    await visitorPage.getByText('Please fill this in.').waitFor();
    await visitorPage.getByText('Please tick this box to continue.').waitFor();
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.ok(await email.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), 'focus is on the first problem');
    assert.ok(!framesSent.some((f) => f.includes('conversation.start')), 'nothing was sent');
  });

  it('the filled form starts the chat, and the agent sees the e-mail and the consent', async () => {
    await visitorPage.getByRole('textbox', { name: 'Your name (optional)' }).fill('Mia Jensen');
    await visitorPage.getByRole('textbox', { name: 'Your e-mail address (required)' }).fill('mia@example.com');
    await visitorPage.getByRole('textbox', { name: 'How can we help? (optional)' }).fill('Where is my tent?');
    const consent = visitorPage.getByRole('checkbox', { name: `${CONSENT} (required)` });
    await consent.focus();
    await consent.press('Space');
    await visitorPage.getByRole('button', { name: 'Start chat' }).click();
    await visitor.messages(visitorPage, 'Where is my tent?').waitFor();
    await visitorPage.getByRole('textbox', { name: 'Your message' }).waitFor();

    await agentPage.getByRole('button', { name: 'Accept chat from Mia Jensen' }).click();
    await agent.messages(agentPage, 'Where is my tent?').waitFor();
    await agentPage.getByText('mia@example.com').first().waitFor();
    await agentPage.getByText('About this conversation').waitFor();
    await agentPage.getByRole('definition').filter({ hasText: `✓ ${CONSENT}` }).waitFor();
  });
});
