/**
 * The invitation chunk's work on one page: asks the server once whether this page has an
 * invitation now, waits the invitation's seconds on page, shows it beside the launcher, counts the
 * showing, and on Reply hands it to the chat and opens the panel. The host's `data-invitation`
 * says where it stands (`none`, `waiting`, `shown`, `opened`, `dismissed`), for the page and tests.
 */
import type { InvitationMatch, InvitationOffer } from '../../signaling/protocol/invitations.js';
import type { AppLocale } from '../../ui/i18n/locales.js';
import { format } from '../i18n/en.js';
import { loadCatalogue } from '../i18n/load-catalogue.js';
import type { WidgetOptions } from '../loader/api-types.js';
import { showBubble } from './invitation-bubble.js';
import { InvitationMemory } from './invitation-memory.js';

type InvitationState = 'none' | 'waiting' | 'shown' | 'opened' | 'dismissed';

/**
 * @example watchInvitations(host, { serverUrl: 'https://help.example.com', invitations: 'true' });
 */
export async function watchInvitations(host: HTMLElement, options: WidgetOptions, win: Window = window): Promise<void> {
  const root = host.shadowRoot;
  const api = win.Switchboard;
  if (!root || !api?.open) return;
  const settle = (state: InvitationState) => host.setAttribute('data-invitation', state);
  const memory = new InvitationMemory(options.serverUrl, win);
  if (memory.chatting()) return settle('none');

  let offer: InvitationOffer | null = null;
  try {
    const query = new URLSearchParams({ path: win.location.pathname, returning: String(memory.returning) });
    const response = await fetch(`${options.serverUrl}/api/visitors/invitations/match?${query}`);
    if (response.ok) offer = ((await response.json()) as InvitationMatch).invitation;
  } catch {
    // offline or refused: no invitation on this page
  }
  if (!offer || memory.isDone(offer.id)) return settle('none');
  const current = offer;

  // The visitor who opens the chat first does not need to be invited any more.
  let cancelled = false;
  let hide: (() => void) | undefined = undefined;
  const onOpen = () => {
    cancelled = true;
    hide?.();
    memory.markDone(current.id);
  };
  api.on?.('open', onOpen);

  settle('waiting');
  const [messages] = await Promise.all([loadCatalogue((host.lang || 'en') as AppLocale), new Promise((resolve) => win.setTimeout(resolve, current.delaySeconds * 1000))]);
  if (cancelled || memory.chatting()) return settle('none');

  const locale = host.lang || 'en';
  const from = current.sender ?? format(messages, 'invitationTeam', {}, locale);
  const count = (what: 'shown' | 'opened') =>
    void fetch(`${options.serverUrl}/api/visitors/invitations/${encodeURIComponent(current.id)}/${what}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ viewer: memory.viewer }), keepalive: true }).catch(() => {});
  const finish = (state: InvitationState) => {
    api.off?.('open', onOpen);
    hide?.();
    memory.markDone(current.id);
    settle(state);
  };
  hide = showBubble(root, current, { from, label: format(messages, 'invitationLabel', { name: from }, locale), reply: format(messages, 'invitationReply', {}, locale), dismiss: format(messages, 'invitationDismiss', {}, locale) }, {
    reply() {
      memory.handToChat(current);
      count('opened');
      finish('opened');
      api.open!();
    },
    dismiss() {
      const hadFocus = root.activeElement?.closest('.invite');
      finish('dismissed');
      // A keyboard user who dismissed it lands on the launcher, not on the page's start.
      if (hadFocus) root.querySelector<HTMLElement>('.launcher')?.focus();
    },
  });
  settle('shown');
  count('shown');
}
