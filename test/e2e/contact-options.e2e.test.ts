/**
 * The widget's alternatives to a live chat, end to end: nobody is signed in, so the visitor
 * leaves a message (acknowledged by mail to a real SMTP server on loopback), an agent answers
 * it by e-mail from the agent app, and the customer's reply comes back through our SMTP
 * listener into the same conversation; and a callback is booked, cancelled, booked again,
 * taken by an agent and recorded as unanswered; and an SMS from a channel is answered in the
 * agent app and the reply goes back out through the channel.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newParty } from '../support/browser.js';
import { ANA } from '../support/demo-logins.js';
import { agent } from '../support/parties.js';
import { freePort, startServer, tempDataDir, type RunningServer } from '../support/server-process.js';
import { HTML_AS_PNG, PDF, PNG } from '../support/sample-files.js';
import { sendToListener, SmtpSink } from '../support/smtp-sink.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, type ChannelReply, type ChannelView, type WebhookEnvelope } from '../../signaling/protocol/channels.js';
import { sign } from '../../signaling/kernel/signature.js';

const ADMIN = { email: 'admin@acme.test', password: 'admin-password-e2e' };

describe('messages and callbacks when nobody can answer', () => {
  const data = tempDataDir();
  let server: RunningServer;
  let sink: Awaited<ReturnType<typeof SmtpSink.start>>;
  let smtpPort: number;
  let browser: Browser;
  let visitorContext: BrowserContext;
  let agentContext: BrowserContext;
  let visitorPage: Page;
  let agentPage: Page;

  before(async () => {
    sink = await SmtpSink.start();
    smtpPort = await freePort();
    server = await startServer({
      databaseUrl: data.databaseUrl,
      env: { FILES_DIR: `${data.dir}/files`, SMTP_URL: sink.url, MAIL_FROM: 'Acme Support <support@acme.test>', COMPANY_NAME: 'Acme Outdoor', SMTP_LISTEN_PORT: String(smtpPort), SWITCHBOARD_ADMIN_EMAIL: ADMIN.email, SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password },
    });
    browser = await launchBrowser();
    visitorContext = await newParty(browser);
    agentContext = await newParty(browser);
    visitorPage = await visitorContext.newPage();
    agentPage = await agentContext.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.close();
    data.dispose();
  });

  it('turns the widget into a message form, acknowledges by mail, and threads the agent’s and the customer’s replies', async () => {
    await visitorPage.goto(`${server.url}/`);
    await visitorPage.getByRole('button', { name: 'Open chat' }).click();
    await visitorPage.getByText('Nobody can answer a chat right now').waitFor();

    await visitorPage.getByRole('button', { name: 'Leave a message' }).click();
    await visitorPage.getByRole('textbox', { name: 'Your name' }).fill('Rosa Diaz');
    await visitorPage.getByRole('textbox', { name: 'Your e-mail address' }).fill('rosa@example');
    await visitorPage.getByRole('textbox', { name: 'Your message' }).fill('Do you ship the Ridgeline tent to Portugal?');
    await visitorPage.getByRole('button', { name: 'Send message' }).click();
    await visitorPage.getByRole('alert').getByText('Please enter a valid e-mail address.').waitFor();
    assert.equal(await visitorPage.getByRole('textbox', { name: 'Your e-mail address' }).getAttribute('aria-invalid'), 'true');
    assert.equal(sink.mails.length, 0, 'nothing was sent for the refused form');

    await visitorPage.getByRole('textbox', { name: 'Your e-mail address' }).fill('rosa@example.test');
    await visitorPage.getByRole('button', { name: 'Send message' }).click();
    const thanks = await visitorPage.getByText(/We received your message and will answer by e-mail at rosa@example\.test\. Your reference: [0-9A-F]{8}\./).innerText();
    const reference = /reference: ([0-9A-F]{8})/.exec(thanks)![1]!;
    const ack = await sink.next((m) => m.to.includes('rosa@example.test'));
    assert.match(ack.subject, new RegExp(`\\[#${reference}\\]`));
    assert.match(ack.text, /Do you ship the Ridgeline tent to Portugal\?/);

    // An agent signs in later: the message is waiting for them, marked as an e-mail.
    await agent.signIn(agentPage, server.url, ANA);
    await agentPage.getByText('E-mail from Rosa Diaz').waitFor();
    await agentPage.getByRole('button', { name: 'Accept e-mail from Rosa Diaz' }).click();
    await agent.messages(agentPage, 'Do you ship the Ridgeline tent to Portugal?').waitFor();
    await agentPage.getByText(`Acknowledgement sent by e-mail (reference ${reference}).`).waitFor();
    await agent.reply(agentPage, 'We do: 3 to 5 working days to Lisbon.');
    const reply = await sink.next((m) => m.text.includes('3 to 5 working days'));
    assert.equal(reply.inReplyTo, ack.messageId);
    assert.match(reply.text, /Ana Lima\nAcme Outdoor/);

    await sendToListener(smtpPort, {
      from: 'Rosa Diaz <rosa@example.test>',
      subject: `Re: ${reply.subject}`,
      text: 'Perfect, ordering now.\n\nOn Tue, Ana Lima wrote:\n> We do: 3 to 5 working days to Lisbon.',
      messageId: '<rosa-2@example.test>',
      inReplyTo: reply.messageId,
      references: [ack.messageId, reply.messageId],
    });
    await agent.messages(agentPage, 'Perfect, ordering now.').waitFor();
    assert.equal(await agent.messages(agentPage, 'We do: 3 to 5 working days to Lisbon.').count(), 1, 'the quoted text is not repeated as a message');

    // Her next mail carries a photo, shown as a chat picture is, and a page named .png, left out with a line saying why.
    await sendToListener(smtpPort, {
      from: 'rosa@example.test',
      subject: `Re: ${reply.subject}`,
      text: 'Here is where the tent should go.',
      messageId: '<rosa-3@example.test>',
      inReplyTo: reply.messageId,
      attachments: [
        { filename: 'garden.png', content: PNG, contentType: 'image/png' },
        { filename: 'map.png', content: HTML_AS_PNG, contentType: 'image/png' },
      ],
    });
    await agentPage.getByRole('button', { name: /^Open picture garden\.png/ }).locator('img').waitFor();
    await agent.messages(agentPage, 'File from the mail not kept: map.png (not an accepted kind of file).').waitFor();

    // Ana attaches a file: in an e-mail conversation it waits for her reply, and both go as one mail.
    await agentPage.locator('input[type=file]').setInputFiles({ name: 'size-chart.pdf', mimeType: 'application/pdf', buffer: PDF });
    const held = agentPage.getByRole('list', { name: 'Goes with your next e-mail reply' });
    await held.getByText('size-chart.pdf').waitFor();
    await agent.reply(agentPage, 'The size chart, as promised.');
    const withFile = await sink.next((m) => m.text.includes('The size chart, as promised.'));
    assert.deepEqual(withFile.attachments.map((a) => a.filename), ['size-chart.pdf']);
    assert.deepEqual(withFile.attachments[0]!.content, PDF);
    assert.equal(sink.mails.filter((m) => m.attachments.length).length, 1, 'the file did not go out in a mail of its own');
    await held.waitFor({ state: 'detached' });
  });

  it('books a callback in the visitor’s time zone, cancels it, books one as soon as possible, and the agent records no answer', async () => {
    // Ana goes to lunch: nobody can answer, so a new visitor is offered the alternatives.
    await agentPage.getByRole('combobox', { name: 'Your status' }).selectOption({ label: 'Away: lunch' });
    const caller = await (await newParty(browser)).newPage();
    await caller.goto(`${server.url}/`);
    await caller.getByRole('button', { name: 'Open chat' }).click();
    await caller.getByRole('button', { name: 'Call me back' }).click();

    const phone = caller.getByRole('textbox', { name: 'Your phone number' });
    await phone.fill('12');
    await caller.getByRole('button', { name: 'Request call back' }).click();
    await caller.getByRole('alert').getByText('Please enter a valid phone number, with the country code.').waitFor();
    assert.equal(await phone.getAttribute('aria-invalid'), 'true');

    await phone.fill('+44 20 7946 0018');
    await caller.getByRole('radio', { name: 'At a time I choose' }).check();
    const slot = caller.getByRole('combobox', { name: /^Time \(your time zone: / });
    const firstTime = (await slot.locator('option').first().innerText()).trim();
    await caller.getByRole('button', { name: 'Request call back' }).click();
    await caller.getByText(new RegExp(`We will call you on \\+442079460018 on .*${firstTime}`)).waitFor();
    await caller.getByRole('button', { name: /^Cancel call back on / }).click();
    await caller.getByText(/We will call you on/).waitFor({ state: 'detached' });

    await caller.getByRole('button', { name: 'Call me back' }).click();
    await caller.getByRole('textbox', { name: 'Your phone number' }).fill('+44 20 7946 0018');
    await caller.getByRole('button', { name: 'Request call back' }).click();
    await caller.getByText('We will call you on +442079460018 as soon as possible.').waitFor();

    // Ana is back: the callback is offered to her as one to dial, not a ringing call.
    await agentPage.getByRole('combobox', { name: 'Your status' }).selectOption({ label: 'Available' });
    await agentPage.getByRole('button', { name: /^Take the call back to / }).click();
    const dial = agentPage.getByRole('link', { name: '+442079460018' });
    await dial.waitFor();
    assert.equal(await dial.getAttribute('href'), 'tel:+442079460018');
    await agentPage.getByRole('group', { name: 'How did the call go?' }).getByRole('button', { name: 'No answer' }).click();
    await agentPage.getByRole('log').getByRole('listitem').filter({ hasText: /No answer\. Next attempt: / }).waitFor();
    await agentPage.getByText('This conversation has ended.').waitFor();
  });

  it('takes an SMS from a channel into the agent app, and sends the agent’s answer back out through the channel', async () => {
    // The SMS gateway: it receives our replies on its outbound URL.
    const replies: WebhookEnvelope[] = [];
    let replied: () => void = () => {};
    const gotReply = new Promise<void>((resolve) => (replied = resolve));
    const gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(200).end();
        replies.push(JSON.parse(body) as WebhookEnvelope);
        replied();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', () => resolve()));
    try {
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(ADMIN) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const outboundUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
      const created = await fetch(`${server.url}/api/integrations/channels`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.url }, body: JSON.stringify({ name: 'SMS', queue: 'support', outboundUrl }) });
      const channel = (await created.json()) as ChannelView;

      const body = JSON.stringify({ id: 'SM-e2e-1', from: { id: '+15550100', name: 'Leo Park' }, text: 'Is the Lisbon store open on Sunday?' });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const sent = await fetch(`${server.url}/api/channels/${channel.id}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(channel.secret, timestamp, body) }, body });
      assert.equal(sent.status, 202);

      await agentPage.getByText('Message from Leo Park').waitFor();
      await agentPage.getByRole('button', { name: 'Accept chat from Leo Park' }).click();
      await agent.messages(agentPage, 'Is the Lisbon store open on Sunday?').waitFor();
      await agent.reply(agentPage, 'Yes, from 10:00 to 16:00.');
      await gotReply;
      const reply = replies[0]!;
      const data = reply.data as ChannelReply;
      assert.equal(reply.event, 'reply');
      assert.deepEqual([data.to, data.text, data.agent.name], ['+15550100', 'Yes, from 10:00 to 16:00.', ANA.name]);
    } finally {
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }
  });
});
