/**
 * Full-text search over short texts (articles, canned replies) with MiniSearch: one index per
 * language, each analysed with its own stop words and stemmer (language-analysis.ts); prefix and
 * fuzzy matching, titles weighted double, weak matches dropped.
 */
import MiniSearch from 'minisearch';
import { analysisFor, type LanguageAnalysis } from './language-analysis.js';

export interface Searchable {
  id: string;
  title: string;
  body: string;
  /** The text's language (`es`, `pt-BR`); absent texts are indexed as English. */
  language?: string;
}

interface LanguageIndex {
  analysis: LanguageAnalysis;
  index: MiniSearch<Searchable>;
}

export class TextSearch<T extends Searchable> {
  private readonly indexes = new Map<string, LanguageIndex>();
  private readonly byId = new Map<string, T>();

  constructor(items: T[]) {
    for (const item of items) {
      this.byId.set(item.id, item);
      this.indexOf(item.language).index.add(item);
    }
  }

  /**
   * The best matches, strongest first; those under a quarter of the best score are noise.
   * `languages`: search only the texts in these languages (each read with its own analysis); all when absent.
   */
  search(text: string, limit: number, keep: (item: T) => boolean = () => true, languages?: (string | undefined)[]): { item: T; score: number }[] {
    const wanted = languages ? new Set(languages.map((l) => analysisFor(l).language)) : undefined;
    const hits = [...this.indexes.entries()]
      .filter(([language]) => !wanted || wanted.has(language as never))
      .flatMap(([, { index }]) => index.search(text))
      .filter((h) => keep(this.byId.get(String(h.id))!))
      .sort((a, b) => b.score - a.score);
    const top = hits[0]?.score ?? 0;
    return hits
      .filter((h) => h.score >= top / 4)
      .slice(0, limit)
      .map((h) => ({ item: this.byId.get(String(h.id))!, score: Math.round(h.score * 100) / 100 }));
  }

  private indexOf(language: string | undefined): LanguageIndex {
    const analysis = analysisFor(language);
    let entry = this.indexes.get(analysis.language);
    if (!entry) {
      const index = new MiniSearch<Searchable>({
        fields: ['title', 'body'],
        storeFields: [],
        tokenize: analysis.tokenize,
        processTerm: analysis.processTerm,
        // Typos are forgiven in longer words only: "too" must not find "two".
        searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: (term) => (term.length > 4 ? 0.2 : false), combineWith: 'OR' },
      });
      this.indexes.set(analysis.language, (entry = { analysis, index }));
    }
    return entry;
  }
}
