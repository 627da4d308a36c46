import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iceConfigFor, turnCredentials } from './ice-config.js';
import { PeerCredentialIssuer } from './peer-credentials.js';

describe('TURN REST API credentials', () => {
  it('match what coturn computes from the shared secret (checked with openssl)', () => {
    // printf '%s' '1700003600:call-1-v' | openssl dgst -sha1 -hmac 'north-sea-turn-secret' -binary | base64
    assert.deepEqual(turnCredentials('north-sea-turn-secret', 'call-1-v', 3600, 1_700_000_000_000), { username: '1700003600:call-1-v', credential: 'pgpNl+6IIUmrqxh5F7cTf1jXCxU=' });
  });

  it('are issued per call, and relay-only mode sends only visitors through TURN', () => {
    const settings = { stunUrls: ['stun:stun.example.net:3478'], turnUrls: ['turn:turn.example.net:3478'], turnSecret: 'north-sea-turn-secret', turnTtlSeconds: 600, relayOnly: true };
    const visitor = iceConfigFor(settings, 'visitor', 'c1-v', 0);
    assert.equal(visitor.iceTransportPolicy, 'relay');
    assert.equal(visitor.iceServers[1]?.username, '600:c1-v');
    assert.equal(iceConfigFor(settings, 'agent', 'c1-a', 0).iceTransportPolicy, 'all');
    assert.deepEqual(iceConfigFor({ ...settings, turnSecret: undefined, relayOnly: false }, 'visitor', 'x', 0).iceServers, [{ urls: ['stun:stun.example.net:3478'] }], 'no TURN without a secret');
  });
});

describe('PeerCredentialIssuer', () => {
  const party = { conversationId: 'conv-1', kind: 'visitor' as const, id: 'visitor-1' };

  it('binds a peer id to one party of one call, and accepts only its own token', () => {
    let now = 1000;
    const issuer = new PeerCredentialIssuer('s'.repeat(32), () => now);
    const creds = issuer.issue(party);
    assert.match(creds.id, /^[A-Za-z0-9]+$/, 'a valid PeerJS id');
    assert.deepEqual(issuer.verify(creds.id, creds.token), party);
    const other = issuer.issue({ ...party, id: 'visitor-2' });
    assert.notEqual(other.id, creds.id);
    assert.equal(issuer.verify(creds.id, other.token), undefined, 'another party’s token does not open this id');
    assert.equal(issuer.verify(creds.id, creds.token.replace('visitor-1', 'visitor-2')), undefined, 'an edited token is refused');
    assert.equal(new PeerCredentialIssuer('t'.repeat(32), () => now).verify(creds.id, creds.token), undefined, 'another secret refuses it');
    now = creds.expiresAt + 1;
    assert.equal(issuer.verify(creds.id, creds.token), undefined, 'expired');
  });
});
