import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Wallboard } from '../protocol/wallboard.js';
import { renderMetrics } from './prometheus-metrics.js';

const board: Wallboard = {
  at: 0,
  since: 0,
  serviceLevelSeconds: 20,
  queues: [{ queueId: 'q', name: 'Sales "EU"\\west', waiting: 2, longestWaitMs: 90_000, agentsAvailable: 1, offered: 10, answered: 7, abandoned: 1, serviceLevel: null, asaMs: null, ahtMs: null, csat: null }],
  channels: [],
  agents: [
    { agentId: 'a', name: 'A', state: 'available', stateSince: 0, contacts: 0, conversationIds: [], handledToday: 0, occupancy: null },
    { agentId: 'b', name: 'B', state: 'available', stateSince: 0, contacts: 0, conversationIds: [], handledToday: 0, occupancy: null },
    { agentId: 'c', name: 'C', state: 'on-contact', stateSince: 0, contacts: 1, conversationIds: ['x'], handledToday: 1, occupancy: 0.5 },
  ],
};

describe('renderMetrics', () => {
  it('writes gauges with escaped labels, counts agents by state, and leaves out unknown values', () => {
    // Labelled by slug, not by the display name; a slug is escaped like any label value.
    const text = renderMetrics(board, 5, (id) => (id === 'q' ? 'sales-"eu"\\west' : undefined));
    assert.match(text, /^switchboard_queue_waiting\{queue="sales-\\"eu\\"\\\\west"\} 2$/m);
    assert.match(text, /^switchboard_queue_longest_wait_seconds\{queue="sales-\\"eu\\"\\\\west"\} 90$/m);
    assert.doesNotMatch(text, /Sales/);
    assert.match(text, /^switchboard_agents\{state="available"\} 2$/m);
    assert.match(text, /^switchboard_agents\{state="on-contact"\} 1$/m);
    assert.match(text, /^switchboard_websocket_connections 5$/m);
    assert.doesNotMatch(text, /^switchboard_queue_service_level_today\{/m, 'no sample without a value');
    assert.ok(text.endsWith('\n'));
  });
});
