/**
 * Joins the chat session, the panel and (loaded on demand) the call client: the microphone is
 * asked for only when the visitor presses Call, and a call in progress resumes after a reload.
 */
import type { CallClient } from '../../ui/call/call-client.js';
import type { ChatSession } from './chat-session.js';
import type { SbChatPanel } from './sb-chat-panel.js';

export function wireCalls(session: ChatSession, panel: SbChatPanel, serverUrl: string): { sync(): void } {
  let client: CallClient | undefined;
  let opening: Promise<CallClient | undefined> | undefined;

  async function open(): Promise<CallClient | undefined> {
    let microphone: MediaStream;
    try {
      microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      panel.actionError = 'microphone';
      return undefined;
    }
    const { CallClient } = await import('../call/index.js');
    const created = new CallClient({ serverUrl, role: 'visitor', microphone });
    panel.callClient = created;
    client = created;
    // Exposed for diagnostics and the end-to-end tests (getStats on the live connection).
    (window as { __switchboardCall?: CallClient }).__switchboardCall = created;
    return created;
  }

  const ensureClient = () => (client ? Promise.resolve(client) : (opening ??= open().finally(() => (opening = undefined))));

  panel.addEventListener('sb-call', () => {
    panel.actionError = undefined;
    void ensureClient().then(async (created) => {
      if (!created) return;
      try {
        await session.calls.start();
      } catch {
        created.close();
        client = undefined;
        panel.actionError = 'failed';
      }
    });
  });
  panel.addEventListener('sb-call-mute', (e) => client?.setMuted((e as CustomEvent<{ muted: boolean }>).detail.muted));
  panel.addEventListener('sb-call-hold', (e) => void session.calls.hold((e as CustomEvent<{ held: boolean }>).detail.held).catch(() => (panel.actionError = 'failed')));
  // A call an agent placed to this browser rides on the chat: hanging up leaves the chat open.
  panel.addEventListener('sb-call-hangup', () => void (session.state.conversation?.channel === 'voice' ? session.end() : session.calls.hangUp().catch(() => (panel.actionError = 'failed'))));
  panel.addEventListener('sb-web-call-answer', (e) => {
    const { conversationId, accept } = (e as CustomEvent<{ conversationId: string; accept: boolean }>).detail;
    panel.actionError = undefined;
    if (!accept) return void session.calls.answer(conversationId, false).catch(() => undefined);
    // The microphone first, while the click still counts as the visitor's gesture; refused, the call is declined.
    void ensureClient().then(async (created) => {
      try {
        await session.calls.answer(conversationId, !!created);
      } catch {
        created?.close();
        client = undefined;
        panel.callClient = undefined;
        panel.actionError = 'failed';
      }
    });
  });
  panel.addEventListener('sb-web-call-settings', (e) => void session.calls.setCallsOff((e as CustomEvent<{ off: boolean }>).detail.off).catch(() => (panel.actionError = 'failed')));
  panel.addEventListener('sb-call-consent', (e) => void session.calls.consentToRecording((e as CustomEvent<{ recording: boolean }>).detail.recording).catch(() => (panel.actionError = 'failed')));

  return {
    /** Applies the session's latest call state to the media. */
    sync() {
      const call = session.state.call;
      if (!call) return;
      if (call.phase === 'ended') {
        client?.close();
        client = undefined;
        panel.callClient = undefined;
        return;
      }
      void ensureClient().then((c) => c?.update(session.state.call ?? call));
    },
  };
}
