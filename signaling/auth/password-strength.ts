/**
 * Refuses passwords that are easy to guess: common ones, keyboard walks, the person's own name
 * or address. zxcvbn estimates guessability from real password lists and patterns, which no
 * hand-written rule set matches; it loads (about 0.2 s) on first use, not at start.
 */
import { AppError } from '../kernel/app-error.js';
import { MIN_PASSWORD_LENGTH } from '../protocol/team.js';

type Checker = { check(password: string, userInputs?: string[]): { score: number; feedback: { warning: string | null; suggestions: string[] } } };
let checker: Promise<Checker> | undefined;

async function load(): Promise<Checker> {
  const [{ ZxcvbnFactory }, common, en] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
  return new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs, translations: en.translations });
}

/** zxcvbn's 0–4 scale: 3 is "safely unguessable", about 10^8 guesses or more. */
const MIN_SCORE = 3;

/**
 * @throws AppError `invalid-input` naming what is wrong with the password (path `password`).
 * @example await assertStrongPassword('correct horse battery', ['ana@example.com', 'Ana Lima']);
 */
export async function assertStrongPassword(password: string, personal: string[], path = 'password'): Promise<void> {
  const refuse = (message: string): never => {
    throw new AppError('invalid-input', message, [{ path, message }]);
  };
  if (password.length < MIN_PASSWORD_LENGTH) refuse(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const inputs = personal.flatMap((p) => [p, ...p.toLowerCase().split(/[\s@.+_-]+/)]).filter((p) => p.length >= 3);
  checker ??= load();
  const result = (await checker).check(password.slice(0, 256), inputs);
  // zxcvbn's warnings are whole sentences ("This is a top-10 common password."): fitted into ours.
  const warning = result.feedback.warning?.replace(/\.$/, '');
  if (result.score < MIN_SCORE) refuse(`this password is too easy to guess${warning ? ` (${warning[0]!.toLowerCase()}${warning.slice(1)})` : ''}; use a longer phrase of unrelated words`);
}
