/** The agent app's English message catalogue. Every string an agent sees or hears comes from here. */
export const en = {
  appTitle: 'Switchboard',
  signInTitle: 'Sign in',
  email: 'E-mail',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  errorInvalidCredentials: 'E-mail or password is wrong.',
  errorRateLimited: 'Too many attempts. Wait a few minutes and try again.',
  errorInvalidInput: 'Check the e-mail address and password.',
  errorGeneric: 'Something went wrong. Please try again.',
  errorOfferUnavailable: 'That chat is no longer available: it was taken, timed out or the visitor left.',
  presenceLabel: 'Your status',
  presence_available: 'Available',
  presence_away: 'Away',
  presence_offline: 'Offline',
  connectionConnecting: 'Connecting…',
  connectionReconnecting: 'Connection lost. Reconnecting…',
  connectionClosed: 'Disconnected. Reload the app.',
  inboxLabel: 'Conversations',
  offersHeading: 'Incoming',
  activeHeading: 'Active',
  endedHeading: 'Recently ended',
  noConversations: 'No conversations yet. Set yourself Available to receive chats.',
  offerFrom: 'Chat from {name}',
  offerQueue: 'Queue: {queue}',
  accept: 'Accept',
  decline: 'Decline',
  acceptChatFrom: 'Accept chat from {name}',
  declineChatFrom: 'Decline chat from {name}',
  anonymousVisitor: 'Visitor {short}',
  unread: '{count} unread',
  selectPrompt: 'Select a conversation, or accept an incoming chat.',
  timelineLabel: 'Conversation with {name}',
  visitorTyping: '{name} is typing…',
  joined: '{name} joined',
  left: '{name} left',
  endedBy: 'Ended by {name}',
  composerLabel: 'Reply to {name}',
  composerPlaceholder: 'Type a reply… (Enter to send, Shift+Enter for a new line)',
  send: 'Send',
  sending: 'Sending…',
  endConversation: 'End conversation',
  conversationEnded: 'This conversation has ended.',
  cannedLabel: 'Insert a canned reply',
  cannedPlaceholder: 'Canned replies…',
  seenByVisitor: 'Seen',
  you: 'You',
  visitorWord: 'Visitor',
  statusQueued: 'Waiting',
  statusActive: 'Active',
  statusEnded: 'Ended',
} as const;

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** How to show a visitor who has not told us their name. */
export function visitorName(visitor: { id: string; name?: string }): string {
  return visitor.name ?? t('anonymousVisitor', { short: visitor.id.slice(0, 4).toUpperCase() });
}
