/** Knowledge-base articles. */
import type { Kysely } from 'kysely';
import type { Article } from '../protocol/articles.js';
import type { Database } from './schema.js';

const toArticle = (r: Database['articles']): Article => ({ id: r.id, title: r.title, body: r.body, language: r.language, updatedAt: Number(r.updated_at) });

export class ArticlesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(a: Article, now: number): Promise<void> {
    await this.db.insertInto('articles').values({ id: a.id, title: a.title, body: a.body, language: a.language, created_at: now, updated_at: now }).execute();
  }

  async update(a: Article, now: number): Promise<void> {
    await this.db.updateTable('articles').set({ title: a.title, body: a.body, language: a.language, updated_at: now }).where('id', '=', a.id).execute();
  }

  async remove(id: string): Promise<boolean> {
    return Number((await this.db.deleteFrom('articles').where('id', '=', id).executeTakeFirst()).numDeletedRows) === 1;
  }

  async findById(id: string): Promise<Article | undefined> {
    const row = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toArticle(row);
  }

  async list(): Promise<Article[]> {
    return (await this.db.selectFrom('articles').selectAll().orderBy('title').execute()).map(toArticle);
  }
}
