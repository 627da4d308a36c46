/** The operator's command line, run as a shell would run it, against a real SQLite database. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AuthService } from '../auth/auth-service.js';
import { openStore } from '../store/open-store.js';

const bin = join(import.meta.dirname, 'bin.mjs');

/** Runs `switchboard args…` with only the variables given (as an operator's shell would have). */
function switchboard(args: string[], env: Record<string, string>, stdin?: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.stdin.end(stdin ?? '');
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

describe('switchboard command line', () => {
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sb-cli-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'switchboard.db')}`, STATIC_DIR: join(dir, 'no-build') };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, and reports where the schema stands without changing it', async () => {
    const status = await switchboard(['migrate', '--status'], env);
    assert.equal(status.code, 0);
    assert.match(status.out, /• pending {2}001-initial/);
    const migrated = await switchboard(['migrate'], env);
    assert.match(migrated.out, /^Applied \d+: 001-initial/m);
    assert.match((await switchboard(['migrate', '--status'], env)).out, /The database is up to date/);
  });

  it('creates an admin who can sign in with the printed password and must then choose their own', async () => {
    const created = await switchboard(['create-admin', '--email', 'Ops@Example.com', '--name', 'Ops'], env);
    assert.equal(created.code, 0, created.out);
    const password = /Temporary password: (\S+)/.exec(created.out)![1]!;
    const store = await openStore(env.DATABASE_URL!);
    try {
      const { agent } = await new AuthService(store).login('ops@example.com', password, '127.0.0.1');
      assert.equal(agent.role, 'admin');
      assert.equal(agent.mustChangePassword, true);
    } finally {
      await store.close();
    }
    const again = await switchboard(['create-admin', '--email', 'ops@example.com'], env);
    assert.equal(again.code, 1);
    assert.match(again.out, /already has an account/);
    const weak = await switchboard(['create-admin', '--email', 'two@example.com', '--password-stdin'], env, 'password123\n');
    assert.equal(weak.code, 2);
    assert.match(weak.out, /too easy to guess/);
    assert.equal((await switchboard(['create-admin'], env)).code, 2);
  });

  it('resets a password: the old one stops working, the printed one works', async () => {
    const reset = await switchboard(['reset-password', 'ops@example.com'], env);
    assert.equal(reset.code, 0, reset.out);
    const password = /Temporary password for ops@example.com: (\S+)/.exec(reset.out)![1]!;
    const store = await openStore(env.DATABASE_URL!);
    try {
      assert.equal((await new AuthService(store).login('ops@example.com', password, '127.0.0.1')).agent.email, 'ops@example.com');
    } finally {
      await store.close();
    }
    const nobody = await switchboard(['reset-password', 'nobody@example.com'], env);
    assert.equal(nobody.code, 1);
    assert.match(nobody.out, /nobody in the team has the address/);
  });

  it('backs up SQLite online into a database that holds the same accounts, and never overwrites a file', async () => {
    const file = join(dir, 'backup.db');
    const backup = await switchboard(['backup', file], env);
    assert.equal(backup.code, 0, backup.out);
    const copy = await openStore(`sqlite:${file}`, { migrate: false });
    try {
      assert.equal((await copy.agents.findByEmail('ops@example.com'))?.role, 'admin');
    } finally {
      await copy.close();
    }
    const again = await switchboard(['backup', file], env);
    assert.equal(again.code, 1);
    assert.match(again.out, /exists; choose a new file name/);
    const pg = await switchboard(['backup', 'out.dump'], { ...env, DATABASE_URL: 'postgres://sb@db.example/switchboard' });
    assert.match(pg.out, /pg_dump --format=custom --no-owner --file='out.dump' 'postgres:\/\/sb@db.example\/switchboard'/);
  });

  it('doctor says what is wrong in plain words', async () => {
    const doctor = await switchboard(['doctor'], env);
    assert.equal(doctor.code, 1, 'the front ends are not built in this directory');
    assert.match(doctor.out, /✔ Database: reachable/);
    assert.match(doctor.out, /✔ Admins: 1 active: ops@example.com/);
    assert.match(doctor.out, /✖ Front ends: not built in .*; run: npm run build/);
    assert.match(doctor.out, /! Outbound mail: SMTP_URL is not set/);
    const broken = await switchboard(['doctor'], { ...env, PORT: 'eighty' });
    assert.equal(broken.code, 1);
    assert.match(broken.out, /✖ Configuration: invalid configuration:\n {2}PORT:/);
    assert.equal((await switchboard(['launch-rockets'], env)).code, 2);
  });
});
