/** Styles a shadow root so that a host page's strict Content-Security-Policy does not block them. */

/**
 * A constructable stylesheet is not an inline style: a host whose `style-src` lacks
 * 'unsafe-inline' blocks a <style> element in our shadow root, but not this. Browsers without
 * constructable stylesheets (Safari before 16.4 throws on `new CSSStyleSheet()`) get a <style> element.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
  }
}
