/** `switchboard reset-password EMAIL`: a temporary password for someone locked out (the only admin, say). */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../auth/password.js';
import { emailAddressSchema } from '../../protocol/email-address.js';
import { openStore } from '../../store/open-store.js';
import type { Command } from './command.js';

export const resetPasswordCommand: Command = {
  usage: 'EMAIL',
  summary: 'print a temporary password to change at sign-in; their sessions end',
  async run(args, config) {
    const email = emailAddressSchema.safeParse(args.find((a) => !a.startsWith('--')) ?? '');
    if (!email.success) {
      console.error('reset-password: give the person’s e-mail address, for example: switchboard reset-password ana@example.com');
      return 2;
    }
    const store = await openStore(config!.databaseUrl);
    try {
      const agent = await store.agents.findByEmail(email.data);
      if (!agent) {
        console.error(`reset-password: nobody in the team has the address ${email.data}`);
        return 1;
      }
      const password = randomBytes(12).toString('base64url');
      await store.transaction(async (tx) => {
        await tx.agents.setPassword(agent.id, await hashPassword(password), true);
        if (!agent.active) await tx.agents.setActive(agent.id, true, Date.now());
        await tx.sessions.deleteForAgent(agent.id);
        await tx.audit.append({ at: Date.now(), actor: { name: 'command line' }, action: 'team.password-reset', target: { type: 'agent', id: agent.id }, detail: { method: 'cli', reactivated: !agent.active } });
      });
      console.log(`Temporary password for ${agent.email}: ${password}\nThey choose their own at sign-in.${agent.active ? '' : ' The account was deactivated and is active again.'}`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
