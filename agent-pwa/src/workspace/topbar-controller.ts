/**
 * The top bar's layout state: whether its tabs fit on one line or fold into a menu, and which of its
 * two menus (tabs, account) is open. Measured rather than set by breakpoints, because what fits
 * depends on the role (two tabs or nine) and the language (German and Arabic labels run longer).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TopbarMenu = 'tabs' | 'account';

export class TopbarController implements ReactiveController {
  /** True when the tabs did not fit on one line and sit behind the Menu button. */
  collapsed = false;
  /** The open menu, if any. */
  open: TopbarMenu | undefined;
  /** The bar's width the one-line layout needed when it last overflowed. */
  private needed = 0;
  /** What the bar's content depends on (role and language); a change measures again from one line. */
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

  /** Call from render with what the bar's width depends on. */
  content(key: string): void {
    if (key === this.contentKey) return;
    this.contentKey = key;
    this.collapsed = false;
    this.needed = 0;
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

  private fit(): void {
    const bar = this.bar();
    if (!bar) return;
    if (!this.collapsed && bar.scrollWidth > bar.clientWidth + 1) {
      this.needed = bar.scrollWidth;
      this.collapsed = true;
      this.host.requestUpdate();
    } else if (this.collapsed && bar.clientWidth >= this.needed) {
      this.collapsed = false;
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
