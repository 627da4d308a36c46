/**
 * The design tokens both apps share: colour, spacing, type scale, radius and elevation, as CSS
 * custom properties named `--sb-<group>-<name>`. Plain strings, no Lit: the widget's loader (which
 * has no Lit) and the Lit components both use them.
 *
 * Every text colour here reaches at least 4.5:1 on the surfaces it is meant for, in both themes
 * (the accessibility end-to-end test runs axe in the light and the dark colour scheme).
 */

/** Colours of one theme: surfaces, text, borders, the accent and the status tints. */
export interface ColourTokens {
  /** The page behind the panels. */
  page: string;
  /** Panels, cards, inputs. */
  surface: string;
  /** A sunken area: the inbox, table headers, the other party's bubble. */
  'surface-sunken': string;
  text: string;
  /** Secondary text: hints, times, empty states (4.5:1 on surface and on surface-sunken). */
  muted: string;
  border: string;
  'border-subtle': string;
  /** Filled buttons, the visitor's bubble, the current tab. */
  accent: string;
  'on-accent': string;
  /** Links and accent-coloured text on a surface. */
  'accent-text': string;
  /** A soft accent tint (status line, selected row) and the text on it. */
  'accent-soft': string;
  'accent-soft-text': string;
  /** The agent app's top bar and the text on it. */
  bar: string;
  'on-bar': string;
  /** Error text on a surface. */
  danger: string;
  /** A filled danger button or badge, with on-accent text. */
  'danger-fill': string;
  'danger-soft': string;
  'danger-soft-text': string;
  'warn-soft': string;
  'warn-soft-text': string;
  'success-soft': string;
  'success-soft-text': string;
  /** The keyboard focus ring: visible on the surface and on the accent. */
  focus: string;
}

export const LIGHT: ColourTokens = {
  page: '#f8fafc',
  surface: '#ffffff',
  'surface-sunken': '#f1f5f9',
  text: '#0f172a',
  muted: '#475569',
  border: '#94a3b8',
  'border-subtle': '#e2e8f0',
  accent: '#4338ca',
  'on-accent': '#ffffff',
  'accent-text': '#4338ca',
  'accent-soft': '#e0e7ff',
  'accent-soft-text': '#312e81',
  bar: '#312e81',
  'on-bar': '#ffffff',
  danger: '#b91c1c',
  'danger-fill': '#b91c1c',
  'danger-soft': '#fee2e2',
  'danger-soft-text': '#991b1b',
  'warn-soft': '#fef3c7',
  'warn-soft-text': '#92400e',
  'success-soft': '#dcfce7',
  'success-soft-text': '#166534',
  focus: '#d97706',
};

export const DARK: ColourTokens = {
  page: '#020617',
  surface: '#0f172a',
  'surface-sunken': '#1e293b',
  text: '#e2e8f0',
  muted: '#a3b1c6',
  border: '#64748b',
  'border-subtle': '#334155',
  accent: '#4f46e5',
  'on-accent': '#ffffff',
  'accent-text': '#a5b4fc',
  'accent-soft': '#272463',
  'accent-soft-text': '#e0e7ff',
  bar: '#1e1b4b',
  'on-bar': '#f1f5f9',
  danger: '#fca5a5',
  'danger-fill': '#b91c1c',
  'danger-soft': '#450a0a',
  'danger-soft-text': '#fecaca',
  'warn-soft': '#422006',
  'warn-soft-text': '#fde68a',
  'success-soft': '#052e16',
  'success-soft-text': '#bbf7d0',
  focus: '#fbbf24',
};

/** Spacing steps (4 px grid), the type scale, radii and elevations: the same in both themes. */
export const SCALE = {
  'space-1': '4px',
  'space-2': '8px',
  'space-3': '12px',
  'space-4': '16px',
  'space-5': '24px',
  'space-6': '32px',
  'font-sm': '13px',
  'font-md': '15px',
  'font-lg': '17px',
  'font-xl': '22px',
  'radius-sm': '6px',
  'radius-md': '8px',
  'radius-lg': '14px',
  'radius-full': '999px',
  'shadow-1': '0 1px 2px rgb(15 23 42 / 0.08)',
  'shadow-2': '0 6px 20px rgb(15 23 42 / 0.14)',
  'shadow-3': '0 10px 40px rgb(0 0 0 / 0.24)',
} as const;

const declare = (entries: Record<string, string>, prefix: string) =>
  Object.entries(entries)
    .map(([name, value]) => `--sb-${prefix}${name}: ${value};`)
    .join(' ');

/**
 * The tokens as CSS for `selector` (`:root` for the agent app, `:host` for the widget's shadow
 * root): the light theme, and the dark one when the visitor's or agent's system prefers it.
 *
 * @example
 * adoptStyles(root, designTokensCss(':host') + launcherCss);
 */
export function designTokensCss(selector: string): string {
  return `${selector} { color-scheme: light dark; ${declare({ ...LIGHT }, 'color-')} ${declare(SCALE, '')} }
@media (prefers-color-scheme: dark) { ${selector} { ${declare({ ...DARK }, 'color-')} } }
`;
}
