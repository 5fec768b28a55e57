import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  restoreWindowBounds,
  type Rect,
} from '../../../src/main/window-bounds';
import { SettingsPatchSchema } from '../../../src/shared/settings-schema';

const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 };
// A second monitor to the left, at negative coordinates, as Windows and macOS place it.
const LEFT: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };
const SMALL: Rect = { x: 0, y: 0, width: 1024, height: 700 };

const inside = (window: Rect, area: Rect) =>
  window.x >= area.x &&
  window.y >= area.y &&
  window.x + window.width <= area.x + area.width &&
  window.y + window.height <= area.y + area.height;

describe('restoreWindowBounds', () => {
  it('keeps a saved place that fits', () => {
    const saved = { x: 100, y: 80, width: 1000, height: 700, maximized: false };
    expect(restoreWindowBounds(saved, [LAPTOP])).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
    });
  });

  it('keeps a place on a second monitor at negative coordinates', () => {
    const saved = { x: -1700, y: 100, width: 1200, height: 800 };
    expect(restoreWindowBounds(saved, [LAPTOP, LEFT])).toEqual(saved);
  });

  it('a monitor unplugged since: centred on the primary display', () => {
    const saved = { x: -1700, y: 100, width: 1200, height: 800 };
    const restored = restoreWindowBounds(saved, [LAPTOP]);
    expect(inside(restored, LAPTOP)).toBe(true);
    expect(restored).toEqual({ x: 120, y: 63, width: 1200, height: 800 });
  });

  it.each([
    ['far off to the right', { x: 50_000, y: 100, width: 1000, height: 700 }],
    ['far off below', { x: 100, y: 90_000, width: 1000, height: 700 }],
    ['far off to the left and above', { x: -99_000, y: -99_000, width: 1000, height: 700 }],
    ['touching the edge without overlapping', { x: 1440, y: 25, width: 800, height: 600 }],
  ])('%s: brought back onto the screen', (_, saved) => {
    expect(inside(restoreWindowBounds(saved, [LAPTOP]), LAPTOP)).toBe(true);
  });

  it('mostly off the edge: pulled fully onto the display it overlaps', () => {
    const restored = restoreWindowBounds({ x: 1300, y: 700, width: 1000, height: 700 }, [LAPTOP]);
    expect(inside(restored, LAPTOP)).toBe(true);
    expect(restored).toMatchObject({ width: 1000, height: 700, x: 440, y: 200 });
  });

  it('huge: shrunk to the display', () => {
    const restored = restoreWindowBounds({ x: 0, y: 0, width: 99_999, height: 99_999 }, [SMALL]);
    expect(restored).toEqual(SMALL);
  });

  it('tiny: grown to the minimum size', () => {
    const restored = restoreWindowBounds({ x: 10, y: 30, width: 1, height: 1 }, [LAPTOP]);
    expect(restored).toMatchObject(MIN_WINDOW_SIZE);
    expect(inside(restored, LAPTOP)).toBe(true);
  });

  it('a display smaller than the minimum: the window fits the display', () => {
    const phone: Rect = { x: 0, y: 0, width: 640, height: 480 };
    const restored = restoreWindowBounds({ x: 0, y: 0, width: 1200, height: 860 }, [phone]);
    expect(restored).toEqual(phone);
  });

  it('goes to the display it overlaps most', () => {
    const restored = restoreWindowBounds({ x: -300, y: 100, width: 1000, height: 700 }, [
      LAPTOP,
      LEFT,
    ]);
    expect(inside(restored, LAPTOP)).toBe(true);
    expect(restored.x).toBe(0);
  });

  it.each([
    ['nothing saved', null],
    ['undefined', undefined],
    ['NaN', { x: Number.NaN, y: 0, width: 1000, height: 700 }],
    ['Infinity', { x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 700 }],
    ['a negative size', { x: 0, y: 0, width: -1000, height: -700 }],
    ['a zero size', { x: 0, y: 0, width: 0, height: 0 }],
  ])('%s: the default size, centred on the primary display', (_, saved) => {
    const restored = restoreWindowBounds(saved, [LAPTOP, LEFT]);
    expect(restored).toMatchObject(DEFAULT_WINDOW_SIZE);
    expect(inside(restored, LAPTOP)).toBe(true);
  });

  it('no display reported at all: still a sane window', () => {
    const restored = restoreWindowBounds({ x: 5000, y: 5000, width: 10, height: 10 }, []);
    expect(restored).toMatchObject(MIN_WINDOW_SIZE);
    expect(inside(restored, { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE })).toBe(true);
  });

  it('always whole pixels', () => {
    const restored = restoreWindowBounds({ x: 10.6, y: 30.2, width: 1000.5, height: 700.7 }, [
      LAPTOP,
    ]);
    for (const value of Object.values(restored)) expect(Number.isInteger(value)).toBe(true);
  });
});

describe('the saved window state', () => {
  it.each([
    { x: 0, y: 0, width: 1000, height: 700, maximized: false },
    { x: -1920, y: -200, width: 1920, height: 1080, maximized: true },
  ])('accepts %j', (window) => {
    expect(SettingsPatchSchema.safeParse({ window }).success).toBe(true);
  });

  it.each([
    { x: 0, y: 0, width: 1000, height: 700 },
    { x: 0.5, y: 0, width: 1000, height: 700, maximized: false },
    { x: 0, y: 0, width: 0, height: 700, maximized: false },
    { x: 1e9, y: 0, width: 1000, height: 700, maximized: false },
    { x: 0, y: 0, width: 1000, height: 700, maximized: 'yes' },
    { x: 0, y: 0, width: 1000, height: 700, maximized: false, display: 2 },
    { x: '0', y: 0, width: 1000, height: 700, maximized: false },
    [0, 0, 1000, 700],
  ])('refuses %j', (window) => {
    expect(SettingsPatchSchema.safeParse({ window }).success).toBe(false);
  });
});
