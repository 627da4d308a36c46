/** Formats wallboard figures: durations as m:ss or h:mm:ss, ratios as percentages in the app's language. */
import { appLocale } from '../i18n/en.js';

export { formatDuration as duration } from '../../../ui/format/format-duration.js';

/** A ratio as a whole percentage, as the app's language writes it ("70%", "70 %", "٪70"); undefined when there is none. */
export const percent = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined ? undefined : new Intl.NumberFormat(appLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
