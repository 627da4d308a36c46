/**
 * Language as a routing attribute, in the engine's own terms (skills), so the ACD stays unaware of it:
 * an agent who serves Spanish has the skill `lang-es`; a queue may require one language (`lang-es: 1`)
 * or the customer's own (`lang: 1`), which each contact then carries as `lang-xx` from its language. Pure.
 */
import type { Skills } from '../acd/types.js';

/** The queue skill meaning "an agent who speaks the customer's language, at least at this level". */
export const OWN_LANGUAGE = 'lang';

/** The skill for a language tag: `es-MX` → `lang-es`. */
export const languageSkill = (tag: string): string => `lang-${tag.toLowerCase().split(/[-_]/)[0]}`;

/** An agent's skills with `lang-xx: 1` for each language they serve; a level set by hand wins. */
export function withLanguageSkills(skills: Skills, languages: readonly string[]): Skills {
  return { ...Object.fromEntries(languages.map((l) => [languageSkill(l), 1])), ...skills };
}

/** A queue's required skills as the engine gets them: all but the "customer's own language" marker. */
export function engineQueueSkills(required: Skills): Skills {
  const { [OWN_LANGUAGE]: _own, ...rest } = required;
  return rest;
}

/**
 * What a contact needs on top of its queue: its own language's skill when the queue asks for the
 * customer's language and the language is known. A contact of unknown language waits for anyone.
 */
export function contactLanguageSkills(queueRequired: Skills, language: string | undefined): Skills | undefined {
  const level = queueRequired[OWN_LANGUAGE];
  return level && language ? { [languageSkill(language)]: level } : undefined;
}
