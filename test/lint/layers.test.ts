/** The layering rule fails an import that runs against the layers, and lets the allowed ones through. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, '.config/eslint.config.js') });

/** The layer messages ESLint reports for `code` as if it were the file at `path`. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('layering lint', () => {
  it('keeps the pure engine free of storage', async () => {
    const errors = await layerErrors('signaling/acd/example.ts', "import { openStore } from '../store/open-store.js';\nexport const x = openStore;\n");
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /signaling\/acd may not import signaling\/store/);
  });

  it('gives routes domain services, never the store or the bus', async () => {
    const value = await layerErrors('signaling/http/example-routes.ts', "import { InProcessBus } from '../bus/in-process-bus.js';\nexport const x = InProcessBus;\n");
    assert.match(value[0]!, /signaling\/http may not import signaling\/bus/);
    const store = await layerErrors('signaling/realtime/example-socket.ts', "import { openStore } from '../store/open-store.js';\nexport const x = openStore;\n");
    assert.match(store[0]!, /may import only types from signaling\/store/);
    assert.deepEqual(await layerErrors('signaling/http/example-routes.ts', "import type { AgentRecord } from '../store/agents-repo.js';\nexport type X = AgentRecord;\n"), []);
  });

  it('lets a domain use only the domains below it, so folders cannot form a cycle', async () => {
    const sideways = await layerErrors('signaling/channels/example.ts', "import { CallbackService } from '../callbacks/callback-service.js';\nexport const x = CallbackService;\n");
    assert.match(sideways[0]!, /signaling\/channels may not import signaling\/callbacks/);
    const upward = await layerErrors('signaling/routing/example.ts', "import type { ConversationService } from '../conversations/conversation-service.js';\nexport type X = ConversationService;\n");
    assert.match(upward[0]!, /signaling\/routing may not import signaling\/conversations/);
    const down = await layerErrors('signaling/voice/example.ts', "import type { ConversationService } from '../conversations/conversation-service.js';\nexport type X = ConversationService;\n");
    assert.deepEqual(down, []);
  });

  it('keeps domains from importing the edge or the wiring', async () => {
    const errors = await layerErrors('signaling/mail/example.ts', "import type { Services } from '../wiring.js';\nexport type X = Services;\n");
    assert.match(errors[0]!, /signaling\/mail may not import signaling\/wiring/);
  });

  it('keeps the two front ends apart; they share ui/', async () => {
    const errors = await layerErrors('agent-pwa/src/example.ts', "import { formatDuration } from '../../widget/chat/format-duration.js';\nexport const x = formatDuration;\n");
    assert.match(errors[0]!, /agent-pwa may not import widget/);
    const back = await layerErrors('ui/example.ts', "import { x } from '../widget/loader/index.js';\nexport const y = x;\n");
    assert.match(back[0]!, /ui may not import widget/);
    assert.deepEqual(await layerErrors('widget/chat/example.ts', "import { x } from '../../ui/example.js';\nexport const y = x;\n"), []);
  });
});
