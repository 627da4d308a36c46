/**
 * Turns a batch of MutationRecords into mirror operations. Rather than replaying each record
 * (which rrweb must, to keep its event log exact), it sends each changed parent's final list
 * of children once: kept nodes by id, new ones in full. Order and moves within the batch then
 * cannot go wrong, and a node added and removed in the same batch costs nothing.
 */
import type { MirrorNode, MirrorOp } from '../../signaling/protocol/cobrowse-codec.js';
import type { DomSerializer } from './dom-serializer.js';
import { inMaskedRegion, isMaskedWhole } from './privacy.js';

/** Attributes that decide whether an element is masked: changing one re-sends the element. */
const MASKING_ATTRIBUTES = new Set(['data-sb-mask', 'data-sb-unmask', 'type', 'autocomplete']);

export function opsForMutations(records: readonly MutationRecord[], s: DomSerializer): MirrorOp[] {
  const parents = new Set<Node>();
  const attributes = new Map<Element, Set<string>>();
  const texts = new Set<Node>();
  const removed: Node[] = [];
  /** Elements whose masking may have changed: re-sent whole, as new nodes. */
  const remask = new Set<Node>();

  for (const r of records) {
    if (r.type === 'childList') {
      parents.add(r.target);
      removed.push(...r.removedNodes);
    } else if (r.type === 'attributes' && r.attributeName) {
      const el = r.target as Element;
      if (MASKING_ATTRIBUTES.has(r.attributeName) && el.parentNode) {
        remask.add(el);
        parents.add(el.parentNode);
      }
      let names = attributes.get(el);
      if (!names) attributes.set(el, (names = new Set()));
      names.add(r.attributeName);
    } else if (r.type === 'characterData') {
      texts.add(r.target);
    }
  }

  /** Ids given in this batch: their nodes go out whole, so no change to them is sent separately. */
  const createdNow = new Set<number>();
  const knownBefore = (node: Node) => {
    const id = s.idOf(node);
    return id !== undefined && !createdNow.has(id) ? id : undefined;
  };
  const markCreated = (n: MirrorNode) => {
    createdNow.add(n.id);
    if (n.kind === 'element') n.children.forEach(markCreated);
  };

  const ops: MirrorOp[] = [];
  const ordered = [...parents].filter((p) => p.isConnected && s.idOf(p) !== undefined).sort(documentOrder);
  for (const parent of ordered) {
    const parentId = knownBefore(parent);
    if (parentId === undefined || !s.isMirrored(parent) || (parent.nodeType === Node.ELEMENT_NODE && isMaskedWhole(parent as Element))) continue;
    const children: (number | MirrorNode)[] = [];
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (!s.isMirrored(child)) continue;
      const id = remask.has(child) ? undefined : knownBefore(child);
      if (id !== undefined) {
        children.push(id);
        continue;
      }
      const node = s.serialize(child);
      if (!node) continue;
      markCreated(node);
      children.push(node);
    }
    ops.push({ op: 'children', parent: parentId, children });
  }

  for (const [el, names] of attributes) {
    const id = knownBefore(el);
    if (id === undefined || !el.isConnected || isMaskedWhole(el)) continue;
    for (const name of names) ops.push({ op: 'attr', id, name, value: s.attributeValue(el, name) });
  }

  for (const text of texts) {
    const id = knownBefore(text);
    const parent = text.parentElement;
    if (id === undefined || !text.isConnected || !parent || inMaskedRegion(parent)) continue;
    ops.push({ op: 'text', id, text: text.nodeValue ?? '' });
  }

  for (const node of removed) s.forget(node);
  return ops;
}

function documentOrder(a: Node, b: Node): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
