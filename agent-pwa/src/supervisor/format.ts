/** Formats wallboard figures: durations as m:ss or h:mm:ss, ratios as percentages. */
export { formatDuration as duration } from '../../../ui/format/format-duration.js';

export const percent = (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? undefined : `${Math.round(ratio * 100)}%`);
