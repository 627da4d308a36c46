/**
 * Full-text search over short texts (articles, canned replies) with MiniSearch: prefix and
 * fuzzy matching, titles weighted double, common words ignored, weak matches dropped.
 */
import MiniSearch from 'minisearch';

/** Words too common to say what a question is about (English; other languages rely on fuzziness). */
const STOP_WORDS = new Set(
  'a an and are as at be but by can could do does for from have hello hi how i if in is it me my no not of on or our please so that the there this to us was we what when where which who why will with would you your'.split(' '),
);

export interface Searchable {
  id: string;
  title: string;
  body: string;
}

export class TextSearch<T extends Searchable> {
  private readonly index = new MiniSearch<T>({
    fields: ['title', 'body'],
    storeFields: [],
    processTerm: (term) => {
      const t = term.toLowerCase();
      return t.length < 2 || STOP_WORDS.has(t) ? null : t;
    },
    // Typos are forgiven in longer words only: "too" must not find "two".
    searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: (term) => (term.length > 4 ? 0.2 : false), combineWith: 'OR' },
  });
  private readonly byId = new Map<string, T>();

  constructor(items: T[]) {
    this.index.addAll(items);
    for (const item of items) this.byId.set(item.id, item);
  }

  /** The best matches, strongest first; those under a quarter of the best score are noise. */
  search(text: string, limit: number, keep: (item: T) => boolean = () => true): { item: T; score: number }[] {
    const hits = this.index.search(text).filter((h) => keep(this.byId.get(String(h.id))!));
    const top = hits[0]?.score ?? 0;
    return hits
      .filter((h) => h.score >= top / 4)
      .slice(0, limit)
      .map((h) => ({ item: this.byId.get(String(h.id))!, score: Math.round(h.score * 100) / 100 }));
  }
}
