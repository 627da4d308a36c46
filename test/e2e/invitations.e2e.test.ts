/**
 * Proactive invitations end to end (issue 19): an admin makes one for the shipping page after 2 s;
 * with an agent signed in, a visitor on that page sees the bubble after the wait (and on the home
 * page gets none), replies, and the agent's chat opens with the invitation first; the invitation
 * counts one showing, one opening and one conversation.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { InvitationView } from '../../signaling/protocol/invitations.js';
import { adminApi, E2E_ADMIN, e2eAdminEnv, type AdminApi } from '../support/admin-api.js';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

const TEXT = 'Not sure which shipping option fits? Ask me!';

describe('proactive invitations in the browser', () => {
  const stage = useStage({ env: e2eAdminEnv });
  let admin: AdminApi;

  before(async () => {
    admin = adminApi(stage.server.url);
  });

  /** The widget's answer from the server for this page: `none`, or the invitation's progress. */
  const invitationState = (page: Page, state: string) => page.locator(`[data-switchboard-widget][data-invitation="${state}"]`).waitFor({ state: 'attached' });

  it('invites on the shipping page after its seconds, not on the home page; the reply opens a chat that begins with it, and it is counted', async () => {
    const ana = await stage.page();
    await agent.signIn(ana, stage.server.url, ANA);
    const made = (await admin('POST', '/admin/invitations', { text: TEXT, pathPattern: '/demo/shipping.html', delaySeconds: 2, senderAgentId: await admin.agentId(ANA.email) })) as InvitationView;

    const customer = await stage.page();
    const bubble = customer.getByRole('dialog', { name: 'Message from Ana Lima' });

    // The home page asks too, and is told there is nothing for it.
    await customer.goto(`${stage.server.url}/`);
    await invitationState(customer, 'none');
    assert.equal(await bubble.count(), 0, 'no invitation on the home page');

    const arrived = Date.now();
    await customer.goto(`${stage.server.url}/demo/shipping.html`);
    await invitationState(customer, 'waiting');
    assert.equal(await bubble.count(), 0, 'not before its seconds on the page');
    await bubble.waitFor();
    assert.ok(Date.now() - arrived >= 2000, 'shown after 2 s on the page');
    await bubble.getByText(TEXT).waitFor();
    assert.ok(await bubble.getByRole('button', { name: 'Dismiss this message' }).isVisible(), 'a labelled close button');

    await bubble.getByRole('button', { name: 'Reply' }).click();
    await invitationState(customer, 'opened');
    await visitor.messages(customer, TEXT).waitFor();
    await visitor.send(customer, 'Does express reach Portugal by Friday?');

    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    await agent.messages(ana, 'Does express reach Portugal by Friday?').waitFor();
    const items = ana.getByRole('log').getByRole('listitem');
    const first = (await items.allInnerTexts()).findIndex((text) => text.includes(TEXT));
    const reply = (await items.allInnerTexts()).findIndex((text) => text.includes('Does express reach Portugal'));
    assert.ok(first >= 0 && first < reply, 'the invitation comes first in the agent’s timeline');
    await ana.getByRole('log').getByText('Invitation from Ana Lima, sent automatically').waitFor();

    // The visitor's widget shows the invitation once, now from the conversation's timeline.
    await agent.reply(ana, 'Yes, express arrives in two days.');
    await visitor.messages(customer, 'Yes, express arrives in two days.').waitFor();
    assert.equal(await visitor.messages(customer, TEXT).count(), 1);

    const counts = ((await admin('GET', '/admin/invitations')) as InvitationView[]).find((i) => i.id === made.id)!.counts;
    assert.deepEqual(counts, { shown: 1, opened: 1, conversations: 1 });

    // Back on the shipping page, the answered invitation does not come again.
    await customer.goto(`${stage.server.url}/demo/shipping.html`);
    await invitationState(customer, 'none');

    // The admin sees the counts on the Invitations screen, and turns it off there.
    const adminPage = await stage.page();
    await agent.signIn(adminPage, stage.server.url, E2E_ADMIN);
    await agent.openTab(adminPage, 'Invitations');
    const row = adminPage.getByRole('row').filter({ hasText: TEXT });
    await row.waitFor();
    assert.deepEqual((await row.getByRole('cell').allInnerTexts()).slice(1, 4), ['1', '1', '1']);
    await row.getByRole('button', { name: `Turn off: ${TEXT}` }).click();
    await row.getByRole('button', { name: `Turn on: ${TEXT}` }).waitFor();
    assert.equal(((await admin('GET', '/admin/invitations')) as InvitationView[])[0]!.enabled, false);

    // A new one from the form: a bad pattern is refused with the server's words, then saved once fixed.
    await adminPage.getByRole('button', { name: 'New invitation' }).click();
    await adminPage.getByRole('textbox', { name: 'Message' }).fill('Questions about pricing?');
    await adminPage.getByRole('textbox', { name: /^Page path/ }).fill('pricing page');
    await adminPage.getByRole('button', { name: 'Save invitation' }).click();
    await adminPage.getByRole('alert').getByText(/starts with \//).waitFor();
    await adminPage.getByRole('textbox', { name: /^Page path/ }).fill('/pricing');
    await adminPage.getByRole('button', { name: 'Save invitation' }).click();
    await adminPage.getByRole('row').filter({ hasText: 'Questions about pricing?' }).waitFor();
    assert.equal(((await admin('GET', '/admin/invitations')) as InvitationView[]).find((i) => i.text === 'Questions about pricing?')?.pathPattern, '/pricing');
  });

  it('speaks Arabic on a 360 px phone: signed by the team, on the left, inside the screen, and Escape dismisses it for good', async () => {
    await admin('POST', '/admin/invitations', { text: 'هل تحتاج إلى مساعدة في حسابك؟', pathPattern: '/demo/account.html', delaySeconds: 0 });
    const ana = await stage.page();
    await agent.signIn(ana, stage.server.url, ANA);
    const phone = await stage.page({ viewport: { width: 360, height: 740 }, locale: 'ar' });
    await phone.goto(`${stage.server.url}/demo/account.html`);
    const bubble = phone.getByRole('dialog', { name: 'رسالة من فريقنا' });
    await bubble.waitFor();
    const box = (await bubble.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `inside the screen: ${JSON.stringify(box)}`);
    assert.ok(box.x < 360 - box.x - box.width, 'on the left, the launcher’s side in Arabic');
    await bubble.getByRole('button', { name: 'إغلاق هذه الرسالة' }).focus();
    await phone.keyboard.press('Escape');
    await invitationState(phone, 'dismissed');
    assert.equal(await bubble.count(), 0);
    await phone.reload();
    await invitationState(phone, 'none');
  });
});
