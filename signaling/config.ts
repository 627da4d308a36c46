/** Server configuration from the environment, validated at start with messages that name the variable. */
import { hostname } from 'node:os';
import { z } from 'zod';
import { compileTrust, type TrustProxy } from './http/client-address.js';
import { emailAddressSchema } from './protocol/email-address.js';
import { NEVER_ACCEPTED_TYPES } from './protocol/attachments.js';
import { dirname, join } from 'node:path';
import { LOG_LEVELS, type LogLevel } from './kernel/logger.js';
import { parseDatabaseUrl } from './store/database-url.js';
import type { VoiceSettings } from './voice/ice-config.js';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const urlList = (scheme: 'stun' | 'turn') =>
  z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every((u) => new RegExp(`^${scheme}s?:[^\\s]+$`).test(u)), `each URL must start with ${scheme}: or ${scheme}s:`);

const envSchema = z
  .object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/switchboard.db')
    .superRefine((url, ctx) => {
      try {
        parseDatabaseUrl(url);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  /**
   * Cluster mode: several nodes over one PostgreSQL database, finding the node that owns the ACD
   * through Redis (redis://host:6379/0 or rediss://…). Needs a PostgreSQL DATABASE_URL.
   */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must look like redis://host:6379 or rediss://…' }).optional(),
  /** Cluster mode: this node's name in logs, metrics and /readyz (default: host name and process id). */
  NODE_NAME: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash and underscore, at most 64').optional(),
  /** Cluster mode: the address other nodes reach this node's internal port at (default 127.0.0.1, one machine). */
  CLUSTER_ADVERTISE_HOST: z.string().min(1).default('127.0.0.1'),
  /** Cluster mode: the internal port the ACD owner serves on behind every node's public port (0: any free port). */
  CLUSTER_INTERNAL_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Comma-separated origins whose pages may embed the widget; `*` for any. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every((o) => o === '*' || /^https?:\/\/[^/]+$/.test(o)), 'each origin must look like https://example.com (no path), or be *'),
  SWITCHBOARD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SWITCHBOARD_ADMIN_EMAIL: emailAddressSchema.optional(),
  SWITCHBOARD_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SWITCHBOARD_DEMO: flag.default(true),
  /** The center's time zone: where "today" starts on the wallboard and in reports. */
  SWITCHBOARD_TIME_ZONE: z
    .string()
    .default('UTC')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/Berlin'),
  /** T of the service level: answered within this many seconds. */
  SERVICE_LEVEL_SECONDS: z.coerce.number().int().min(1).max(3600).default(20),
  /** Abandons within this many seconds leave SL2's denominator. */
  SHORT_ABANDON_SECONDS: z.coerce.number().int().min(0).max(600).default(5),
  /** Bearer token a Prometheus scraper sends to read /metrics. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Calls: comma-separated STUN URLs (stun:host:port); none keeps calls on the local network. */
  STUN_URLS: urlList('stun'),
  /** Calls: comma-separated TURN URLs; with TURN_SECRET each call gets time-limited credentials (coturn use-auth-secret). */
  TURN_URLS: urlList('turn'),
  TURN_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  TURN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** Calls: visitors' media through TURN only, so agents never see their IP address. Needs TURN. */
  VOICE_RELAY_ONLY: flag.default(false),
  /** Outbound mail (acknowledgements, agents' replies): smtp://user:pass@host:587 or smtps://…; without it mail waits in the outbox. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The From of our mail; its domain is the right-hand side of our Message-IDs. */
  MAIL_FROM: z.string().min(3).max(200).regex(/@/, 'must contain an e-mail address').default('Switchboard <support@localhost>'),
  /** The name mails are signed with. */
  COMPANY_NAME: z.string().min(1).max(120).default('Switchboard'),
  /** Receive customers' mail over SMTP on this port (0: any free port; absent: off). */
  SMTP_LISTEN_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_LISTEN_HOST: z.string().min(1).default('127.0.0.1'),
  /** Comma-separated domains the SMTP listener takes mail for (absent: any). */
  SMTP_LISTEN_DOMAINS: z.string().default('').transform((v) => v.split(',').map((d) => d.trim().toLowerCase()).filter(Boolean)),
  /** Turns on POST /api/inbound/email: requests must be signed with this secret. */
  INBOUND_MAIL_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Verifies visitors' user ids: the site's backend sends hex HMAC-SHA256(IDENTITY_SECRET, userId) as userHash. */
  IDENTITY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Which X-Forwarded-For entries to believe: a number of proxy hops (0: none, the default), or
   * comma-separated proxy addresses and ranges (`loopback`, `10.0.0.0/8`).
   */
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((v, ctx): TrustProxy => {
      if (/^\d+$/.test(v.trim())) return Number(v.trim());
      const list = v.split(',').map((s) => s.trim()).filter(Boolean);
      try {
        compileTrust(list);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `a number of hops, or addresses and ranges such as loopback or 10.0.0.0/8 (${(error as Error).message})` });
      }
      return list;
    }),
  /** How long an agent whose app lost its connection (every window) stays present before becoming away and losing their offers. */
  PRESENCE_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(20),
  /** Sessions unused for this many minutes end (a shared computer left signed in). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(30 * 24 * 60).default(12 * 60),
  /** Shared files: the largest accepted (bytes; 10 MB by default). */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).optional(),
  /** Shared files: comma-separated types accepted, read from each file's bytes (default: images, PDF, plain text, office documents). */
  ATTACHMENT_TYPES: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean)))
    .refine((list) => !list || list.every((t) => /^[a-z]+\/[a-z0-9.+-]+$/.test(t)), 'each type must look like image/png')
    .refine((list) => !list || !list.some((t) => NEVER_ACCEPTED_TYPES.includes(t)), `may not include ${NEVER_ACCEPTED_TYPES.join(', ')} (a browser would run script in them)`),
  /** Tests only: channel media may come from 127.0.0.1 / ::1 (a local server stands in for the internet). Never set it in production: it lets a signed message make the server read its own ports. */
  CHANNEL_MEDIA_ALLOW_LOOPBACK: z.enum(['0', '1']).optional(),
  /** Where shared files are kept (default: files/ beside the SQLite database, or ./data/files). */
  FILES_DIR: z.string().min(1).optional(),
  /** Where the built apps are; `npm start` builds them there. */
  STATIC_DIR: z.string().default('dist/app'),
  /** How much the server logs (JSON lines on stdout; readable ones in a terminal). */
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  })
  .refine((e) => !e.REDIS_URL || /^postgres(ql)?:\/\//.test(e.DATABASE_URL), {
    path: ['REDIS_URL'],
    message: 'cluster mode needs a PostgreSQL DATABASE_URL (postgres://…); SQLite is for one node: remove REDIS_URL to run one node on SQLite',
  })
  .refine((e) => !e.VOICE_RELAY_ONLY || (e.TURN_URLS.length > 0 && e.TURN_SECRET), { path: ['VOICE_RELAY_ONLY'], message: 'needs TURN_URLS and TURN_SECRET' })
  .refine((e) => e.TURN_URLS.length === 0 || e.TURN_SECRET, { path: ['TURN_SECRET'], message: 'is required with TURN_URLS' });

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** The address people reach the server at; cookies are Secure when it is https. */
  publicUrl: string;
  allowedOrigins: string[];
  secret?: string;
  admin?: { email: string; password?: string };
  demo: boolean;
  staticDir: string;
  timeZone: string;
  metricsToken?: string;
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
  voice: VoiceSettings;
  mail: { smtpUrl?: string; from: string; company: string };
  smtpListen?: { host: string; port: number; domains: string[] };
  inboundMailSecret?: string;
  identitySecret?: string;
  trustProxy: TrustProxy;
  sessionIdleMs: number;
  presenceGraceMs: number;
  logLevel: LogLevel;
  /** Shared files: where they are kept, and what the site accepts (absent: the defaults). */
  files: { dir: string; maxBytes?: number; types?: string[]; channelMediaLoopback?: boolean };
  /** Set when REDIS_URL turns on cluster mode. */
  cluster?: ClusterConfig;
}

export interface ClusterConfig {
  redisUrl: string;
  nodeName: string;
  advertiseHost: string;
  internalPort: number;
}

export class ConfigError extends Error {}

/**
 * @throws ConfigError listing each bad variable, for example `PORT: Too big: expected number to be <=65535`.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const displayHost = e.HOST === '0.0.0.0' || e.HOST === '127.0.0.1' || e.HOST === '::' ? 'localhost' : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://${displayHost}:${e.PORT}`).replace(/\/$/, ''),
    allowedOrigins: e.ALLOWED_ORIGINS,
    ...(e.SWITCHBOARD_SECRET ? { secret: e.SWITCHBOARD_SECRET } : {}),
    ...(e.SWITCHBOARD_ADMIN_EMAIL
      ? { admin: { email: e.SWITCHBOARD_ADMIN_EMAIL.toLowerCase(), ...(e.SWITCHBOARD_ADMIN_PASSWORD ? { password: e.SWITCHBOARD_ADMIN_PASSWORD } : {}) } }
      : {}),
    demo: e.SWITCHBOARD_DEMO,
    staticDir: e.STATIC_DIR,
    timeZone: e.SWITCHBOARD_TIME_ZONE,
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
    serviceLevelSeconds: e.SERVICE_LEVEL_SECONDS,
    shortAbandonSeconds: e.SHORT_ABANDON_SECONDS,
    voice: {
      stunUrls: e.STUN_URLS,
      turnUrls: e.TURN_URLS,
      ...(e.TURN_SECRET ? { turnSecret: e.TURN_SECRET } : {}),
      turnTtlSeconds: e.TURN_TTL_SECONDS,
      relayOnly: e.VOICE_RELAY_ONLY,
    },
    mail: { ...(e.SMTP_URL ? { smtpUrl: e.SMTP_URL } : {}), from: e.MAIL_FROM, company: e.COMPANY_NAME },
    ...(e.SMTP_LISTEN_PORT !== undefined ? { smtpListen: { host: e.SMTP_LISTEN_HOST, port: e.SMTP_LISTEN_PORT, domains: e.SMTP_LISTEN_DOMAINS } } : {}),
    ...(e.INBOUND_MAIL_SECRET ? { inboundMailSecret: e.INBOUND_MAIL_SECRET } : {}),
    ...(e.IDENTITY_SECRET ? { identitySecret: e.IDENTITY_SECRET } : {}),
    trustProxy: e.TRUST_PROXY,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    presenceGraceMs: e.PRESENCE_GRACE_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    files: {
      dir: e.FILES_DIR ?? defaultFilesDir(e.DATABASE_URL),
      ...(e.ATTACHMENT_MAX_BYTES ? { maxBytes: e.ATTACHMENT_MAX_BYTES } : {}),
      ...(e.ATTACHMENT_TYPES ? { types: e.ATTACHMENT_TYPES } : {}),
      ...(e.CHANNEL_MEDIA_ALLOW_LOOPBACK === '1' ? { channelMediaLoopback: true } : {}),
    },
    ...(e.REDIS_URL
      ? { cluster: { redisUrl: e.REDIS_URL, nodeName: e.NODE_NAME ?? `${hostname()}-${process.pid}`, advertiseHost: e.CLUSTER_ADVERTISE_HOST, internalPort: e.CLUSTER_INTERNAL_PORT } }
      : {}),
  };
}

/** files/ beside a SQLite database file (the data folder), else ./data/files. */
function defaultFilesDir(databaseUrl: string): string {
  const target = parseDatabaseUrl(databaseUrl);
  return target.dialect === 'sqlite' && target.path !== ':memory:' ? join(dirname(target.path), 'files') : './data/files';
}
