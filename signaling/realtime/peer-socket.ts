/**
 * A PeerJS client's WebSocket: checks the key and the server-issued (id, token) pair, says
 * OPEN, then hands messages to the relay. Refusals use PeerJS's own ERROR / ID-TAKEN messages,
 * so the unmodified client reports them as `server-error` / `unavailable-id`.
 */
import type { WSContext, WSEvents } from 'hono/ws';
import type { WebSocket } from 'ws';
import { secondsSince } from '../kernel/metrics.js';
import { PeerMessageType, VOICE_KEY, type PeerMessage } from '../protocol/peer-messages.js';
import type { PeerCredentialIssuer } from '../voice/peer-credentials.js';
import type { PeerDirectory, PeerLink, PeerRelay } from '../voice/peer-relay.js';
import { guarded } from './socket-guard.js';
import { SocketSession, type SocketTelemetry } from './socket-session.js';

export function peerSocket(relay: PeerRelay, issuer: PeerCredentialIssuer, directory: PeerDirectory, query: Record<string, string>, telemetry: SocketTelemetry): WSEvents<WebSocket> {
  let peerId: string | undefined;
  let link: PeerLink | undefined;
  let session: SocketSession | undefined;

  const refuse = (ws: WSContext<WebSocket>, type: PeerMessage['type'], msg: string) => {
    ws.send(JSON.stringify({ type, payload: { msg } }));
    ws.close(1008, msg.slice(0, 100));
  };

  return {
    onOpen(_event, ws) {
      const opened = (session = new SocketSession('peer', telemetry.requestId));
      const { key, id, token } = query;
      if (!key || !id || !token) return refuse(ws, PeerMessageType.error, 'No id, token, or key supplied to websocket server');
      if (key !== VOICE_KEY) return refuse(ws, PeerMessageType.error, 'Invalid key provided');
      const party = issuer.verify(id, token);
      // A forged or foreign id looks "taken" to its claimant, as in the stock server.
      if (!party) return refuse(ws, PeerMessageType.idTaken, 'ID is taken');
      if (!directory.mayConnect(party)) return refuse(ws, PeerMessageType.error, 'this call is over or no longer yours');
      peerId = id;
      const raw = ws.raw!;
      link = {
        send: (message) => {
          if (raw.readyState !== raw.OPEN) return;
          opened.framesOut++;
          raw.send(JSON.stringify(message));
        },
        close: () => raw.close(1000, 'closed'),
      };
      // Straight from the ws socket: Hono's per-message MessageEvent costs more than relaying does.
      raw.on(
        'message',
        guarded('peer', telemetry.metrics, () => raw, 'frame', (data: Buffer) => {
          const started = performance.now();
          opened.framesIn++;
          relay.receive(id, String(data));
          telemetry.metrics.frameDuration.observe({ endpoint: 'peer', type: 'relay' }, secondsSince(started));
        }),
      );
      relay.attach(id, party, link);
    },
    onClose(event) {
      if (peerId && link) relay.detach(peerId, link);
      session?.closed(event.code, event.reason);
    },
  };
}
