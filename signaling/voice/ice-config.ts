/**
 * ICE servers for one party of one call. TURN credentials follow the TURN REST API scheme
 * that coturn implements with `use-auth-secret`: the username is `<expiry>:<user>` and the
 * password is base64(HMAC-SHA1(shared secret, username)), so they expire without any state.
 */
import { createHmac } from 'node:crypto';
import type { IceConfig } from '../protocol/call.js';

export interface VoiceSettings {
  /** STUN (or TURN without auth) URLs, such as stun:stun.example.com:3478. */
  stunUrls: string[];
  /** TURN URLs, such as turn:turn.example.com:3478?transport=udp; used with `turnSecret`. */
  turnUrls: string[];
  turnSecret?: string;
  turnTtlSeconds: number;
  /** Visitors send media through TURN only, so agents never learn their address. */
  relayOnly: boolean;
}

export const DEFAULT_VOICE_SETTINGS: VoiceSettings = { stunUrls: [], turnUrls: [], turnTtlSeconds: 3600, relayOnly: false };

export function turnCredentials(secret: string, user: string, ttlSeconds: number, nowMs: number): { username: string; credential: string } {
  const username = `${Math.floor(nowMs / 1000) + ttlSeconds}:${user}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

/** The ICE configuration for a party; `user` names them in the TURN server's logs (not personal data). */
export function iceConfigFor(settings: VoiceSettings, party: 'visitor' | 'agent', user: string, nowMs: number): IceConfig {
  const iceServers: IceConfig['iceServers'] = [];
  if (settings.stunUrls.length > 0) iceServers.push({ urls: settings.stunUrls });
  if (settings.turnUrls.length > 0 && settings.turnSecret) {
    iceServers.push({ urls: settings.turnUrls, ...turnCredentials(settings.turnSecret, user, settings.turnTtlSeconds, nowMs) });
  }
  return { iceServers, iceTransportPolicy: settings.relayOnly && party === 'visitor' ? 'relay' : 'all' };
}
