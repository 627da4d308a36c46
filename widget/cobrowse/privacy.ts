/**
 * What never leaves the visitor's browser: password fields, card fields (autocomplete `cc-*`),
 * and anything inside `data-sb-mask` (unless a nearer ancestor says `data-sb-unmask`). The
 * serializer asks here before reading any text or value; the agent gets a same-size placeholder.
 */

/** Elements that are never mirrored at all: scripts, our own widget, and what a site opts out. */
export function isIgnored(el: Element): boolean {
  const tag = el.localName;
  return tag === 'script' || tag === 'noscript' || tag === 'template' || el.hasAttribute('data-switchboard-widget') || el.hasAttribute('data-sb-ignore');
}

/** A field whose value is private whatever the page says: passwords and payment cards. */
export function isSecretField(el: Element): boolean {
  if (el.localName === 'input' && (el as HTMLInputElement).type === 'password') return true;
  const autocomplete = el.getAttribute('autocomplete');
  return !!autocomplete && autocomplete.split(/\s+/).some((token) => token.toLowerCase().startsWith('cc-'));
}

/** Whether a site marked this element's region private (`data-sb-mask`, not lifted by a nearer `data-sb-unmask`). */
export function inMaskedRegion(el: Element): boolean {
  const marker = el.closest('[data-sb-mask],[data-sb-unmask]');
  return !!marker && marker.hasAttribute('data-sb-mask') && !marker.hasAttribute('data-sb-unmask');
}

/** Whether anything of this element's own content (text, value) must stay on the page. */
export function isMasked(el: Element): boolean {
  return isSecretField(el) || inMaskedRegion(el);
}

/** Whether an element is masked as a whole: nothing inside it is shown, so the agent gets one placeholder. */
export function isMaskedWhole(el: Element): boolean {
  return isSecretField(el) || (inMaskedRegion(el) && !el.querySelector('[data-sb-unmask]'));
}

/** Attributes kept on an element inside a masked region that still has visible parts: layout only. */
export const MASKED_REGION_ATTRIBUTES = new Set(['class', 'style', 'id', 'role', 'hidden', 'dir']);
