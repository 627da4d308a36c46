/** The widget's English message catalogue. Every string a visitor sees or hears comes from here. */
export const en = {
  launcherOpen: 'Open chat',
  launcherClose: 'Close chat',
  unreadBadge: '{count} unread',
  panelTitle: 'Chat with us',
  panelLabel: 'Chat with support',
  closePanel: 'Close chat',
  statusConnecting: 'Connecting…',
  statusReconnecting: 'Connection lost. Reconnecting…',
  statusClosed: 'Chat is unavailable. Please reload the page.',
  statusUnsupported: 'This chat was updated. Please reload the page.',
  welcome: 'Hi! Send us a message and an agent will reply here.',
  queuePosition: 'You are number {position} in line. An agent will be with you shortly.',
  queueNext: 'You are next in line. An agent will be with you shortly.',
  estimatedWait: 'Estimated wait: about {minutes} min.',
  estimatedWaitShort: 'Estimated wait: under a minute.',
  endedClosed: 'We are closed right now, so this chat could not be answered. Please come back during our opening hours.',
  endedQueueFull: 'All our agents are busy and the line is full. Please try again in a few minutes.',
  endedMaxWait: 'Sorry, nobody could answer in time. Please try again later.',
  endedNoRoute: 'Sorry, this chat could not be answered. Please try again later.',
  noAgents: 'No agent is available right now. Leave your message and we will reply here as soon as someone is back.',
  agentJoined: '{name} joined the chat',
  agentLeft: '{name} left the chat',
  agentFallbackName: 'Support',
  youEnded: 'You ended the conversation.',
  agentEnded: '{name} ended the conversation.',
  conversationEnded: 'This conversation has ended.',
  startNew: 'Start a new conversation',
  endConversation: 'End conversation',
  endConfirm: 'End this conversation?',
  endConfirmYes: 'Yes, end it',
  endConfirmNo: 'Keep chatting',
  composerLabel: 'Your message',
  composerPlaceholder: 'Type your message…',
  send: 'Send',
  sending: 'Sending…',
  notSent: 'Not sent yet; it will be sent when the connection is back.',
  seen: 'Seen',
  typing: '{name} is typing…',
  you: 'You',
  messageFrom: 'Message from {name}',
  errorTooLong: 'That message is too long.',
  errorGeneric: 'Something went wrong. Please try again.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

/** Formats a message, replacing `{name}` placeholders with `params`. */
export function format(catalogue: Catalogue, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
