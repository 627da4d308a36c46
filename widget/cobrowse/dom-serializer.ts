/**
 * Turns the visitor's DOM into mirror nodes (signaling/protocol/cobrowse-codec.ts), numbering
 * each node it sends so that later changes can name it. Private content is replaced by
 * placeholders here, before anything is encoded: it never reaches the Y.Doc or the wire.
 */
import type { MirrorNode } from '../../signaling/protocol/cobrowse-codec.js';
import { inMaskedRegion, isIgnored, isMaskedWhole, isSecretField, MASKED_REGION_ATTRIBUTES } from './privacy.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Whitespace between tags renders as at most one space outside preformatted text. */
const PRESERVES_WHITESPACE = new Set(['pre', 'textarea', 'code', 'listing', 'plaintext', 'xmp']);

export class DomSerializer {
  private ids = new WeakMap<Node, number>();
  private readonly nodes = new Map<number, Node>();
  private nextId = 1;

  constructor(private readonly doc: Document) {}

  idOf(node: Node): number | undefined {
    return this.ids.get(node);
  }

  nodeOf(id: number): Node | undefined {
    return this.nodes.get(id);
  }

  /** Forgets a node that left the page, and everything under it that did not move elsewhere. */
  forget(node: Node): void {
    const id = this.ids.get(node);
    if (id === undefined || node.isConnected) return;
    this.ids.delete(node);
    this.nodes.delete(id);
    for (let child = node.firstChild; child; child = child.nextSibling) this.forget(child);
  }

  /** Forgets everything: the next serialization is a fresh snapshot. */
  reset(): void {
    this.ids = new WeakMap();
    this.nodes.clear();
    this.nextId = 1;
  }

  /** A node and its subtree, numbered from the next free id in document order; undefined for what is not mirrored. */
  serialize(node: Node): MirrorNode | undefined {
    if (!this.isMirrored(node)) return undefined;
    return this.visit(node);
  }

  /** Whether a node is mirrored at all (comments, scripts and the widget are not). */
  isMirrored(node: Node): boolean {
    if (node.nodeType === Node.TEXT_NODE) return !!node.parentElement && !isIgnored(node.parentElement);
    return node.nodeType === Node.ELEMENT_NODE && !isIgnored(node as Element);
  }

  /** The live value or checked state of a form field, unless it is private. */
  fieldState(el: Element): { value?: string; checked?: boolean } {
    if (isSecretField(el) || inMaskedRegion(el)) return {};
    if (el.localName === 'input') {
      const input = el as HTMLInputElement;
      if (input.type === 'checkbox' || input.type === 'radio') return { checked: input.checked };
      if (input.type === 'hidden' || input.type === 'file') return {};
      return { value: input.value };
    }
    if (el.localName === 'textarea' || el.localName === 'select') return { value: (el as HTMLTextAreaElement | HTMLSelectElement).value };
    return {};
  }

  /** An attribute's value as the agent may see it, or null to leave it out. */
  attributeValue(el: Element, name: string): string | null {
    const value = el.getAttribute(name);
    if (value === null || name.startsWith('on')) return null;
    if (inMaskedRegion(el) && !MASKED_REGION_ATTRIBUTES.has(name)) return null;
    // The `value` attribute of a private or hidden field is as secret as its live value.
    if (name === 'value' && (isSecretField(el) || (el.localName === 'input' && (el as HTMLInputElement).type === 'hidden'))) return null;
    return value;
  }

  private visit(node: Node): MirrorNode | undefined {
    const id = this.number(node);
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement!;
      const text = node.nodeValue ?? '';
      if (inMaskedRegion(parent)) return { kind: 'masked', id, tag: '#text', ...this.sizeOf(node) };
      return { kind: 'text', id, text: !PRESERVES_WHITESPACE.has(parent.localName) && /^\s+$/.test(text) && text.length > 1 ? ' ' : text };
    }
    const el = node as Element;
    if (isMaskedWhole(el)) return { kind: 'masked', id, tag: el.localName, ...this.sizeOf(el) };
    const css = this.inlineStylesheet(el);
    if (css !== undefined) return { kind: 'stylesheet', id, css };
    const attrs: [string, string][] = [];
    for (const { name } of el.attributes) {
      const value = this.attributeValue(el, name);
      if (value !== null) attrs.push([name, value]);
    }
    const children: MirrorNode[] = [];
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (!this.isMirrored(child)) continue;
      const mirrored = this.visit(child);
      if (mirrored) children.push(mirrored);
    }
    return { kind: 'element', id, tag: el.localName, ...(el.namespaceURI === SVG_NS ? { svg: true } : {}), attrs, ...this.fieldState(el), children };
  }

  private number(node: Node): number {
    const old = this.ids.get(node);
    if (old !== undefined) this.nodes.delete(old);
    const id = this.nextId++;
    this.ids.set(node, id);
    this.nodes.set(id, node);
    return id;
  }

  private sizeOf(node: Node): { width: number; height: number } {
    let rect: DOMRect;
    if (node.nodeType === Node.TEXT_NODE) {
      const range = this.doc.createRange();
      range.selectNodeContents(node);
      rect = range.getBoundingClientRect();
    } else {
      rect = (node as Element).getBoundingClientRect();
    }
    return { width: rect.width, height: rect.height };
  }

  /**
   * A same-origin stylesheet's rules, so the agent needs no access to the site's files; also
   * a <style> whose rules were inserted by script (its text is empty). Undefined otherwise.
   */
  private inlineStylesheet(el: Element): string | undefined {
    const isLink = el.localName === 'link' && /(^|\s)stylesheet(\s|$)/i.test(el.getAttribute('rel') ?? '');
    const isStyle = el.localName === 'style';
    if (!isLink && !isStyle) return undefined;
    const sheet = (el as HTMLLinkElement | HTMLStyleElement).sheet;
    if (!sheet || (isStyle && el.textContent?.trim())) return undefined;
    const href = isLink ? (el as HTMLLinkElement).href : this.doc.baseURI;
    if (isLink && new URL(href).origin !== this.doc.location?.origin) return undefined;
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      return undefined; // not readable after all: the agent loads it by URL
    }
    const media = isLink && el.getAttribute('media') ? `@media ${el.getAttribute('media')}{` : '';
    const css = Array.from(rules, (r) => r.cssText).join('\n');
    return absoluteUrls(media ? `${media}${css}}` : css, href);
  }
}

/** Rewrites relative url(...) references against the stylesheet's own address. */
function absoluteUrls(css: string, base: string): string {
  return css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (match, quote: string, url: string) => {
    if (/^(data:|https?:|#)/i.test(url)) return match;
    try {
      return `url(${quote}${new URL(url, base).href}${quote})`;
    } catch {
      return match;
    }
  });
}
