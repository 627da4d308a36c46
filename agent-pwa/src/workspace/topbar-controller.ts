/**
 * The top bar's layout state: how many of its tabs fit on the line (the others wait behind More, or
 * all of them behind Menu on a phone), and which of its two menus (tabs, account) is open. Measured
 * rather than set by breakpoints, because what fits depends on the role (three tabs or twelve) and
 * the language (German and Arabic labels run longer).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TopbarMenu = 'tabs' | 'account';

/** Room kept for the More button when the first tab leaves the line (its real width counts after). */
const MORE_BUTTON_ESTIMATE = 90;

export class TopbarController implements ReactiveController {
  /** How many tabs, from the first, sit on the line; the rest are in the tabs menu. */
  shown = Number.POSITIVE_INFINITY;
  /** The open menu, if any. */
  open: TopbarMenu | undefined;
  private total = 0;
  /** The bar's width when a tab last had to leave the line: wider than that, all are tried again. */
  private shrunkAt = Number.POSITIVE_INFINITY;
  /** What the bar's content depends on (role and language); a change measures again from all tabs. */
  private contentKey = '';
  private readonly resize = new ResizeObserver(() => this.fit());

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly bar: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('click', this.onDocumentClick, true);
    document.addEventListener('keydown', this.onKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('click', this.onDocumentClick, true);
    document.removeEventListener('keydown', this.onKeydown);
    this.resize.disconnect();
  }

  /** True when some tabs are not on the line. */
  get folded(): boolean {
    return this.shown < this.total;
  }

  /** Call from render with what the bar's width depends on and how many tabs it has. */
  content(key: string, total: number): void {
    if (key === this.contentKey) return;
    this.contentKey = key;
    this.total = total;
    this.shown = total;
    this.shrunkAt = Number.POSITIVE_INFINITY;
  }

  /**
   * Measures after every render, in the same task: the bar never shows a half-decided state, and a
   * tab that does not fit is never painted over the edge.
   */
  hostUpdated(): void {
    const bar = this.bar();
    if (!bar) return;
    this.resize.observe(bar);
    this.fit();
  }

  toggle(menu: TopbarMenu): void {
    this.open = this.open === menu ? undefined : menu;
    this.host.requestUpdate();
  }

  close(): void {
    if (!this.open) return;
    this.open = undefined;
    this.host.requestUpdate();
  }

  /**
   * Too wide: the last tabs on the line leave it, as many as the overflow (and the More button)
   * needs; the next render measures again. Wider than when a tab last left: all come back and are
   * measured again. Both happen before the browser paints, so nothing is seen over the edge.
   */
  private fit(): void {
    const bar = this.bar();
    if (!bar) return;
    const width = bar.clientWidth;
    let excess = bar.scrollWidth - width;
    if (excess > 1 && this.shown > 0) {
      if (!this.folded) excess += MORE_BUTTON_ESTIMATE;
      const onLine = [...bar.querySelectorAll<HTMLElement>(':scope > nav.tabs > a')];
      let shown = Math.min(this.shown, onLine.length);
      while (shown > 0 && excess > 0) excess -= onLine[--shown]!.offsetWidth;
      this.shown = shown;
      this.shrunkAt = width;
      this.host.requestUpdate();
    } else if (this.folded && width > this.shrunkAt) {
      this.shown = this.total;
      this.shrunkAt = Number.POSITIVE_INFINITY;
      if (this.open === 'tabs') this.open = undefined;
      this.host.requestUpdate();
    }
  }

  /** A click outside the open menu and its button closes it, as menus do. */
  private readonly onDocumentClick = (event: MouseEvent): void => {
    if (!this.open) return;
    const inside = event.composedPath().some((node) => node instanceof HTMLElement && node.dataset['menu'] === this.open);
    if (!inside) this.close();
  };

  /** Escape closes the open menu and puts focus back on its button, where a keyboard user left off. */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    const button = this.bar()?.querySelector<HTMLElement>(`[data-menu="${this.open}"] > button`);
    this.close();
    button?.focus();
  };
}
