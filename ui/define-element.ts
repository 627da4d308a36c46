/** Registers a custom element once, because a host page may load the same script twice. */

/**
 * Defines `tag` as `element` unless it is defined already: by the same class (the script ran
 * twice) nothing happens; by another class (another copy or version) a warning says which one
 * is used.
 *
 * @example
 * defineElement('sb-call-controls', SbCallControls);
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, element);
  else if (existing !== element) console.warn(`Switchboard: <${tag}> is already defined by another copy of Switchboard; using that one.`);
}
