/** Knowledge-base articles and the suggestions built from them and from canned replies. */
import { z } from 'zod';
import type { CannedReply } from './api.js';

export interface Article {
  id: string;
  title: string;
  /** Plain text; paragraphs separated by blank lines. */
  body: string;
  /** BCP 47, for example `en` or `pt-BR`. */
  language: string;
  updatedAt: number;
}

export const articleInputSchema = z.object({
  title: z.string().trim().min(1).max(160),
  body: z.string().trim().min(1).max(20_000),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language such as en or pt-BR').default('en'),
}).meta({ id: 'ArticleInput' });
export type ArticleInput = z.infer<typeof articleInputSchema>;

/** A found article: its first words instead of the whole body. */
export interface ArticleHit {
  id: string;
  title: string;
  excerpt: string;
  score: number;
}

/** Best matches for a customer's message: replies to insert and articles to point to. */
export interface Suggestions {
  replies: (CannedReply & { score: number })[];
  articles: ArticleHit[];
}

export const articleSearchQuerySchema = z.object({
  q: z.string().trim().min(2).max(500).meta({ description: 'The visitor’s question, as typed', example: 'How do I return an order?' }),
  locale: z.string().max(35).optional().meta({ description: 'The visitor’s language (navigator.language): articles in it rank first', example: 'en-GB' }),
});
