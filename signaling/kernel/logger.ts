/** Structured logs: one pino logger for the process, a child per component, JSON lines (pretty in a terminal). */
import { pino, type DestinationStream, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';

export type { Logger };

/** Levels LOG_LEVEL accepts, most severe first; `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Fields whose values never reach a log line, at the top or one level down: credentials, and
 * what people wrote (message texts, mail bodies). Call sites do not log these at all; this
 * catches the object passed by mistake.
 */
export const REDACTED_PATHS = ['password', 'token', 'secret', 'text', 'body', 'html', 'cookie', 'authorization', 'headers.cookie', 'headers.authorization', 'headers["set-cookie"]']
  .flatMap((path) => [path, `*.${path}`]);

const stdout = pino.destination({ dest: 1, sync: true });
/** Where lines go; swapped by `configureLogging` so loggers made at import time follow it. */
let out: DestinationStream = stdout;

const root: Logger = pino(
  {
    level: 'info',
    // Level names rather than numbers: a person reading the JSON and a log shipper both understand them.
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  },
  { write: (line: string) => out.write(line) },
);

/**
 * The logger of one part of the server. Children share the root's level (changing it with
 * `configureLogging` changes theirs) and its destination.
 * @example const log = componentLogger('mail'); log.warn({ messageId, attempt }, 'sending failed');
 */
export function componentLogger(component: string): Logger {
  return root.child({ component });
}

export interface LoggingOptions {
  level?: LogLevel;
  /** Human-readable lines instead of JSON (a person at a terminal). */
  pretty?: boolean;
  /** Write somewhere other than stdout (tests read the lines back). */
  destination?: DestinationStream;
}

/** Sets the level of every component logger (made already or later) and, when given, where they write. */
export function configureLogging(options: LoggingOptions): void {
  if (options.level) root.level = options.level;
  if (options.destination === undefined && options.pretty === undefined) return;
  const target = options.destination ?? stdout;
  if (options.pretty) {
    const prettify = prettyFactory({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,component', messageFormat: '{if component}{component}: {end}{msg}' });
    out = { write: (line: string) => target.write(prettify(line)) };
  } else out = target;
}
