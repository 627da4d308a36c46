/** Customers' replies as real mail clients write them: the new text kept whole, the quoted part and signature cut. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { parseInboundMail } from './inbound-mail.js';
import { plainNewPartOf, ReplyParser } from './reply-parser.js';

/** A received mail as the SMTP listener hands it over (CRLF line ends). */
const mail = (body: string, headers = 'Content-Type: text/plain; charset=utf-8') =>
  ['From: Rosa Diaz <rosa@example.test>', 'To: support@acme.test', 'Subject: Re: [#K7Q2] Order 1042', 'Message-ID: <r1@example.test>', 'MIME-Version: 1.0', headers, '', body].join('\r\n');

const NEW_TEXT = 'Hi Ana,\n\nThe tent arrived but one pole is missing. Could you send a\nreplacement to the same address?\n\nThank you\nRosa';

const replies: Record<string, { body: string; keeps: string }> = {
  'an Outlook reply with its From/Sent/To/Subject block': {
    body: `${NEW_TEXT}\n\n________________________________\nFrom: Ana Lima <support@acme.test>\nSent: Tuesday, November 24, 2026 10:12 AM\nTo: Rosa Diaz <rosa@example.test>\nSubject: Re: [#K7Q2] Order 1042\n\nHello Rosa,\n\nyour order 1042 has shipped.\n\nAna`,
    keeps: NEW_TEXT,
  },
  'an Outlook reply without the line above its header block': {
    body: `${NEW_TEXT}\n\nFrom: Ana Lima <support@acme.test>\nSent: Tuesday, November 24, 2026 10:12 AM\nTo: Rosa Diaz <rosa@example.test>\nSubject: Re: [#K7Q2] Order 1042\n\nHello Rosa, your order 1042 has shipped.`,
    keeps: NEW_TEXT,
  },
  'a Gmail reply whose "On … wrote:" line is wrapped over two lines': {
    body: `${NEW_TEXT}\n\nOn Tue, Nov 24, 2026 at 10:12 AM Ana Lima <support@acme.test>\nwrote:\n\n> Hello Rosa,\n>\n> your order 1042 has shipped.\n> Ana`,
    keeps: NEW_TEXT,
  },
  'a German reply ("Am … schrieb …:")': {
    body: 'Hallo Ana,\n\ndas Paket ist angekommen, aber eine Stange fehlt.\n\nViele Grüße\nRosa\n\nAm Di., 24. Nov. 2026 um 10:12 Uhr schrieb Ana Lima <support@acme.test>:\n> Hallo Rosa,\n> Ihre Bestellung ist unterwegs.',
    keeps: 'Hallo Ana,\n\ndas Paket ist angekommen, aber eine Stange fehlt.\n\nViele Grüße\nRosa',
  },
  'a French reply ("Le … a écrit :")': {
    body: 'Bonjour Ana,\n\nle colis est arrivé mais il manque un arceau.\n\nMerci\nRosa\n\nLe mar. 24 nov. 2026 à 10:12, Ana Lima <support@acme.test> a écrit :\n> Bonjour Rosa,\n> votre commande est expédiée.',
    keeps: 'Bonjour Ana,\n\nle colis est arrivé mais il manque un arceau.\n\nMerci\nRosa',
  },
  'a reply with a "-- " signature': {
    body: `${NEW_TEXT}\n\n-- \nRosa Diaz\nHead of Purchasing, Example GmbH\n+49 30 1234567`,
    keeps: NEW_TEXT,
  },
};

describe('trimming customers’ replies', () => {
  for (const [name, { body, keeps }] of Object.entries(replies)) {
    it(`keeps only the new text of ${name}`, async () => {
      assert.equal((await parseInboundMail(mail(body))).text, keeps);
    });
  }

  it('keeps a reply quoted-printable encoded by the client intact', async () => {
    const body = 'Gr=C3=BC=C3=9Fe, der Termin am Montag passt.\r\n\r\nAm Mo., 23. Nov. 2026 um 09:00 Uhr schrieb Ana Lima <support@acme.test>:\r\n> Passt Ihnen Montag?';
    const parsed = await parseInboundMail(mail(body, 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable'));
    assert.equal(parsed.text, 'Grüße, der Termin am Montag passt.');
  });
});

describe('a hostile reply', () => {
  // The hostile mail takes minutes, so any budget trips; it is not shorter because a fresh worker
  // must start (load and compile the parser) within it for the recovery check, and under a loaded
  // test run that took more than 300 ms.
  const parser = new ReplyParser(1_500);
  after(() => parser.destroy());
  // Thousands of lines that make the parser's regular expressions backtrack for minutes.
  const hostile = `Please call me back.\n\nOn Tue, Ana Lima wrote:\n${'> Op maandag schreef\n'.repeat(50)}${'Op maandag schreef\n'.repeat(3000)}`;

  it('is parsed off the event loop and answered with the plain cut when over budget; the parser recovers', async () => {
    let settled = false;
    const trimmed = parser.newPartOf(hostile).finally(() => (settled = true));
    for (let turn = 0; turn < 3; turn++) await new Promise(setImmediate);
    assert.equal(settled, false, 'the event loop keeps turning while the mail is parsed');
    assert.equal(await trimmed, 'Please call me back.');
    assert.equal(await parser.newPartOf(replies['a French reply ("Le … a écrit :")']!.body), 'Bonjour Ana,\n\nle colis est arrivé mais il manque un arceau.\n\nMerci\nRosa', 'a new worker answers the next mail');
  });

  it('the plain cut stops at the first quote header, a trailing quote or a signature', () => {
    assert.equal(plainNewPartOf('Yes.\r\n\r\nOn Tue, Ana wrote:\r\n> Sure?'), 'Yes.');
    assert.equal(plainNewPartOf('Yes.\n-----Original Message-----\nFrom: Ana'), 'Yes.');
    assert.equal(plainNewPartOf('Yes.\n> inline\nand more\n\n> quoted\n>\n'), 'Yes.\n> inline\nand more');
    assert.equal(plainNewPartOf('Yes.\n-- \nRosa'), 'Yes.');
  });
});
