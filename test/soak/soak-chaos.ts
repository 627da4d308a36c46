/** The disturbances of the soak run, once a second while it lasts: dropped connections, page reloads and transfers. */
import type { SoakAgent } from './soak-agent.js';
import type { SoakLedger } from './soak-ledger.js';
import type { SoakVisitor } from './soak-visitor.js';

export interface ChaosRates {
  /** Visitors whose connection drops, per second. */
  visitorDrops: number;
  /** Visitors who reload the page, per second. */
  visitorReloads: number;
  /** Chance per second that an agent's connection drops. */
  agentDrop: number;
  /** Transfers asked for per second. */
  transfers: number;
}

const pick = <T>(list: T[]): T | undefined => list[Math.floor(Math.random() * list.length)];

/** Starts the disturbances; `pause`/`resume` hold them for a measurement; `stop` ends them. */
export function startChaos(visitors: SoakVisitor[], agents: SoakAgent[], ledger: SoakLedger, rates: ChaosRates, queueId: string, capacity: number) {
  let paused = false;
  const tick = () => {
    if (paused) return;
    for (let i = 0; i < rates.visitorDrops; i++) pick(visitors.filter((v) => v.connected))?.drop();
    for (let i = 0; i < rates.visitorReloads; i++) pick(visitors.filter((v) => v.connected))?.reload();
    if (Math.random() < rates.agentDrop) pick(agents.filter((a) => a.connected))?.drop();
    for (let i = 0; i < rates.transfers; i++) void transferOne();
  };
  const transferOne = async () => {
    const from = pick(agents.filter((a) => a.connected && a.chats.size > 0));
    if (!from) return;
    // To a colleague with room, as the app's transfer list offers; back to the queue when nobody has any.
    const to = pick(agents.filter((a) => a !== from && a.connected && a.chats.size < capacity));
    const done = await from.transfer(to ? { agentId: to.id } : { queueId }).catch(() => undefined);
    if (done === true) ledger.counts.transfers++;
    else if (done === false) ledger.counts.transfersRefused++;
  };
  const timer = setInterval(tick, 1000);
  return {
    pause: () => (paused = true),
    resume: () => (paused = false),
    stop: () => clearInterval(timer),
  };
}
