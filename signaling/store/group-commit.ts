/**
 * Group commit for SQLite: messages that arrive while one commit is being written, or in the same
 * turn of the event loop, share the next transaction and its one fsync. Each still settles only
 * after that transaction commits, so nothing is acknowledged before it is on disk; each runs in a
 * savepoint of its own, so one that fails rolls back alone and the others still land.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

interface Job<S> {
  work: (tx: S) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit<S> {
  private pending: Job<S>[] = [];
  private flushing = false;

  constructor(
    /** Opens one transaction and runs `work` in it: `db` for the savepoints, `tx` for the jobs. */
    private readonly transaction: (work: (db: Kysely<Database>, tx: S) => Promise<void>) => Promise<void>,
    /** A job rolled back to its savepoint: whatever it put in the caches may not be so. */
    private readonly rolledBack: () => void,
  ) {}

  /** Runs `work` in the next group's transaction; settles once that transaction has committed. */
  run<T>(work: (tx: S) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.flushing) return;
      this.flushing = true;
      // What arrives in this turn of the event loop joins the group.
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending;
      this.pending = [];
      const outcomes: Outcome[] = [];
      try {
        await this.transaction(async (db, tx) => {
          for (const job of group) outcomes.push(group.length === 1 ? { ok: true, value: await job.work(tx) } : await this.inSavepoint(db, tx, job));
        });
      } catch (error) {
        // The commit failed (or a lone job did): nothing of the group is stored.
        for (const [i, job] of group.entries()) {
          const outcome = outcomes[i];
          job.reject(outcome && !outcome.ok ? outcome.error : error);
        }
        continue;
      }
      for (const [i, job] of group.entries()) {
        const outcome = outcomes[i]!;
        if (outcome.ok) job.resolve(outcome.value);
        else job.reject(outcome.error);
      }
    }
    this.flushing = false;
  }

  private async inSavepoint(db: Kysely<Database>, tx: S, job: Job<S>): Promise<Outcome> {
    await sql`savepoint group_member`.execute(db);
    try {
      const value = await job.work(tx);
      await sql`release savepoint group_member`.execute(db);
      return { ok: true, value };
    } catch (error) {
      await sql`rollback to savepoint group_member`.execute(db);
      await sql`release savepoint group_member`.execute(db);
      this.rolledBack();
      return { ok: false, error };
    }
  }
}
