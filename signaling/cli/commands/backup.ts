/** `switchboard backup FILE`: a consistent copy of the database while the server runs. */
import { backupDatabase } from '../../store/backup.js';
import type { Command } from './command.js';

export const backupCommand: Command = {
  usage: 'FILE',
  summary: 'copy the SQLite database online (PostgreSQL: prints the pg_dump command)',
  async run(args, config) {
    const file = args.find((a) => !a.startsWith('--'));
    if (!file) {
      console.error('backup: name the file to write, for example: switchboard backup backups/switchboard-2026-11-27.db');
      return 2;
    }
    const result = await backupDatabase(config!.databaseUrl, file);
    if (result.kind === 'use-pg-dump') {
      console.log(`PostgreSQL is backed up with its own tool. Run:\n  ${result.command}`);
      return 0;
    }
    console.log(`Backed up ${result.pages} pages to ${result.file}. Restore by stopping the server and copying it back to the DATABASE_URL path.`);
    return 0;
  },
};
