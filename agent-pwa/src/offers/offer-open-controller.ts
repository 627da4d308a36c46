/**
 * Brings an offer in front when the agent clicked its notification: the open app is told by the
 * service worker (with `accept` for the notification's Accept action); an app the click opened
 * finds the offer in its address (`/agent/?offer=<id>`) and shows it once the offer arrives.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Offer } from '../../../signaling/protocol/server-frames.js';
import { appWorker } from '../pwa/app-worker.js';
import type { WorkerMessage } from '../pwa/worker-messages.js';

export interface OfferOpenActions {
  /** Puts the offer in front of the agent (its Accept button focused). */
  show(conversationId: string): void;
  accept(conversationId: string): void;
}

export class OfferOpenController implements ReactiveController {
  private waitingFor: string | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly actions: OfferOpenActions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.waitingFor = new URLSearchParams(location.search).get('offer') ?? undefined;
    appWorker.addEventListener('offer-open', this.onOpen);
  }

  hostDisconnected(): void {
    appWorker.removeEventListener('offer-open', this.onOpen);
  }

  /** Follows the offers: the one the app was opened for is shown when it is there. */
  offers(offers: Offer[]): void {
    const id = this.waitingFor;
    if (!id || !offers.some((o) => o.conversationId === id)) return;
    this.waitingFor = undefined;
    this.actions.show(id);
  }

  private readonly onOpen = (event: Event): void => {
    const { conversationId, accept } = (event as CustomEvent<WorkerMessage>).detail;
    if (accept) this.actions.accept(conversationId);
    else this.actions.show(conversationId);
  };
}
