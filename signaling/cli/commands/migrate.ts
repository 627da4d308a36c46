/** `switchboard migrate [--status]`: bring the database's schema up to date, or show where it stands. */
import { migrationStatus, openStore } from '../../store/open-store.js';
import type { Command } from './command.js';

export const migrateCommand: Command = {
  usage: '[--status]',
  summary: 'apply pending database migrations (--status: list them, change nothing)',
  async run(args, config) {
    const before = await migrationStatus(config!.databaseUrl);
    const pending = before.filter((m) => !m.appliedAt);
    if (args.includes('--status')) {
      for (const m of before) console.log(`${m.appliedAt ? '✔ applied' : '• pending'}  ${m.name}${m.appliedAt ? `  (${m.appliedAt.toISOString()})` : ''}`);
      console.log(pending.length ? `${pending.length} pending; run: switchboard migrate` : 'The database is up to date.');
      return 0;
    }
    const store = await openStore(config!.databaseUrl);
    await store.close();
    console.log(pending.length ? `Applied ${pending.length}: ${pending.map((m) => m.name).join(', ')}.` : 'Nothing to do: the database is up to date.');
    return 0;
  },
};
