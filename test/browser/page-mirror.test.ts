/**
 * The page mirror's two ends together, in Chromium: the widget's serializer and mutation
 * batches on a "visitor" document, through the binary codec, into the agent's MirrorDocument
 * on another. What the agent ends up with must match the page, minus what is private.
 * It crosses the widget and the agent app, so it lives in test/browser/ (run with the
 * component tests), not in either of them.
 */
import { expect } from '@open-wc/testing';
import { decodeFrame, encodeFrame, type MirrorOp } from '../../signaling/protocol/cobrowse-codec.js';
import { MirrorDocument } from '../../agent-pwa/src/cobrowse/mirror-document.js';
import { DomSerializer } from '../../widget/cobrowse/dom-serializer.js';
import { opsForMutations } from '../../widget/cobrowse/mutation-ops.js';

async function frameDocument(html: string, sandbox?: string): Promise<Document> {
  const frame = document.createElement('iframe');
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.srcdoc = html;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

/** A visitor page and an agent mirror of it, wired through encode/decode like the real thing. */
async function pair(html: string) {
  const source = await frameDocument(html);
  const target = await frameDocument('<!DOCTYPE html><html><head></head><body></body></html>', 'allow-same-origin');
  const serializer = new DomSerializer(source);
  const mirror = new MirrorDocument(target, () => 'http://shop.test/page', 'hidden');
  let bytes = 0;
  const send = (ops: MirrorOp[]) => {
    const frame = encodeFrame(ops);
    bytes += frame.length;
    mirror.apply(decodeFrame(frame));
    return frame;
  };
  send([{ op: 'root', doctype: 'html', node: serializer.serialize(source.documentElement)! }]);
  const observer = new MutationObserver(() => {});
  observer.observe(source, { childList: true, subtree: true, attributes: true, characterData: true });
  return {
    source,
    target,
    serializer,
    /** Sends what changed since the last call, as one frame; returns its bytes. */
    flush: () => send(opsForMutations(observer.takeRecords(), serializer)),
    get bytes() {
      return bytes;
    },
  };
}

const norm = (html: string) => html.replace(/\s+/g, ' ').trim();

describe('page mirror', () => {
  it('keeps the agent’s copy equal to the page through inserts, moves, removals, attribute and text changes', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<tr class="row"><td>${i}</td><td>Item ${i}</td></tr>`).join('');
    const m = await pair(`<!DOCTYPE html><html><head><title>t</title></head><body><h1 id="t">Orders</h1><ul id="list"><li>a</li><li>b</li></ul><table><tbody>${rows}</tbody></table><p id="p">text</p></body></html>`);
    expect(norm(m.target.body.innerHTML)).to.equal(norm(m.source.body.innerHTML));

    const list = m.source.getElementById('list')!;
    for (let i = 0; i < 20; i++) list.append(Object.assign(m.source.createElement('li'), { textContent: `new ${i}` }));
    m.flush();
    for (const row of m.source.querySelectorAll('tr')) row.classList.toggle('selected');
    m.flush();
    // A move, a removal, a text edit and an attribute removal in one batch.
    list.prepend(list.lastElementChild!);
    list.children[3]!.remove();
    m.source.getElementById('p')!.firstChild!.nodeValue = 'edited';
    m.source.getElementById('t')!.removeAttribute('id');
    const moved = m.source.querySelector('tbody tr')!;
    m.source.body.append(moved.querySelector('td')!); // a cell moved out of its row into the body
    m.flush();
    expect(norm(m.target.body.innerHTML)).to.equal(norm(m.source.body.innerHTML));
  });

  it('never reads private fields: passwords, card fields and data-sb-mask become same-size placeholders', async () => {
    const m = await pair(`<!DOCTYPE html><html><body>
      <input name="user" value="jordan">
      <input name="pw" type="password" value="attr-secret" style="width:150px;height:30px">
      <input name="cc" autocomplete="billing cc-number" value="4111111111111111">
      <input type="hidden" name="csrf" value="csrf-token-value">
      <p data-sb-mask>Account <span>NW-1234</span> <span data-sb-unmask>since 2019</span></p>
      <div data-sb-mask style="width:80px;height:20px">whole-secret</div>
    </body></html>`);
    const pw = m.source.querySelector<HTMLInputElement>('[name=pw]')!;
    pw.value = 'typed-secret';
    pw.dispatchEvent(new Event('input', { bubbles: true }));
    expect(m.serializer.fieldState(pw)).to.deep.equal({});
    const snapshot = encodeFrame([{ op: 'root', node: m.serializer.serialize(m.source.documentElement)! }]);
    const text = new TextDecoder().decode(snapshot);
    for (const secret of ['attr-secret', 'typed-secret', '4111111111111111', 'csrf-token-value', 'NW-1234', 'whole-secret']) expect(text).not.to.include(secret);
    expect(text).to.include('since 2019');
    expect(m.target.querySelector<HTMLInputElement>('[name=user]')!.value).to.equal('jordan');
    const placeholder = m.target.querySelectorAll<HTMLElement>('.sb-masked')[0]!.getBoundingClientRect();
    const field = pw.getBoundingClientRect();
    expect([placeholder.width, placeholder.height]).to.deep.equal([field.width, field.height]);
    expect(m.target.body.textContent).not.to.include('whole-secret');
  });

  it('runs nothing the page (or a forged frame) contains in the agent’s view', async () => {
    const target = await frameDocument('<!DOCTYPE html><html><head></head><body></body></html>', 'allow-same-origin');
    const mirror = new MirrorDocument(target, () => 'http://shop.test/', 'hidden');
    const el = (id: number, tag: string, attrs: [string, string][], children: never[] = []) => ({ kind: 'element' as const, id, tag, attrs, children });
    mirror.apply([
      {
        op: 'root',
        node: {
          kind: 'element',
          id: 1,
          tag: 'html',
          attrs: [],
          children: [
            el(2, 'head', []),
            {
              kind: 'element',
              id: 3,
              tag: 'body',
              attrs: [['onload', 'parent.__ran = 1']],
              children: [
                { kind: 'element', id: 4, tag: 'script', attrs: [], children: [{ kind: 'text', id: 5, text: 'parent.__ran = 2' }] },
                el(6, 'a', [['href', ' java\tscript:parent.__ran=3'], ['onclick', 'parent.__ran=4']]),
                el(7, 'iframe', [['srcdoc', '<script>parent.parent.__ran=5</script>']]),
                el(8, 'img', [['src', 'x:'], ['onerror', 'parent.__ran=6']]),
                el(9, 'meta', [['http-equiv', 'refresh'], ['content', '0;url=javascript:parent.__ran=7']]),
              ],
            },
          ],
        },
      },
    ]);
    // The broken image has failed (its error event has fired) before we look for its handler's effect.
    const img = target.querySelector('img')!;
    if (!img.complete) await new Promise((resolve) => img.addEventListener('error', resolve, { once: true }));
    expect((window as { __ran?: number }).__ran).to.equal(undefined);
    expect(target.querySelector('script, iframe, [onclick], [onerror], [onload], [http-equiv]')).to.equal(null);
    expect(target.querySelector('a')!.hasAttribute('href')).to.equal(false);
  });
});
