/**
 * The co-browse page mirror's wire format: a compact binary encoding of DOM snapshots and
 * changes, carried as Uint8Array items of the session's Y.Doc (`frames`).
 *
 * Why not one Yjs type per node: every Yjs item carries its own ids and parent, about 10 to 30
 * bytes, which made a class toggled on 50 rows cost more than rrweb's JSON. A frame instead
 * interns every string once (tag and attribute names, repeated class lists and texts), writes
 * numbers as varints, writes each node id as the difference from the previous one (changes to
 * similar nodes, such as 50 table rows, then cost a byte each), and numbers the nodes of a new
 * subtree implicitly in document order, so only its first id is written. Yjs still does what it is good at: ordered, resumable delivery
 * of frames to whoever joins, and awareness for pointers.
 *
 * Pure: the widget encodes, the agent app decodes, node's tests run both.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { assertNever } from './assert-never.js';

/** Bumped when the format changes; a frame of another version is refused, not misread. */
export const CODEC_VERSION = 1;

export type MirrorNode =
  | {
      kind: 'element';
      id: number;
      tag: string;
      /** SVG elements need their namespace at the agent. */
      svg?: boolean;
      attrs: [name: string, value: string][];
      /** Live value of input, textarea and select (not the attribute). */
      value?: string;
      checked?: boolean;
      children: MirrorNode[];
    }
  | { kind: 'text'; id: number; text: string }
  /** Something private: the agent draws a placeholder of the same size, and learns nothing else. */
  | { kind: 'masked'; id: number; tag: string; width: number; height: number }
  /** A same-origin stylesheet's rules, inlined (the agent may not reach the site's files). */
  | { kind: 'stylesheet'; id: number; css: string };

export type MirrorOp =
  /** The whole page: replaces whatever the agent had. */
  | { op: 'root'; doctype?: string; node: MirrorNode }
  /** A parent's new list of children: kept nodes by id, new ones in full. */
  | { op: 'children'; parent: number; children: (number | MirrorNode)[] }
  | { op: 'attr'; id: number; name: string; value: string | null }
  | { op: 'text'; id: number; text: string }
  | { op: 'value'; id: number; value: string }
  | { op: 'checked'; id: number; checked: boolean }
  | { op: 'scroll'; id: number; x: number; y: number };

const OP = { root: 1, children: 2, attr: 3, text: 4, value: 5, checked: 6, scroll: 7 } as const;
const NODE = { element: 1, text: 2, masked: 3, stylesheet: 4 } as const;
const FLAG = { svg: 1, value: 2, checked: 4, checkedTrue: 8 } as const;
/** In a children list: a node the agent already has, or a new subtree. */
const CHILD = { kept: 0, created: 1 } as const;

export class CodecError extends Error {}

class Writer {
  readonly out = encoding.createEncoder();
  private readonly strings = new Map<string, number>();
  private nextId = 0;
  private lastId = 0;

  uint(n: number): void {
    encoding.writeVarUint(this.out, n);
  }

  /** A node id, as the signed difference from the last id written. */
  id(n: number): void {
    encoding.writeVarInt(this.out, n - this.lastId);
    this.lastId = n;
  }

  /** A string written once per frame; later uses are its index. */
  str(s: string): void {
    const index = this.strings.get(s);
    if (index !== undefined) return this.uint(index + 1);
    this.uint(0);
    encoding.writeVarString(this.out, s);
    this.strings.set(s, this.strings.size);
  }

  subtree(node: MirrorNode): void {
    this.id(node.id);
    this.nextId = node.id;
    this.node(node);
    this.lastId = this.nextId - 1;
  }

  private node(node: MirrorNode): void {
    if (node.id !== this.nextId) throw new CodecError(`node ids of a subtree must follow document order: expected ${this.nextId}, got ${node.id}`);
    this.nextId++;
    switch (node.kind) {
      case 'element': {
        const flags = (node.svg ? FLAG.svg : 0) | (node.value !== undefined ? FLAG.value : 0) | (node.checked !== undefined ? FLAG.checked | (node.checked ? FLAG.checkedTrue : 0) : 0);
        this.uint(NODE.element);
        this.str(node.tag);
        this.uint(flags);
        if (node.value !== undefined) this.str(node.value);
        this.uint(node.attrs.length);
        for (const [name, value] of node.attrs) {
          this.str(name);
          this.str(value);
        }
        this.uint(node.children.length);
        for (const child of node.children) this.node(child);
        return;
      }
      case 'text':
        this.uint(NODE.text);
        return this.str(node.text);
      case 'masked':
        this.uint(NODE.masked);
        this.str(node.tag);
        this.uint(Math.max(0, Math.round(node.width)));
        return this.uint(Math.max(0, Math.round(node.height)));
      case 'stylesheet':
        this.uint(NODE.stylesheet);
        return this.str(node.css);
      default:
        return assertNever(node);
    }
  }
}

/** Encodes a batch of operations as one frame. @throws CodecError when subtree ids are not in document order. */
export function encodeFrame(ops: readonly MirrorOp[]): Uint8Array {
  const w = new Writer();
  w.uint(CODEC_VERSION);
  w.uint(ops.length);
  for (const op of ops) {
    w.uint(OP[op.op]);
    switch (op.op) {
      case 'root':
        w.str(op.doctype ?? '');
        w.subtree(op.node);
        break;
      case 'children':
        w.id(op.parent);
        w.uint(op.children.length);
        for (const child of op.children) {
          if (typeof child === 'number') {
            w.uint(CHILD.kept);
            w.id(child);
          } else {
            w.uint(CHILD.created);
            w.subtree(child);
          }
        }
        break;
      case 'attr':
        w.id(op.id);
        w.str(op.name);
        w.uint(op.value === null ? 0 : 1);
        if (op.value !== null) w.str(op.value);
        break;
      case 'text':
        w.id(op.id);
        w.str(op.text);
        break;
      case 'value':
        w.id(op.id);
        w.str(op.value);
        break;
      case 'checked':
        w.id(op.id);
        w.uint(op.checked ? 1 : 0);
        break;
      case 'scroll':
        w.id(op.id);
        w.uint(Math.max(0, Math.round(op.x)));
        w.uint(Math.max(0, Math.round(op.y)));
        break;
      default:
        assertNever(op);
    }
  }
  return encoding.toUint8Array(w.out);
}

class Reader {
  private readonly strings: string[] = [];
  private nextId = 0;
  private lastId = 0;
  constructor(private readonly d: decoding.Decoder) {}

  uint(): number {
    return decoding.readVarUint(this.d);
  }

  id(): number {
    this.lastId += decoding.readVarInt(this.d);
    if (this.lastId < 0) throw new CodecError('negative node id');
    return this.lastId;
  }

  str(): string {
    const index = this.uint();
    if (index === 0) {
      const s = decoding.readVarString(this.d);
      this.strings.push(s);
      return s;
    }
    const s = this.strings[index - 1];
    if (s === undefined) throw new CodecError(`string #${index} was never defined`);
    return s;
  }

  subtree(depth = 0): MirrorNode {
    this.nextId = this.id();
    const node = this.node(depth);
    this.lastId = this.nextId - 1;
    return node;
  }

  private node(depth: number): MirrorNode {
    // Real pages nest a few dozen levels; this bounds the recursion on a hostile frame.
    if (depth > 512) throw new CodecError('tree too deep');
    const id = this.nextId++;
    const kind = this.uint();
    switch (kind) {
      case NODE.element: {
        const tag = this.str();
        const flags = this.uint();
        const value = flags & FLAG.value ? this.str() : undefined;
        const attrs: [string, string][] = [];
        for (let n = this.uint(); n > 0; n--) attrs.push([this.str(), this.str()]);
        const children: MirrorNode[] = [];
        for (let n = this.uint(); n > 0; n--) children.push(this.node(depth + 1));
        return {
          kind: 'element',
          id,
          tag,
          ...(flags & FLAG.svg ? { svg: true } : {}),
          attrs,
          ...(value !== undefined ? { value } : {}),
          ...(flags & FLAG.checked ? { checked: !!(flags & FLAG.checkedTrue) } : {}),
          children,
        };
      }
      case NODE.text:
        return { kind: 'text', id, text: this.str() };
      case NODE.masked:
        return { kind: 'masked', id, tag: this.str(), width: this.uint(), height: this.uint() };
      case NODE.stylesheet:
        return { kind: 'stylesheet', id, css: this.str() };
      default:
        throw new CodecError(`unknown node kind ${kind}`);
    }
  }
}

/** Decodes one frame. @throws CodecError on a frame of another version or a malformed one. */
export function decodeFrame(bytes: Uint8Array): MirrorOp[] {
  const d = decoding.createDecoder(bytes);
  const r = new Reader(d);
  try {
    const version = r.uint();
    if (version !== CODEC_VERSION) throw new CodecError(`frame version ${version}, expected ${CODEC_VERSION}`);
    const ops: MirrorOp[] = [];
    for (let n = r.uint(); n > 0; n--) {
      const code = r.uint();
      switch (code) {
        case OP.root: {
          const doctype = r.str();
          ops.push({ op: 'root', ...(doctype ? { doctype } : {}), node: r.subtree() });
          break;
        }
        case OP.children: {
          const parent = r.id();
          const children: (number | MirrorNode)[] = [];
          for (let c = r.uint(); c > 0; c--) children.push(r.uint() === CHILD.kept ? r.id() : r.subtree());
          ops.push({ op: 'children', parent, children });
          break;
        }
        case OP.attr: {
          const id = r.id();
          const name = r.str();
          ops.push({ op: 'attr', id, name, value: r.uint() ? r.str() : null });
          break;
        }
        case OP.text:
          ops.push({ op: 'text', id: r.id(), text: r.str() });
          break;
        case OP.value:
          ops.push({ op: 'value', id: r.id(), value: r.str() });
          break;
        case OP.checked:
          ops.push({ op: 'checked', id: r.id(), checked: r.uint() === 1 });
          break;
        case OP.scroll:
          ops.push({ op: 'scroll', id: r.id(), x: r.uint(), y: r.uint() });
          break;
        default:
          throw new CodecError(`unknown operation ${code}`);
      }
    }
    return ops;
  } catch (error) {
    if (error instanceof CodecError) throw error;
    throw new CodecError(`malformed frame: ${(error as Error).message}`);
  }
}
