/**
 * `npx switchboard <command>`: what an operator does from a shell. Each command reads the same
 * environment as the server (DATABASE_URL and the rest) and says in plain words what it did.
 */
import { ConfigError, loadConfig, type Config } from '../config.js';
import { backupCommand } from './commands/backup.js';
import { createAdminCommand } from './commands/create-admin.js';
import { doctorCommand } from './commands/doctor.js';
import { migrateCommand } from './commands/migrate.js';
import { resetPasswordCommand } from './commands/reset-password.js';
import type { Command } from './commands/command.js';

const COMMANDS: Record<string, Command> = {
  'create-admin': createAdminCommand,
  'reset-password': resetPasswordCommand,
  migrate: migrateCommand,
  backup: backupCommand,
  doctor: doctorCommand,
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  switchboard ${name.padEnd(15)}${c.usage.padEnd(40)}${c.summary}`);
  return `usage:\n${lines.join('\n')}\n\nSettings come from the environment, as for the server (DATABASE_URL, SMTP_URL, …).`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`switchboard: no command "${name}"\n\n${usage()}`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError && name !== 'doctor') {
      console.error(error.message);
      return 2;
    }
    if (!(error instanceof ConfigError)) throw error;
    // The doctor's job is to explain a bad configuration.
    return doctorCommand.run(args, undefined);
  }
  return command.run(args, config);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`switchboard: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
