/**
 * Builds and updates the agent's copy of the visitor's page inside an iframe document, from
 * decoded mirror operations. The iframe is sandboxed without scripts, and this builder drops
 * anything that could run or navigate anyway (script elements, event handler attributes,
 * javascript: URLs, refresh headers, nested frames), so the visitor's page never runs here.
 */
import type { MirrorNode, MirrorOp } from '../../../signaling/protocol/cobrowse-codec.js';
import { assertNever } from '../../../ui/assert-never.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Elements that could run, embed or redirect: built as inert <template>s instead. */
const INERT = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'portal', 'base', 'applet']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'ping']);
const PLACEHOLDER_CSS = `.sb-masked { display: inline-block; vertical-align: middle; border-radius: 4px;
  background: repeating-linear-gradient(45deg, #cbd5e1 0 6px, #e2e8f0 6px 12px); }`;

/**
 * Whether a node is an element. Not `instanceof Element`: the mirror's nodes belong to the
 * iframe's realm, whose Element is another object than the app's.
 */
export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

export class MirrorDocument {
  private nodes = new Map<number, Node>();
  private ids = new WeakMap<Node, number>();
  /** Our own nodes in the mirror (the <base> and placeholder styles): never touched by operations. */
  private readonly own = new WeakSet<Node>();

  constructor(
    private readonly doc: Document,
    /** The visitor's page address, so relative URLs resolve against the visitor's site. */
    private readonly baseUrl: () => string,
    private readonly maskedLabel: string,
  ) {}

  nodeOf(id: number): Node | undefined {
    return this.nodes.get(id);
  }

  /** The id of the nearest mirrored element at or above `node`. */
  idOf(node: Node | null): number | undefined {
    for (let n = node; n; n = n.parentNode) {
      const id = this.ids.get(n);
      if (id !== undefined) return id;
    }
    return undefined;
  }

  /** Whether the node is a placeholder for something private. */
  isMasked(node: Node | null): boolean {
    return isElement(node) && !!node.closest('.sb-masked');
  }

  /** Applies one frame's operations; nodes they leave detached are forgotten afterwards. */
  apply(ops: readonly MirrorOp[]): void {
    const detached: Node[] = [];
    for (const op of ops) {
      switch (op.op) {
        case 'root':
          this.root(op.node);
          break;
        case 'children':
          this.children(op.parent, op.children, detached);
          break;
        case 'attr': {
          const el = this.nodes.get(op.id);
          if (isElement(el)) this.setAttribute(el, op.name, op.value);
          break;
        }
        case 'text': {
          const text = this.nodes.get(op.id);
          if (text?.nodeType === Node.TEXT_NODE) text.nodeValue = op.text;
          break;
        }
        case 'value': {
          const field = this.nodes.get(op.id) as HTMLInputElement | undefined;
          if (field && 'value' in field) field.value = op.value;
          break;
        }
        case 'checked': {
          const box = this.nodes.get(op.id) as HTMLInputElement | undefined;
          if (box && 'checked' in box) box.checked = op.checked;
          break;
        }
        case 'scroll': {
          const el = this.nodes.get(op.id);
          if (isElement(el)) el.scrollTo(op.x, op.y);
          break;
        }
        default:
          assertNever(op);
      }
    }
    for (const node of detached) if (!node.isConnected) this.forget(node);
  }

  private root(node: MirrorNode): void {
    this.nodes = new Map();
    this.ids = new WeakMap();
    const html = this.build(node);
    if (!isElement(html)) return;
    this.doc.replaceChild(html, this.doc.documentElement);
    let head = html.querySelector(':scope > head');
    if (!head) html.prepend((head = this.doc.createElement('head')));
    const base = this.doc.createElement('base');
    base.href = this.baseUrl();
    const style = this.doc.createElement('style');
    style.textContent = PLACEHOLDER_CSS;
    this.own.add(base).add(style);
    head.prepend(base, style);
  }

  private children(parentId: number, list: readonly (number | MirrorNode)[], detached: Node[]): void {
    const parent = this.nodes.get(parentId);
    if (!parent) return;
    const wanted = list.flatMap((entry) => {
      const node = typeof entry === 'number' ? this.nodes.get(entry) : this.build(entry);
      return node ? [node] : [];
    });
    const keep = new Set(wanted);
    for (const child of [...parent.childNodes]) {
      if (this.own.has(child) || keep.has(child)) continue;
      child.remove();
      detached.push(child);
    }
    // Insert only what is out of place: moving nodes would restart their images and animations.
    let cursor = this.nextManaged(parent.firstChild);
    for (const node of wanted) {
      if (node === cursor) {
        cursor = this.nextManaged(cursor.nextSibling);
        continue;
      }
      if (node.parentNode && node.parentNode !== parent) detached.push(node);
      parent.insertBefore(node, cursor);
    }
  }

  private nextManaged(node: Node | null): Node | null {
    let n = node;
    while (n && this.own.has(n)) n = n.nextSibling;
    return n;
  }

  private forget(node: Node): void {
    const id = this.ids.get(node);
    if (id !== undefined && this.nodes.get(id) === node) this.nodes.delete(id);
    for (let child = node.firstChild; child; child = child.nextSibling) this.forget(child);
  }

  private build(node: MirrorNode): Node | undefined {
    let built: Node;
    switch (node.kind) {
      case 'text':
        built = this.doc.createTextNode(node.text);
        break;
      case 'stylesheet':
        built = this.doc.createElement('style');
        built.textContent = node.css;
        break;
      case 'masked': {
        const span = this.doc.createElement('span');
        span.className = 'sb-masked';
        span.setAttribute('role', 'img');
        span.setAttribute('aria-label', this.maskedLabel);
        span.style.width = `${node.width}px`;
        span.style.height = `${node.height}px`;
        built = span;
        break;
      }
      case 'element': {
        const el = this.createElement(node.tag, node.svg);
        for (const [name, value] of node.attrs) this.setAttribute(el, name, value);
        for (const child of node.children) {
          const c = this.build(child);
          if (c) el.append(c);
        }
        if (node.value !== undefined && 'value' in el) (el as HTMLInputElement).value = node.value;
        if (node.checked !== undefined && 'checked' in el) (el as HTMLInputElement).checked = node.checked;
        built = el;
        break;
      }
      default:
        return assertNever(node);
    }
    this.nodes.set(node.id, built);
    this.ids.set(built, node.id);
    return built;
  }

  private createElement(tag: string, svg: boolean | undefined): Element {
    const safe = INERT.has(tag.toLowerCase()) ? 'template' : tag;
    try {
      return svg ? this.doc.createElementNS(SVG_NS, safe) : this.doc.createElement(safe);
    } catch {
      return this.doc.createElement('span'); // a name the DOM refuses
    }
  }

  private setAttribute(el: Element, name: string, value: string | null): void {
    const lower = name.toLowerCase();
    if (value === null) {
      el.removeAttribute(name);
      return;
    }
    if (lower.startsWith('on') || lower === 'srcdoc' || lower === 'autofocus' || (lower === 'http-equiv' && el.localName === 'meta')) return;
    // Browsers ignore whitespace and control characters inside a scheme: so must the check.
    if (URL_ATTRIBUTES.has(lower) && /^(javascript|vbscript):/i.test([...value].filter((ch) => ch > ' ').join(''))) return;
    try {
      el.setAttribute(name, value);
    } catch {
      // an attribute name the DOM refuses: leave it out
    }
  }
}
