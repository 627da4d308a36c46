/** The page mirror's wire format: what goes in comes out, compactly, and a bad frame is refused. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodecError, decodeFrame, encodeFrame, type MirrorNode, type MirrorOp } from './cobrowse-codec.js';

const page: MirrorNode = {
  kind: 'element',
  id: 1,
  tag: 'html',
  attrs: [['lang', 'en']],
  children: [
    { kind: 'element', id: 2, tag: 'head', attrs: [], children: [{ kind: 'stylesheet', id: 3, css: 'body{margin:0}' }] },
    {
      kind: 'element',
      id: 4,
      tag: 'body',
      attrs: [['class', 'shop']],
      children: [
        { kind: 'element', id: 5, tag: 'input', attrs: [['name', 'q'], ['class', 'shop']], value: 'blue shoes', children: [] },
        { kind: 'element', id: 6, tag: 'input', attrs: [['type', 'checkbox']], checked: true, children: [] },
        { kind: 'masked', id: 7, tag: 'input', width: 180.4, height: 32 },
        { kind: 'element', id: 8, tag: 'svg', svg: true, attrs: [['viewBox', '0 0 10 10']], children: [{ kind: 'text', id: 9, text: 'Ünïcode ✓' }] },
      ],
    },
  ],
};

describe('co-browse codec', () => {
  it('round-trips every operation', () => {
    const ops: MirrorOp[] = [
      { op: 'root', doctype: 'html', node: page },
      { op: 'children', parent: 4, children: [5, { kind: 'text', id: 10, text: 'new' }, 6] },
      { op: 'attr', id: 5, name: 'class', value: 'shop active' },
      { op: 'attr', id: 5, name: 'disabled', value: null },
      { op: 'text', id: 9, text: 'changed' },
      { op: 'value', id: 5, value: 'red shoes' },
      { op: 'checked', id: 6, checked: false },
      { op: 'scroll', id: 4, x: 0, y: 1200 },
    ];
    const decoded = decodeFrame(encodeFrame(ops));
    // Sizes are whole pixels on the wire.
    const expected = structuredClone(ops);
    const body = (expected[0] as { node: { children: { children: { width?: number }[] }[] } }).node.children[1]!;
    body.children[2]!.width = 180;
    assert.deepEqual(decoded, expected);
  });

  it('writes a repeated string once, and ids as small differences', () => {
    const row = (id: number): MirrorOp => ({ op: 'attr', id, name: 'class', value: 'row row--selected' });
    const one = encodeFrame([row(1000)]).length;
    // Table rows a few nodes apart, as in a real page.
    const fifty = encodeFrame(Array.from({ length: 50 }, (_, i) => row(1000 + i * 9))).length;
    // Each further row: op code, a one-byte id step, two string references and the value flag.
    assert.ok(fifty - one <= 49 * 5, `50 toggles took ${fifty} bytes`);
    assert.deepEqual(decodeFrame(encodeFrame([row(5000), row(12), row(5000)])).map((op) => (op as { id: number }).id), [5000, 12, 5000]);
  });

  it('refuses ids out of document order, unknown versions and truncated frames', () => {
    assert.throws(() => encodeFrame([{ op: 'root', node: { kind: 'element', id: 1, tag: 'p', attrs: [], children: [{ kind: 'text', id: 5, text: 'x' }] } }]), CodecError);
    const good = encodeFrame([{ op: 'text', id: 1, text: 'hello' }]);
    assert.throws(() => decodeFrame(Uint8Array.from([9, ...good.slice(1)])), /version 9/);
    assert.throws(() => decodeFrame(good.slice(0, good.length - 2)), CodecError);
    assert.throws(() => decodeFrame(Uint8Array.from([1, 1, 99])), /unknown operation 99/);
  });
});
