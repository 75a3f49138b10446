// Numbers for the SVG charts: partial dates to fractional years, linear
// scales with round ticks, and the category colours.

/** `2001`, `2015-05`, `2001-07-16` (or an RFC 3339 time) → 2001.0, 2015.33, 2001.54. */
export function yearValue(date) {
  const m = /^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(date ?? ""));
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) - 1 : 0;
  const day = m[3] ? Number(m[3]) - 1 : 0;
  return year + month / 12 + day / 365;
}

/** The last moment a partial date covers: `2015` → 2016.0, `2015-05` → 2015.42. */
export function yearValueEnd(date) {
  const m = /^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(date ?? ""));
  if (!m) return NaN;
  if (m[3]) return yearValue(date) + 1 / 365;
  if (m[2]) return yearValue(date) + 1 / 12;
  return Number(m[1]) + 1;
}

/** Round tick values covering [min, max], about `count` of them. */
export function niceTicks(min, max, count = 5) {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  const ticks = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function linear([d0, d1], [r0, r1]) {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/**
 * A time scale for the timeline. A corpus about the 1990s–2020s may also
 * mention 1689 or "the 19th century"; on a plain scale those few dates
 * would squeeze everything else into a corner. When one gap between dates
 * takes more than a third of the span and at least 60% of the dates come
 * after it, the part before the gap gets 15% of the width, a break mark
 * sits in the gap, and the rest of the axis stays readable.
 */
export function timeScale(values, [r0, r1]) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Object.assign(linear([2000, 2020], [r0, r1]), { domain: [2000, 2020], breakAt: null });
  let min = sorted[0];
  let max = sorted[sorted.length - 1];
  if (max - min < 2) {
    min -= 1;
    max += 1;
  }
  let gapAt = -1;
  let gap = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (sorted[i + 1] - sorted[i] > gap) {
      gap = sorted[i + 1] - sorted[i];
      gapAt = i;
    }
  }
  const after = sorted.length - gapAt - 1;
  if (gapAt >= 0 && gap > (max - min) / 3 && after >= 0.6 * sorted.length && max - sorted[gapAt + 1] >= 2) {
    const earlyEnd = sorted[gapAt];
    const breakAt = Math.floor(sorted[gapAt + 1]) - 1;
    const split = r0 + (r1 - r0) * 0.15;
    const early = earlyEnd - min < 1e-9
      ? () => (r0 + split - 14) / 2
      : linear([min, earlyEnd], [r0, split - 14]);
    const late = linear([breakAt, max], [split + 14, r1]);
    const scale = (v) => (v <= (earlyEnd + breakAt) / 2 ? early(v) : late(v));
    return Object.assign(scale, { domain: [min, max], breakAt, earlyEnd, split });
  }
  return Object.assign(linear([min, max], [r0, r1]), { domain: [min, max], breakAt: null });
}

/**
 * Category colours: each has at least 4.5:1 contrast on white (WCAG AA for
 * text, so also fine for marks), and is told apart by its lane and label
 * too, never by colour alone.
 */
export const CATEGORY_COLOURS = {
  diplomacy: "#1d4ed8",
  economy: "#8a4b00",
  trade: "#b42318",
  investment: "#6d28d9",
  energy: "#c2410c",
  military: "#374151",
  culture: "#0f766e",
  education: "#3f6212",
  infrastructure: "#7c2d12",
  border: "#a21caf",
  politics: "#be123c",
};

const SPARE = ["#155e75", "#4338ca", "#854d0e", "#9d174d", "#166534", "#57534e"];

export function categoryColour(category) {
  if (CATEGORY_COLOURS[category]) return CATEGORY_COLOURS[category];
  let hash = 0;
  for (const ch of String(category)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return SPARE[hash % SPARE.length];
}

/** Symbols for an indicator's qualifier, shown before the value. */
export const QUALIFIER_MARKS = {
  exact: "",
  "more-than": ">",
  "less-than": "<",
  "at-least": "≥",
  "up-to": "≤",
  about: "~",
  target: "",
  expected: "≈",
};

export const QUALIFIER_WORDS = {
  exact: "",
  "more-than": "more than",
  "less-than": "less than",
  "at-least": "at least",
  "up-to": "up to",
  about: "about",
  target: "target",
  expected: "expected",
};
