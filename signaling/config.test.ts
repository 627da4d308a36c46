import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs on defaults: port 8787, an SQLite file under ./data, the demo seeded', () => {
    const c = loadConfig({});
    assert.equal(c.port, 8787);
    assert.equal(c.databaseUrl, 'sqlite:./data/switchboard.db');
    assert.equal(c.publicUrl, 'http://localhost:8787');
    assert.equal(c.demo, true);
    assert.deepEqual(c.allowedOrigins, []);
  });

  it('names every bad variable in one message', () => {
    assert.throws(
      () => loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x', ALLOWED_ORIGINS: 'https://ok.com, https://bad.com/path', SWITCHBOARD_SECRET: 'short', SWITCHBOARD_TIME_ZONE: 'Mars/Olympus' }),
      (error: Error) => {
        for (const name of ['PORT', 'DATABASE_URL', 'ALLOWED_ORIGINS', 'SWITCHBOARD_SECRET', 'SWITCHBOARD_TIME_ZONE']) assert.match(error.message, new RegExp(name));
        return true;
      },
    );
  });

  it('reads ICE servers for calls, and refuses TURN without a secret or relay-only without TURN', () => {
    const c = loadConfig({ STUN_URLS: 'stun:stun.example.com:3478', TURN_URLS: 'turn:turn.example.com:3478?transport=udp, turns:turn.example.com:5349', TURN_SECRET: 'a-long-shared-secret', VOICE_RELAY_ONLY: '1' });
    assert.deepEqual(c.voice, { stunUrls: ['stun:stun.example.com:3478'], turnUrls: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349'], turnSecret: 'a-long-shared-secret', turnTtlSeconds: 3600, relayOnly: true });
    assert.throws(() => loadConfig({ TURN_URLS: 'turn:turn.example.com' }), /TURN_SECRET: is required with TURN_URLS/);
    assert.throws(() => loadConfig({ VOICE_RELAY_ONLY: '1' }), /VOICE_RELAY_ONLY: needs TURN_URLS and TURN_SECRET/);
    assert.throws(() => loadConfig({ STUN_URLS: 'https://stun.example.com' }), /STUN_URLS: each URL must start with stun:/);
  });

  it('reads origins, a PostgreSQL URL and the demo switch', () => {
    const c = loadConfig({ ALLOWED_ORIGINS: 'https://shop.example.com, *', DATABASE_URL: 'postgres://u@db:5432/sb', SWITCHBOARD_DEMO: '0', PUBLIC_URL: 'https://help.example.com/' });
    assert.deepEqual(c.allowedOrigins, ['https://shop.example.com', '*']);
    assert.equal(c.databaseUrl, 'postgres://u@db:5432/sb');
    assert.equal(c.demo, false);
    assert.equal(c.publicUrl, 'https://help.example.com');
  });

  it('logs at info by default, takes any pino level, and refuses another word naming the choices', () => {
    assert.equal(loadConfig({}).logLevel, 'info');
    assert.equal(loadConfig({ LOG_LEVEL: 'debug' }).logLevel, 'debug');
    assert.equal(loadConfig({ LOG_LEVEL: 'silent' }).logLevel, 'silent');
    assert.throws(() => loadConfig({ LOG_LEVEL: 'verbose' }), /LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent/);
  });

  it('turns on cluster mode with REDIS_URL over PostgreSQL, and stops with a clear message over SQLite', () => {
    assert.equal(loadConfig({}).cluster, undefined, 'one node by default');
    const c = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://u@db:5432/sb?schema=sb', NODE_NAME: 'node-1' });
    assert.deepEqual(c.cluster, { redisUrl: 'redis://127.0.0.1:6379', nodeName: 'node-1', advertiseHost: '127.0.0.1', internalPort: 0 });
    assert.throws(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }), /REDIS_URL: cluster mode needs a PostgreSQL DATABASE_URL/);
    assert.throws(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379', DATABASE_URL: 'postgres://u@db/sb' }), /REDIS_URL: must look like redis:/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://u@db/sb?schema=Bad-Name' }), /DATABASE_URL: schema must be a lower-case SQL name/);
  });
});
