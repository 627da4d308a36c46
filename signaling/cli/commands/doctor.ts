/**
 * `switchboard doctor`: checks what a running Switchboard needs (configuration, database and
 * migrations, built front ends, outbound mail, an admin who can sign in, reachability for calls)
 * and says what is wrong in plain words. Exit code 1 when something must be fixed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { ConfigError, loadConfig, type Config } from '../../config.js';
import { migrationStatus, openStore } from '../../store/open-store.js';
import type { Command } from './command.js';

type Verdict = 'ok' | 'warn' | 'fail';
interface Finding {
  verdict: Verdict;
  what: string;
  detail: string;
}

const MARK: Record<Verdict, string> = { ok: '✔', warn: '!', fail: '✖' };

async function checks(config: Config): Promise<Finding[]> {
  const found: Finding[] = [{ verdict: 'ok', what: 'Configuration', detail: `valid; serving ${config.publicUrl} from ${config.host}:${config.port}` }];

  try {
    const status = await migrationStatus(config.databaseUrl);
    const pending = status.filter((m) => !m.appliedAt).length;
    found.push(
      pending === 0
        ? { verdict: 'ok', what: 'Database', detail: `reachable, ${status.length} migrations applied` }
        : { verdict: 'warn', what: 'Database', detail: `reachable; ${pending} migration(s) pending (the server applies them at start, or run: switchboard migrate)` },
    );
    if (pending === 0) {
      const store = await openStore(config.databaseUrl, { migrate: false });
      try {
        const admins = (await store.agents.list()).filter((a) => a.role === 'admin' && a.active);
        const canSignIn = admins.filter((a) => a.passwordHash);
        found.push(
          canSignIn.length > 0
            ? { verdict: 'ok', what: 'Admins', detail: `${canSignIn.length} active: ${canSignIn.map((a) => a.email).join(', ')}` }
            : { verdict: 'fail', what: 'Admins', detail: 'no active admin can sign in; run: switchboard create-admin --email you@example.com' },
        );
      } finally {
        await store.close();
      }
    }
  } catch (error) {
    found.push({ verdict: 'fail', what: 'Database', detail: `cannot open ${redact(config.databaseUrl)}: ${(error as Error).message}` });
  }

  const built = ['widget.js', 'widget/demo/index.html', 'agent-pwa/index.html'].every((f) => existsSync(join(config.staticDir, f)));
  found.push(built ? { verdict: 'ok', what: 'Front ends', detail: `built in ${config.staticDir}` } : { verdict: 'fail', what: 'Front ends', detail: `not built in ${config.staticDir}; run: npm run build` });

  if (config.mail.smtpUrl) {
    const transport = createTransport(config.mail.smtpUrl, { connectionTimeout: 5_000, greetingTimeout: 5_000 });
    try {
      await transport.verify();
      found.push({ verdict: 'ok', what: 'Outbound mail', detail: `the SMTP server at ${redact(config.mail.smtpUrl)} accepts us` });
    } catch (error) {
      found.push({ verdict: 'fail', what: 'Outbound mail', detail: `the SMTP server at ${redact(config.mail.smtpUrl)} refused or did not answer: ${(error as Error).message}` });
    } finally {
      transport.close();
    }
  } else {
    found.push({ verdict: 'warn', what: 'Outbound mail', detail: 'SMTP_URL is not set: acknowledgements and e-mail replies wait in the outbox until it is' });
  }

  const local = /^https?:\/\/(localhost|127\.|\[::1\])/.test(config.publicUrl);
  if (!local && !config.publicUrl.startsWith('https:')) found.push({ verdict: 'fail', what: 'Public address', detail: `PUBLIC_URL is ${config.publicUrl}: browsers allow microphones, service workers and secure cookies only over https` });
  if (!local && config.voice.turnUrls.length === 0) found.push({ verdict: 'warn', what: 'Calls', detail: 'no TURN_URLS: calls between visitors and agents on different networks may not connect' });
  if (config.allowedOrigins.length === 0 && !local) found.push({ verdict: 'warn', what: 'Widget', detail: 'ALLOWED_ORIGINS is empty: only pages on this server may embed the widget' });
  if (process.env.REDIS_URL) found.push({ verdict: 'warn', what: 'Redis', detail: 'REDIS_URL is set, but this version runs on one node and does not use Redis' });
  return found;
}

/** A URL without its password. */
function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]+@/, '$1•••@');
}

export const doctorCommand: Command = {
  usage: '',
  summary: 'check the configuration, database, front ends, mail and admins',
  async run(_args, config) {
    if (!config) {
      try {
        loadConfig();
      } catch (error) {
        console.log(`${MARK.fail} Configuration: ${error instanceof ConfigError ? error.message : String(error)}`);
        return 1;
      }
    }
    const found = await checks(config ?? loadConfig());
    for (const f of found) console.log(`${MARK[f.verdict]} ${f.what}: ${f.detail}`);
    const failed = found.filter((f) => f.verdict === 'fail').length;
    console.log(failed ? `\n${failed} problem(s) to fix.` : '\nNothing to fix.');
    return failed ? 1 : 0;
  },
};
