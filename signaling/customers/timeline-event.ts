/**
 * What a tracked event (`Switchboard.trackEvent`) becomes in a conversation's timeline: its name
 * and a few of its properties, bounded so a chatty page cannot swell every timeline it is in.
 */
import { MAX_TIMELINE_EVENT_PROPERTIES, MAX_TIMELINE_PROPERTY_LENGTH, type ConversationEventBody } from '../protocol/conversation.js';
import type { TrackedEvent } from '../protocol/customers.js';

/** The timeline's entry for an event already validated at the boundary (name and property bounds). */
export function visitorEventEntry(event: Pick<TrackedEvent, 'name' | 'properties'>): Extract<ConversationEventBody, { type: 'visitor-event' }> {
  const entries = Object.entries(event.properties ?? {})
    .slice(0, MAX_TIMELINE_EVENT_PROPERTIES)
    .map(([key, value]) => [key, typeof value === 'string' ? value.slice(0, MAX_TIMELINE_PROPERTY_LENGTH) : value] as const);
  return { type: 'visitor-event', name: event.name, ...(entries.length ? { properties: Object.fromEntries(entries) } : {}) };
}
