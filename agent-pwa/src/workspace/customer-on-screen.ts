/** Which customer the workspace shows beside the conversation: the selected conversation's, or (the screen pop) the first offer's. */
import { html, nothing } from 'lit';
import type { Offer } from '../../../signaling/protocol/server-frames.js';
import type { AgentState } from '../agent-state.js';
import type { CustomerController } from '../customer/customer-controller.js';
import '../call/sb-web-call-button.js';

type Detail<T> = CustomEvent<T>;
type Conversation = AgentState['conversations'][number];

/** The offer whose customer pops up: the first one, unless the agent is working an open conversation. */
export function screenPop(state: AgentState, selected: Conversation | undefined): Offer | undefined {
  const offer = state.offers[0];
  return offer && (!selected || selected.status === 'ended') ? offer : undefined;
}

/**
 * The customer to load, and the version that reloads it when it changes: the monitored or
 * selected conversation's (its last seq), else the screen pop's offer (its preview).
 */
export function customerOnScreen(state: AgentState, selectedId: string | undefined): { conversationId: string | undefined; version: string | number } {
  const selected = state.conversations.find((c) => c.id === selectedId);
  const offer = !state.monitored ? screenPop(state, selected) : undefined;
  const shown = !offer ? (state.monitored ?? selected) : undefined;
  const conversationId = shown?.id ?? offer?.conversationId;
  const pages = conversationId ? (state.contextChanges[conversationId] ?? 0) : 0;
  return { conversationId, version: shown ? `${shown.lastSeq}:${pages}` : `offer:${offer?.preview ?? ''}:${pages}` };
}

/** What the customer pane's "Call in browser" needs from the app. */
export interface WebCallActions {
  /** Stops a call ringing in the visitor's widget. */
  hangUp(conversationId: string): Promise<void>;
}

/** The customer pane of a conversation; read-only for the screen pop and for a supervisor watching. */
export function renderCustomerPane(customer: CustomerController, state: AgentState, conversationId: string, readOnly: boolean, act: (work: () => Promise<void>) => void, webCall?: WebCallActions) {
  const conversation = state.conversations.find((c) => c.id === conversationId);
  // Calling the visitor's browser rides on their chat, while the agent works it.
  const callable = !readOnly && webCall && conversation?.channel === 'chat' && conversation.status === 'active';
  return html`<sb-customer-pane
    ?readOnly=${readOnly}
    .conversationId=${conversationId}
    .profile=${customer.profile}
    .timeline=${customer.timeline}
    .searchResults=${customer.searchResults}
    .viewers=${(customer.customerId && state.viewers[customer.customerId]) || []}
    .selfId=${state.agent?.id ?? ''}
    @sb-customer-timeline=${(e: Detail<{ open: boolean }>) => act(() => customer.toggleTimeline(e.detail.open))}
    @sb-customer-search=${(e: Detail<{ q: string }>) => act(() => customer.search(e.detail.q))}
    @sb-customer-merge=${(e: Detail<{ customerId: string }>) => act(() => customer.merge(e.detail.customerId))}
    @sb-customer-split=${(e: Detail<{ visitorId: string }>) => act(() => customer.split(e.detail.visitorId))}
    @sb-customer-link-match=${(e: Detail<{ matchId: string }>) => act(() => customer.linkMatch(e.detail.matchId))}
    @sb-customer-dismiss-match=${(e: Detail<{ matchId: string }>) => act(() => customer.dismissMatch(e.detail.matchId))}
    @sb-customer-tags=${(e: Detail<{ tags: string[] }>) => act(() => customer.setTags(e.detail.tags))}
    @sb-customer-note=${(e: Detail<{ text: string }>) => act(() => customer.addNote(e.detail.text))}
    >${callable
      ? html`<sb-web-call-button
          slot="actions"
          .conversationId=${conversationId}
          ?inCall=${!!state.calls[conversationId]}
          .ringEnd=${state.webCallRings[conversationId]}
          .refreshKey=${state.contextChanges[conversationId] ?? 0}
          @sb-web-call-cancel=${() => act(() => webCall.hangUp(conversationId))}
        ></sb-web-call-button>`
      : nothing}</sb-customer-pane
  >`;
}
