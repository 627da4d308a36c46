/**
 * Makes sure no offer goes unnoticed: each new offer (and each conversation transferred straight
 * to this agent) plays its kind's sound, shows a system notification through the service worker
 * while the app is hidden, is announced to screen readers, and counts in the window's title and
 * the installed app's badge. Notifications of offers that went away are closed.
 *
 * The host element carries `data-offer-sounds` (how many sounds played) and `data-last-offer-sound`
 * (the kind), so a person debugging "it never rang" and the end-to-end tests can see what played.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConversationSummary } from '../../../signaling/protocol/conversation.js';
import type { Offer } from '../../../signaling/protocol/server-frames.js';
import { t, visitorName } from '../i18n/en.js';
import { appWorker } from '../pwa/app-worker.js';
import { offerFromNotification } from '../pwa/worker-messages.js';
import { OFFER_TITLE, offerKind, type OfferKind } from './offer-kind.js';
import { OfferSound } from './offer-sound.js';
import { loadSoundSettings, saveSoundSettings, type SoundSettings } from './sound-settings.js';

/** What the controller reads of the agent's session. */
export interface OfferAlertsInput {
  agentId: string | undefined;
  offers: Offer[];
  conversations: ConversationSummary[];
}

/** One thing to tell the agent about. */
interface Alert {
  kind: OfferKind;
  conversationId: string;
  title: string;
  body: string;
  /**
   * What screen readers hear: the kind, who and the queue, worded apart from the inbox's own
   * headline ("New chat: Maya (Support)" beside "Chat from Maya") so the page never holds the
   * same sentence twice.
   */
  announcement: string;
}

function alertOf(offer: Offer): Alert {
  const kind = offerKind(offer);
  const body = [offer.subject ?? offer.preview, t('offerQueue', { queue: offer.queueName })].filter(Boolean).join('\n');
  const name = visitorName(offer.visitor);
  return { kind, conversationId: offer.conversationId, title: t(OFFER_TITLE[kind], { name }), body, announcement: t('offerAnnouncement', { kind, name, queue: offer.queueName }) };
}

export class OfferAlertsController implements ReactiveController {
  /** The latest alert, for the host's aria-live region. */
  announcement = '';
  sound: SoundSettings = loadSoundSettings();
  played = 0;
  private readonly audio = new OfferSound();
  /** Offers already alerted (an offer frame is sent again when its preview changes). */
  private alerted = new Set<string>();
  /** Conversations this window knew or was offered: one appearing outside both was transferred here. */
  private known: Set<string> | undefined;
  private readonly baseTitle = document.title;
  /** What each offer's notification says, to update it when the visitor writes more. */
  private readonly bodies = new Map<string, string>();
  /** The notifications being shown and closed, in order. */
  private notifications: Promise<void> = Promise.resolve();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pointerdown', this.unlock, { once: true, capture: true });
    window.addEventListener('keydown', this.unlock, { once: true, capture: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('pointerdown', this.unlock, { capture: true });
    window.removeEventListener('keydown', this.unlock, { capture: true });
    this.audio.close();
    document.title = this.baseTitle;
    void navigator.clearAppBadge?.().catch(() => {});
  }

  setSound(settings: SoundSettings): void {
    this.sound = settings;
    saveSoundSettings(settings);
    if (settings.muted) this.audio.stopRinging();
    this.host.requestUpdate();
  }

  /** Follows the session: call after each of its changes. */
  update({ agentId, offers, conversations }: OfferAlertsInput): void {
    if (!agentId) return; // not welcomed yet
    const alerts: Alert[] = [];
    for (const offer of offers) {
      const alert = alertOf(offer);
      const previous = this.bodies.get(offer.conversationId);
      this.bodies.set(offer.conversationId, alert.body);
      if (!this.alerted.has(offer.conversationId)) alerts.push(alert);
      // The visitor wrote more while it is offered: the notification shows it, without ringing again.
      else if (previous !== alert.body) this.notify(alert, true);
    }
    for (const id of this.bodies.keys()) if (!offers.some((o) => o.conversationId === id)) this.bodies.delete(id);
    const offered = new Set(offers.map((o) => o.conversationId));
    const mine = conversations.filter((c) => c.status === 'active' && c.agent?.id === agentId);
    if (this.known) {
      for (const c of mine) {
        if (this.known.has(c.id) || this.alerted.has(c.id) || offered.has(c.id)) continue;
        const title = t(OFFER_TITLE.transfer, { name: visitorName(c.visitor) });
        alerts.push({ kind: 'transfer', conversationId: c.id, title, body: '', announcement: title });
      }
    }
    this.known = new Set([...(this.known ?? []), ...conversations.map((c) => c.id), ...offered]);
    // An offer taken, declined or withdrawn may be offered again later: it will alert again then.
    this.alerted = offered;
    for (const alert of alerts) this.alert(alert);
    this.follow(offers);
  }

  private alert(alert: Alert): void {
    this.announcement = alert.announcement;
    if (!this.sound.muted && alert.kind !== 'call') void this.audio.chime(alert.kind, this.sound.volume).then((ok) => ok && this.playedSound(alert.kind));
    this.notify(alert);
    this.host.requestUpdate();
  }

  /** What lasts while offers are there: the ring of a call, the count in the title and the badge, the notifications. */
  private follow(offers: Offer[]): void {
    const calls = offers.some((o) => offerKind(o) === 'call');
    if (calls && !this.sound.muted && !this.audio.ringing) void this.audio.ring(this.sound.volume).then((ok) => ok && this.playedSound('call'));
    if (!calls) this.audio.stopRinging();
    document.title = offers.length ? `(${offers.length}) ${this.baseTitle}` : this.baseTitle;
    if (offers.length) void navigator.setAppBadge?.(offers.length).catch(() => {});
    else void navigator.clearAppBadge?.().catch(() => {});
    const open = new Set(offers.map((o) => o.conversationId));
    this.notifications = this.notifications.then(() => this.closeNotifications(open)).catch(() => {});
  }

  private playedSound(kind: OfferKind): void {
    this.played++;
    this.host.dataset.offerSounds = String(this.played);
    this.host.dataset.lastOfferSound = kind;
  }

  /**
   * A system notification while the app is hidden; through the service worker, so clicking it
   * works even if this tab went away. One at a time, in order: an offer's updated text must not
   * be overtaken by its first notification.
   */
  private notify(alert: Alert, quietly = false): void {
    if (document.visibilityState === 'visible' || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    this.notifications = this.notifications.then(() => this.show(alert, quietly)).catch(() => {});
  }

  private async show(alert: Alert, quietly: boolean): Promise<void> {
    const options = {
      body: alert.body,
      tag: `offer-${alert.conversationId}`,
      icon: '/agent/icons/icon-192.png',
      requireInteraction: alert.kind !== 'transfer',
      silent: quietly,
      data: { kind: 'sb-offer', conversationId: alert.conversationId },
      ...(alert.kind === 'transfer' ? {} : { actions: [{ action: 'accept', title: t('accept') }] }),
    } as NotificationOptions;
    const registration = await appWorker.registration();
    if (registration) return registration.showNotification(alert.title, options);
    const note = new Notification(alert.title, options);
    note.onclick = () => window.focus();
  }

  private async closeNotifications(open: Set<string>): Promise<void> {
    const registration = await appWorker.registration();
    for (const note of (await registration?.getNotifications().catch(() => [])) ?? []) {
      const offer = offerFromNotification(note.data);
      if (offer && !open.has(offer.conversationId) && note.requireInteraction) note.close();
    }
  }

  private readonly unlock = (): void => this.audio.unlock();
}
