/**
 * The floor for the chat-load benchmark: the least a server can do for a durable chat message. A
 * bare `ws` server that inserts each message into SQLite with Switchboard's settings (WAL,
 * synchronous=FULL, one commit per message) and only then acknowledges it to the sender and
 * forwards it to the conversation's agent socket. No auth, no routing, no fan-out to others.
 *
 *   node --import tsx test/bench/floors/durable-ws-floor.ts <database file>   (prints READY <port>)
 *
 * Sockets: /agent?id=A, /visitor?conversation=C&agent=A. A visitor sends
 * {"type":"message.send","id","conversationId","text"}; gets {"type":"ack","id","seq"}; the agent
 * gets {"type":"events","conversationId","events":[{type:"message",clientId,text,seq,at}]}.
 */
import Database from 'better-sqlite3';
import { WebSocketServer, type WebSocket } from 'ws';

const file = process.argv[2];
if (!file) throw new Error('usage: durable-ws-floor.ts <database file>');
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('create table if not exists messages (conversation_id text not null, seq integer not null, client_id text not null, body text not null, created_at integer not null, primary key (conversation_id, seq))');
const insert = db.prepare('insert into messages (conversation_id, seq, client_id, body, created_at) values (?, ?, ?, ?, ?)');

const agents = new Map<string, WebSocket>();
const seqs = new Map<string, number>();
const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });

server.on('connection', (ws, request) => {
  const url = new URL(request.url ?? '/', 'http://floor');
  if (url.pathname === '/agent') {
    agents.set(url.searchParams.get('id')!, ws);
    return;
  }
  const agentId = url.searchParams.get('agent')!;
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { id: string; conversationId: string; text: string };
    const seq = (seqs.get(frame.conversationId) ?? 0) + 1;
    seqs.set(frame.conversationId, seq);
    const at = Date.now();
    const event = { type: 'message', clientId: frame.id, text: frame.text, conversationId: frame.conversationId, seq, at };
    // One statement, one implicit transaction, one fsync: stored before anyone hears of it.
    insert.run(frame.conversationId, seq, frame.id, JSON.stringify(event), at);
    ws.send(JSON.stringify({ type: 'ack', id: frame.id, conversationId: frame.conversationId, seq }));
    agents.get(agentId)?.send(JSON.stringify({ type: 'events', conversationId: frame.conversationId, events: [event] }));
  });
});

server.on('listening', () => console.log(`READY ${(server.address() as { port: number }).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
