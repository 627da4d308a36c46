import { expect } from '@open-wc/testing';
import { ConnectionStatus, ProtocolClient, type MinimalSocket } from '../../signaling/protocol/protocol-client.js';
import { watchWakeUps } from './wake-watch.js';

/** A hand-turned clock and timer, and an `online` event target. */
function harness() {
  let now = 0;
  let tick = () => {};
  const target = new EventTarget();
  let wakes = 0;
  const stop = watchWakeUps(() => void wakes++, { everyMs: 5000, sleptAfterMs: 10_000, now: () => now, target, every: (_ms, run) => ((tick = run), () => (tick = () => {})) });
  return { advance: (ms: number) => ((now += ms), tick()), target, wakes: () => wakes, stop };
}

class FakeSocket implements MinimalSocket {
  readyState = 1;
  sent: string[] = [];
  closedWith: number | undefined;
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  send(data: string): void {
    this.sent.push(data);
  }
  close(code?: number): void {
    this.closedWith = code;
  }
}

describe('waking up', () => {
  it('notices a sleep (a timer far late) and the network coming back, not a punctual timer', () => {
    const h = harness();
    h.advance(5000);
    h.advance(5200);
    expect(h.wakes()).to.equal(0);
    h.advance(60 * 60_000); // the lid was shut for an hour
    expect(h.wakes()).to.equal(1);
    h.target.dispatchEvent(new Event('online'));
    expect(h.wakes()).to.equal(2);
    h.stop();
    h.target.dispatchEvent(new Event('online'));
    expect(h.wakes()).to.equal(2);
  });

  it('renews a socket that still looks open, and says hello on the new one', async () => {
    const sockets: FakeSocket[] = [];
    const client = new ProtocolClient<{ type: 'hello'; protocol: number }>({ url: () => 'ws://x', hello: () => ({ type: 'hello', protocol: 1 }), createSocket: () => (sockets.push(new FakeSocket()), sockets.at(-1)!) });
    client.connect();
    await Promise.resolve();
    sockets[0]!.onopen?.({});
    sockets[0]!.onmessage?.({ data: JSON.stringify({ type: 'welcome', protocol: 1, role: 'agent' }) });
    expect(client.status).to.equal(ConnectionStatus.open);
    client.renew();
    expect(client.status).to.equal(ConnectionStatus.reconnecting);
    await Promise.resolve();
    expect(sockets[0]!.closedWith).to.equal(4000);
    expect(sockets).to.have.length(2);
    // The old socket's late close event changes nothing: the new one is the connection.
    sockets[0]!.onclose?.({ code: 4000 });
    sockets[1]!.onopen?.({});
    expect(sockets[1]!.sent).to.deep.equal([JSON.stringify({ type: 'hello', protocol: 1 })]);
    client.close();
  });
});
