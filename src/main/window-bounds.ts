/**
 * Where the window opens: its last place, fitted onto the displays there are
 * now. A monitor unplugged since, a resolution lowered, or a settings file
 * edited by hand must never open the window off-screen or larger than the
 * screen. Pure, so it is unit-tested with hostile bounds.
 */
import type { WindowState } from '../shared/settings';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 860 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 600 } as const;

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

const clamp = (value: number, low: number, high: number) =>
  Math.min(Math.max(value, low), Math.max(low, high));

const isUsableRect = (rect: Rect) =>
  [rect.x, rect.y, rect.width, rect.height].every(Number.isFinite) &&
  rect.width > 0 &&
  rect.height > 0;

function centred(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    x: Math.round(area.x + (area.width - w) / 2),
    y: Math.round(area.y + (area.height - h) / 2),
    width: Math.round(w),
    height: Math.round(h),
  };
}

/**
 * The bounds to open the window with. `workAreas` are the displays' work areas
 * (screen minus taskbar and menu bar), the primary display first. The window
 * goes onto the display it overlaps most; with no overlap at all, centred on
 * the primary display at its saved size. It is then made to fit inside that
 * display entirely, no smaller than the minimum the display allows.
 */
export function restoreWindowBounds(
  saved: WindowState | Rect | null | undefined,
  workAreas: readonly Rect[],
): Rect {
  const areas = workAreas.filter(isUsableRect);
  const primary = areas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  if (!saved || !isUsableRect(saved)) {
    return centred(primary, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height);
  }
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of areas) {
    const shared = overlap(saved, area);
    if (shared > bestOverlap) {
      best = area;
      bestOverlap = shared;
    }
  }
  const area = best ?? primary;
  const width = Math.round(
    clamp(saved.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width),
  );
  const height = Math.round(
    clamp(saved.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height),
  );
  if (!best) return centred(area, width, height);
  return {
    x: Math.round(clamp(saved.x, area.x, area.x + area.width - width)),
    y: Math.round(clamp(saved.y, area.y, area.y + area.height - height)),
    width,
    height,
  };
}
