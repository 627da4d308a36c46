/**
 * Where the topic menu sits in the chat panel: whether the panel opens on it, the menu itself
 * (its element loads the first time it shows: sites without a menu never download it), and the
 * line that names the chosen topic with a way back while nothing has been sent.
 */
import { html, nothing } from 'lit';
import type { QueueStatus } from '../../signaling/protocol/contact-options.js';
import type { BotState } from '../bot/bot-session.js';
import type { Catalogue, MessageKey } from '../i18n/en.js';
import type { ChatState } from './chat-state.js';
import { topicLabel, type TopicChoiceState } from './topic-choice.js';

/** What the panel knows that the topic step depends on. */
export interface TopicView {
  state: ChatState;
  status: QueueStatus | undefined;
  topics: TopicChoiceState | undefined;
  bot: BotState | undefined;
  messages: Catalogue;
  locale: string;
}

/** Before a chat only: nothing sent or waiting to be, the help bot not answering, and no topic chosen yet. */
function beforeChat({ state, bot }: TopicView): boolean {
  return !state.conversation && state.outbox.length === 0 && (!bot || bot.phase === 'idle');
}

/** The panel opens on the menu: the site has topics, and the visitor has not chosen one for a chat yet. */
export function topicMenuShown(view: TopicView): boolean {
  return !!view.status?.topics?.length && !!view.topics && view.topics.phase !== 'chosen' && beforeChat(view);
}

export function renderTopicMenu({ status, topics, messages, locale }: TopicView) {
  if (!customElements.get('sb-topic-menu')) void import('./sb-topic-menu.js');
  return html`<sb-topic-menu part="topic-menu" .topics=${status?.topics ?? []} .state=${topics} .messages=${messages} .locale=${locale}></sb-topic-menu>`;
}

/** "Topic: Billing · Change topic", until the first message goes: then the agent has it and the topic stays. */
export function renderTopicBar(view: TopicView, t: (key: MessageKey, values?: Record<string, string>) => string) {
  const topic = view.topics?.phase === 'chosen' ? view.topics.topic : undefined;
  if (!topic || !beforeChat(view)) return nothing;
  return html`<div class="topic-bar" part="topic-bar">
    <span dir="auto">${t('topicChosen', { topic: topicLabel(topic, view.locale) })}</span>
    <button type="button" class="link" @click=${(e: Event) => e.target!.dispatchEvent(new CustomEvent('sb-topic-back', { bubbles: true, composed: true }))}>${t('topicChange')}</button>
  </div>`;
}
