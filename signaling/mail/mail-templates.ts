/** Every text Switchboard writes into a mail, in one catalogue (English). */
export const mailText = {
  ackSubject: (subject: string, reference: string) => `${subject ? `Re: ${subject} ` : 'We received your message '}[#${reference}]`,
  ackBody: (p: { name?: string; reference: string; message: string; company: string }) =>
    [
      p.name ? `Hello ${p.name},` : 'Hello,',
      '',
      'Thank you for your message. It has reached our team, and we will answer you by e-mail.',
      `Your reference is ${p.reference}; replying to this mail keeps everything in one place.`,
      '',
      'Your message:',
      ...p.message.split('\n').map((line) => `> ${line}`),
      '',
      `${p.company}`,
    ].join('\n'),
  /** The timeline's record of the acknowledgement, for the agent. */
  ackTimeline: (reference: string) => `Acknowledgement sent by e-mail (reference ${reference}).`,
  offlineSubject: (name: string) => `Message from ${name}`,
  replySubject: (subject: string, reference: string) => `Re: ${subject.replace(/^(re:\s*)+/i, '').replace(/\s*\[#[A-Z0-9]{8}\]$/, '') || 'Your message'} [#${reference}]`,
  replyBody: (p: { text: string; agentName: string; company: string }) => `${p.text}\n\n${p.agentName}\n${p.company}`,
};
