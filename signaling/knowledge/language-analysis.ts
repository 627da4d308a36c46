/**
 * How each language's words are cut and reduced before they are indexed or searched: stop words
 * dropped, stems kept (Snowball stemmers from @orama/stemmers: "pedidos" and "pedido" meet, as do
 * "Bestellungen" and "Bestellung"), and Chinese, written without spaces, cut into words by
 * Intl.Segmenter. Orama's stemmers and stop-word lists are maintained ports for ~30 languages that
 * run on Node 20 with no native code; writing them by hand would be thousands of lines of rules.
 */
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stopwords as arabicStop } from '@orama/stopwords/arabic';
import { stopwords as danishStop } from '@orama/stopwords/danish';
import { stopwords as englishStop } from '@orama/stopwords/english';
import { stopwords as frenchStop } from '@orama/stopwords/french';
import { stopwords as germanStop } from '@orama/stopwords/german';
import { stopwords as mandarinStop } from '@orama/stopwords/mandarin';
import { stopwords as spanishStop } from '@orama/stopwords/spanish';
import { pickLocale, type AppLocale } from '../protocol/locales.js';

export interface LanguageAnalysis {
  language: AppLocale;
  /** Cuts a text into words. */
  tokenize(text: string): string[];
  /** A word as indexed and searched (lower case, stemmed), or null for a stop word. */
  processTerm(term: string): string | null;
}

/** Greetings and politeness say nothing about the question, in any language. */
const CHAT_WORDS = 'hello hi hey please thanks thank hola gracias favor bonjour merci salut hallo danke bitte hej tak venligst 你好 谢谢 请 مرحبا شكرا السلام عليكم'.split(' ');

const STEMMERS: Record<AppLocale, (word: string) => string> = { en: english, es: spanish, fr: french, de: german, da: danish, ar: arabic, zh: (w) => w };
const STOP_WORDS: Record<AppLocale, readonly string[]> = { en: englishStop, es: spanishStop, fr: frenchStop, de: germanStop, da: danishStop, ar: arabicStop, zh: mandarinStop };

/** Letters and digits of any script; everything else separates words. */
const WORD_SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;
const chineseWords = new Intl.Segmenter('zh', { granularity: 'word' });

const cache = new Map<AppLocale, LanguageAnalysis>();

/** The analysis for a language tag (`es-MX` → Spanish); English when there is none for it. */
export function analysisFor(tag: string | undefined): LanguageAnalysis {
  const language = pickLocale([tag]);
  let analysis = cache.get(language);
  if (!analysis) {
    const stop = new Set([...STOP_WORDS[language], ...CHAT_WORDS].map((w) => w.toLowerCase()));
    const stem = STEMMERS[language];
    analysis = {
      language,
      tokenize: language === 'zh' ? (text) => [...chineseWords.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment) : (text) => text.split(WORD_SEPARATOR).filter(Boolean),
      processTerm(term) {
        // Arabic is written with and without short-vowel marks and tatweel: compare the letters only.
        const t = term.toLowerCase().normalize('NFKC').replace(/[\u064B-\u065F\u0640]/g, '');
        if (stop.has(t) || (language !== 'zh' && t.length < 2)) return null;
        return stem(t);
      },
    };
    cache.set(language, analysis);
  }
  return analysis;
}
