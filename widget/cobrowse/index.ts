/**
 * The co-browse chunk, loaded only when a visitor shares their page: shares the page into the
 * session's room, shows the agent's pointer and highlights, applies what the agent may do, and
 * keeps the sharing bar on screen.
 */
import type { CobrowseView } from '../../signaling/protocol/cobrowse.js';
import { GuideActions } from './guide-actions.js';
import { GuideOverlay } from './guide-overlay.js';
import { PageSharer } from './page-sharer.js';

export interface CobrowseHandle {
  /** The session changed (control asked, granted, taken back). */
  update(view: CobrowseView): void;
  /** Stops sharing at once, before the server hears of it. */
  stop(): void;
}

export interface StartCobrowseOptions {
  serverUrl: string;
  view: CobrowseView & { room: { token: string } };
  onStop(): void;
  onControl(allowed: boolean): void;
  /** The server no longer knows the session: sharing has stopped here. */
  onEnded(): void;
}

export function startCobrowse(options: StartCobrowseOptions): CobrowseHandle {
  let view = options.view;
  const sharer = new PageSharer({
    serverUrl: options.serverUrl,
    sessionId: view.sessionId,
    token: view.room.token,
    onGuide: (guide) => {
      overlay.show(guide, sharer.snapshotId);
      if (guide) actions.apply(guide, sharer.snapshotId, view.control === 'granted');
    },
    onRefused: () => {
      handle.stop();
      options.onEnded();
    },
  });
  const overlay = new GuideOverlay(document, sharer.serializer, view.agent.name);
  const actions = new GuideActions(sharer.serializer);
  overlay.setControl(view.control);
  overlay.host.addEventListener('sb-cobrowse-stop', () => options.onStop());
  overlay.host.addEventListener('sb-cobrowse-control', (e) => options.onControl((e as CustomEvent<{ allowed: boolean }>).detail.allowed));

  let stopped = false;
  const handle: CobrowseHandle = {
    update(next) {
      view = { ...next, room: view.room };
      overlay.setControl(next.control);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      sharer.stop();
      overlay.remove();
    },
  };
  sharer.start();
  return handle;
}
