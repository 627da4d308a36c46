/** The pure rules: which page path a pattern matches, and which invitation a page gets. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InvitationRecord } from '../store/invitations-repo.js';
import { pathMatches, pickInvitation, type InvitationFacts } from './invitation-rules.js';

const base: InvitationRecord = { id: 'a', text: 'Hi', queueId: 'q1', pathPattern: '/pricing', delaySeconds: 0, returningOnly: false, enabled: true, createdAt: 0, updatedAt: 0 };
const facts = (over: Partial<InvitationFacts> = {}): InvitationFacts => ({ path: '/pricing', returning: false, queueOpen: () => true, agentCanAnswer: () => true, ...over });

describe('pathMatches', () => {
  it('matches literally, with * for any run of characters, and ignores a trailing slash', () => {
    assert.equal(pathMatches('/pricing', '/pricing'), true);
    assert.equal(pathMatches('/pricing', '/pricing/'), true);
    assert.equal(pathMatches('/pricing', '/pricing/team'), false);
    assert.equal(pathMatches('/demo/*.html', '/demo/shipping.html'), true);
    assert.equal(pathMatches('/demo/*.html', '/demo/a/b.html'), true);
    assert.equal(pathMatches('/demo/*.html', '/demo/shipping.htm'), false);
    assert.equal(pathMatches('/*', '/'), true);
    assert.equal(pathMatches('/', '/demo/shipping.html'), false);
  });

  it('treats regular-expression characters in a pattern as plain characters', () => {
    assert.equal(pathMatches('/a.b', '/axb'), false);
    assert.equal(pathMatches('/(x)+', '/(x)+'), true);
  });
});

describe('pickInvitation', () => {
  it('gives the first enabled invitation whose rules all hold', () => {
    const off = { ...base, id: 'off', enabled: false };
    const other = { ...base, id: 'other', pathPattern: '/elsewhere' };
    assert.equal(pickInvitation([off, other, base, { ...base, id: 'later' }], facts())?.id, 'a');
  });

  it('keeps returning-only invitations for visitors who came before', () => {
    const returning = { ...base, returningOnly: true };
    assert.equal(pickInvitation([returning], facts({ returning: false })), undefined);
    assert.equal(pickInvitation([returning], facts({ returning: true }))?.id, 'a');
  });

  it('waits for the queue’s hours and for an agent who can answer', () => {
    assert.equal(pickInvitation([base], facts({ queueOpen: () => false })), undefined);
    assert.equal(pickInvitation([base], facts({ agentCanAnswer: () => false })), undefined);
    const billing = { ...base, id: 'billing', queueId: 'q2' };
    assert.equal(pickInvitation([base, billing], facts({ agentCanAnswer: (q) => q === 'q2' }))?.id, 'billing');
  });
});
