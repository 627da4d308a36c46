/**
 * The server's Prometheus metrics (prom-client): process and Node.js figures, and counters and
 * histograms of what Switchboard does. One registry per server, never prom-client's global one,
 * so several servers in one test process keep their own figures. Every name is in the README.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What one attempt of an outbox (mail, webhooks) came to. */
export type DeliveryOutcome = 'sent' | 'failed';

/** Seconds, from 0.5 ms: a socket frame or an acknowledgement is usually a few milliseconds. */
const FAST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** Seconds, from 10 µs: the routing engine decides in memory. */
const ENGINE_BUCKETS = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05];
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Metrics {
  readonly registry = new Registry();

  /** Contacts that asked for a queue (the event log's contact-queued), by queue slug and channel. */
  readonly contactsOffered = this.counter('switchboard_contacts_offered_total', 'Contacts that entered a queue or asked to (see switchboard_contacts_refused_total).', ['queue', 'channel']);
  /** Contacts an agent accepted, counted once each (a contact returned to its queue and taken again is not counted again). */
  readonly contactsAnswered = this.counter('switchboard_contacts_answered_total', 'Contacts answered by an agent, once each.', ['queue', 'channel']);
  readonly contactsAbandoned = this.counter('switchboard_contacts_abandoned_total', 'Contacts whose customer left before an answer.', ['queue', 'channel']);
  /** Contacts routing refused: at the door (`closed`, `queue-full`) or after waiting too long (`max-wait`). */
  readonly contactsRefused = this.counter('switchboard_contacts_refused_total', 'Contacts routing refused, by reason.', ['queue', 'channel', 'reason']);
  readonly messages = this.counter('switchboard_messages_total', 'Messages stored, by author kind (visitor, agent, system) and channel.', ['author', 'channel']);
  readonly outboxSent = this.counter('switchboard_outbox_sent_total', 'Mails and webhook deliveries accepted by the receiver, by outbox (mail, webhooks).', ['outbox']);
  readonly outboxFailed = this.counter('switchboard_outbox_failed_total', 'Failed delivery attempts (each retry counts), by outbox (mail, webhooks).', ['outbox']);

  /** A frame or socket event that failed outside the protocol's own refusals: the socket was closed, the server kept serving. */
  readonly socketErrors = this.counter('switchboard_socket_errors_total', 'Client socket events that failed unexpectedly and closed that socket (1011), by endpoint.', ['endpoint']);
  /** Anything that escaped every handler and reached the process guard; the server logged it and kept serving. */
  readonly uncaughtErrors = this.counter('switchboard_uncaught_errors_total', 'Exceptions and rejections that reached the process guard, by kind.', ['kind']);

  readonly httpDuration = this.histogram('switchboard_http_request_duration_seconds', 'HTTP requests from arrival to response, by method, route pattern and status class.', ['method', 'route', 'status_class'], HTTP_BUCKETS);
  readonly frameDuration = this.histogram('switchboard_socket_frame_duration_seconds', 'Handling one client socket frame, by endpoint and frame type.', ['endpoint', 'type'], FAST_BUCKETS);
  readonly routingDecision = this.histogram('switchboard_routing_decision_seconds', "Time in the routing engine's handle(), by the event it decided on.", ['event'], ENGINE_BUCKETS);
  readonly ackLatency = this.histogram('switchboard_message_ack_seconds', 'A message.send frame, from its arrival (including waiting behind earlier frames) to its acknowledgement.', ['endpoint'], FAST_BUCKETS);

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts what an outbox attempt came to. */
  delivered(outbox: string, outcome: DeliveryOutcome): void {
    (outcome === 'sent' ? this.outboxSent : this.outboxFailed).inc({ outbox });
  }

  /** The exposition text of every metric in this registry. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  private counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  private histogram<L extends string>(name: string, help: string, labelNames: L[], buckets: number[]): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }
}

/** Seconds since `start`, a `performance.now()` reading. */
export const secondsSince = (start: number): number => (performance.now() - start) / 1000;
