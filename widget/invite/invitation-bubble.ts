/**
 * Draws an invitation beside the launcher, in the widget's shadow root: who sends it, the text, a
 * Reply button and a labelled close button. It is a non-modal dialog: it takes no focus from the
 * page, Tab reaches it, and Escape inside it dismisses it, as the close button does.
 */
import type { InvitationOffer } from '../../signaling/protocol/invitations.js';
import { addStyles, closeIcon } from '../chat/frame-styles.js';
import { bubbleCss } from './bubble-styles.js';

export interface BubbleWords {
  /** Who signs it: the agent's name, or the team in the visitor's language. */
  from: string;
  /** The dialog's name for screen readers. */
  label: string;
  reply: string;
  dismiss: string;
}

export interface BubbleHandlers {
  reply(): void;
  dismiss(): void;
}

/** Shadow roots that already have the bubble's styles. */
const styled = new WeakSet<ShadowRoot>();

/** Shows the bubble; returns a function that takes it away. */
export function showBubble(root: ShadowRoot, offer: InvitationOffer, words: BubbleWords, on: BubbleHandlers): () => void {
  if (!styled.has(root)) {
    addStyles(root, bubbleCss);
    styled.add(root);
  }
  const doc = root.ownerDocument;
  const bubble = doc.createElement('div');
  bubble.className = 'invite';
  bubble.setAttribute('part', 'invitation');
  bubble.setAttribute('role', 'dialog');
  bubble.setAttribute('aria-label', words.label);
  const from = doc.createElement('p');
  from.className = 'invite-from';
  from.dir = 'auto';
  from.textContent = words.from;
  const text = doc.createElement('p');
  text.className = 'invite-text';
  text.dir = 'auto';
  text.textContent = offer.text; // text, never markup: it comes from the server
  const reply = doc.createElement('button');
  reply.type = 'button';
  reply.className = 'invite-reply';
  reply.textContent = words.reply;
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'invite-close';
  close.setAttribute('aria-label', words.dismiss);
  close.innerHTML = closeIcon;
  bubble.append(close, from, text, reply);
  root.append(bubble);

  reply.addEventListener('click', () => on.reply());
  text.addEventListener('click', () => on.reply());
  close.addEventListener('click', () => on.dismiss());
  bubble.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    on.dismiss();
  });
  return () => bubble.remove();
}
