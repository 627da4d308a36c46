/** `switchboard create-admin --email E [--name N] [--password-stdin]`: another admin, for when nobody can sign in. */
import { randomBytes, randomUUID } from 'node:crypto';
import { assertStrongPassword } from '../../auth/password-strength.js';
import { hashPassword } from '../../auth/password.js';
import { AppError } from '../../kernel/app-error.js';
import { emailAddressSchema } from '../../protocol/email-address.js';
import { openStore } from '../../store/open-store.js';
import { option, readStdin, type Command } from './command.js';

export const createAdminCommand: Command = {
  usage: '--email E [--name N] [--password-stdin]',
  summary: 'add an admin (a temporary password is printed unless one comes on stdin)',
  async run(args, config) {
    const email = emailAddressSchema.safeParse(option(args, 'email') ?? '');
    if (!email.success) {
      console.error('create-admin: give the new admin’s address with --email, for example --email ops@example.com');
      return 2;
    }
    const name = option(args, 'name') ?? 'Administrator';
    const chosen = args.includes('--password-stdin') ? await readStdin() : undefined;
    if (chosen !== undefined) {
      try {
        await assertStrongPassword(chosen, [email.data, name]);
      } catch (error) {
        console.error(`create-admin: ${error instanceof AppError ? error.message : String(error)}`);
        return 2;
      }
    }
    const password = chosen ?? randomBytes(12).toString('base64url');
    const store = await openStore(config!.databaseUrl);
    try {
      if (await store.agents.findByEmail(email.data)) {
        console.error(`create-admin: ${email.data} already has an account; use reset-password to let them in`);
        return 1;
      }
      const id = randomUUID();
      await store.agents.insert({ id, email: email.data, name, role: 'admin', passwordHash: await hashPassword(password), status: 'offline', mustChangePassword: chosen === undefined, createdAt: Date.now() });
      await store.audit.append({ at: Date.now(), actor: { name: 'command line' }, action: 'team.added', target: { type: 'agent', id }, detail: { email: email.data, role: 'admin', method: 'cli' } });
      console.log(chosen === undefined ? `Admin ${email.data} created. Temporary password: ${password}\nThey choose their own at first sign-in.` : `Admin ${email.data} created.`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
