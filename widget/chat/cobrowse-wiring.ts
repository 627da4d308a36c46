/**
 * Joins the chat session, the panel and (loaded on demand) the co-browse chunk: nothing of
 * co-browsing is downloaded until the page is actually shared, and a shared page keeps sharing
 * after a reload or a move to another page of the site (the server sends the session again).
 */
import type { CobrowseHandle } from '../cobrowse/index.js';
import type { ChatSession } from './chat-session.js';
import type { SbChatPanel } from './sb-chat-panel.js';

export function wireCobrowse(session: ChatSession, panel: SbChatPanel, serverUrl: string, requestOpen: () => void): { sync(): void } {
  let handle: CobrowseHandle | undefined;
  let sessionId: string | undefined;
  let askedFor: string | undefined;

  const stopLocally = () => {
    handle?.stop();
    handle = undefined;
    sessionId = undefined;
  };
  const report = (done: Promise<void>) => {
    panel.actionError = undefined;
    void done.catch(() => (panel.actionError = 'failed'));
  };

  panel.addEventListener('sb-cobrowse-accept', () => report(session.sharing.share()));
  panel.addEventListener('sb-cobrowse-decline', () => report(session.sharing.decline()));
  panel.addEventListener('sb-cobrowse-stop', () => {
    stopLocally();
    report(session.sharing.stop());
  });

  return {
    sync() {
      const view = session.state.cobrowse;
      if (!view || view.phase === 'ended' || !view.room) {
        if (view?.phase === 'requested' && askedFor !== view.sessionId) {
          // The agent asks: the visitor must see the question, even with the panel closed.
          askedFor = view.sessionId;
          requestOpen();
        }
        stopLocally();
        return;
      }
      if (sessionId === view.sessionId) {
        handle?.update(view); // still loading: it starts with the latest view
        return;
      }
      stopLocally();
      sessionId = view.sessionId;
      const room = view.room;
      void import('../cobrowse/index.js').then(({ startCobrowse }) => {
        const current = session.state.cobrowse;
        if (sessionId !== view.sessionId || current?.sessionId !== view.sessionId || current.phase !== 'active') return;
        handle = startCobrowse({
          serverUrl,
          view: { ...current, room },
          onStop: () => {
            stopLocally();
            report(session.sharing.stop());
          },
          onControl: (allowed) => report(session.sharing.setControl(allowed)),
          onEnded: () => {
            handle = undefined;
            sessionId = undefined;
            session.forgetCobrowse();
          },
        });
      }).catch(() => {
        // The chunk did not load (offline, a deploy in between): say so; the next change tries again.
        sessionId = undefined;
        panel.actionError = 'failed';
      });
    },
  };
}
