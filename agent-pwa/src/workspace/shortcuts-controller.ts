/**
 * The workspace's keyboard shortcuts (see keyboard-shortcuts.ts): listened for on the whole
 * document while the workspace is on the page, so they work wherever focus is, also on the page
 * outside the app; each one shows the conversations and acts on them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { assertNever } from '../../../ui/assert-never.js';
import type { AgentSession } from '../agent-session.js';
import { shortcutFor, voiceSlotFor, type ShortcutAction } from '../keyboard-shortcuts.js';

/** What the shortcuts read from the workspace and ask of it. */
export interface ShortcutsHost extends ReactiveControllerHost {
  /** The session, while there is one: without it, keys are left alone. */
  readonly currentSession: AgentSession | undefined;
  readonly selectedId: string | undefined;
  showConversations(): void;
  select(conversationId: string): void;
  openTransfer(): void;
  act(work: () => Promise<void>): Promise<void>;
  /** Plays the voice reply in this slot into the current call; false when there is none to play. */
  playVoiceSlot(slot: number): boolean;
}

export class ShortcutsController implements ReactiveController {
  constructor(private readonly host: ShortcutsHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKeydown);
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    const slot = voiceSlotFor(event);
    // Only while a call can take it: otherwise the key keeps its usual meaning.
    if (slot !== undefined && this.host.currentSession && this.host.playVoiceSlot(slot)) return event.preventDefault();
    const action = shortcutFor(event);
    const session = this.host.currentSession;
    if (!action || !session) return;
    event.preventDefault();
    this.run(action, session);
  };

  private run(action: ShortcutAction, session: AgentSession): void {
    const host = this.host;
    const s = session.state;
    host.showConversations();
    const open = s.conversations.filter((c) => c.status !== 'ended');
    const at = open.findIndex((c) => c.id === host.selectedId);
    switch (action) {
      case 'accept': {
        const offer = s.offers[0];
        if (offer)
          void host.act(async () => {
            await session.accept(offer.conversationId);
            host.select(offer.conversationId);
          });
        return;
      }
      case 'next':
      case 'previous': {
        if (!open.length) return;
        const step = action === 'next' ? 1 : open.length - 1;
        host.select(open[(Math.max(at, action === 'next' ? -1 : 0) + step) % open.length]!.id);
        return;
      }
      case 'reply':
        if (host.selectedId) host.select(host.selectedId);
        return;
      case 'transfer':
        if (host.selectedId) host.openTransfer();
        return;
      case 'end': {
        const id = host.selectedId;
        if (id && !s.calls[id]) void host.act(() => session.end(id));
        return;
      }
      default:
        return assertNever(action);
    }
  }
}
