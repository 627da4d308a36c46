/**
 * The topic menu before a chat (the web form of an IVR): admins list a few topics, each routed
 * to a queue and optionally answered from the knowledge base first; the widget shows them as
 * buttons. REST shapes, validated by the server; the widget imports the types only.
 */
import { z } from 'zod';

/** More than this many buttons stops being a menu a visitor reads at a glance. */
export const MAX_TOPICS = 8;
export const MAX_TOPIC_LABEL = 60;

const label = z.string().trim().min(1, 'a topic needs a label').max(MAX_TOPIC_LABEL, `a label is at most ${MAX_TOPIC_LABEL} characters`);

export const topicSchema = z.object({
  /** The button's text, in the site's main language. */
  label,
  /** The label in other languages, by language code (`de`, `zh`…): the widget picks the visitor's. */
  labels: z.record(z.string().regex(/^[a-z]{2,3}$/, 'a language code such as de or zh'), label).optional(),
  /** The queue (by slug) a chat about this topic starts in. */
  queue: z.string().min(1, 'a topic needs a queue').max(48),
  /** A knowledge-base search whose top articles the visitor sees before talking to a person. */
  articleSearch: z.string().trim().max(200).optional(),
}).meta({ id: 'Topic' });
export type Topic = z.infer<typeof topicSchema>;

export const topicMenuSchema = z.object({
  topics: z.array(topicSchema).max(MAX_TOPICS, `a topic menu has at most ${MAX_TOPICS} topics`),
}).meta({ id: 'TopicMenu' });
export type TopicMenu = z.infer<typeof topicMenuSchema>;
