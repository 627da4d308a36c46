/** Puts the shared design tokens on the agent app's document, where every shadow root inherits them. */
import { designTokensCss } from '../../ui/tokens/design-tokens.js';

/** Adopts the tokens (light, and dark when the system prefers it) as a constructable stylesheet on `doc`. */
export function applyDesignTokens(doc: Document = document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(designTokensCss(':root'));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
