import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleBackgroundWork, WARM_AFTER_MS } from '../../../src/services/background-work';
import { INDEX_MISSING_AFTER_MS } from '../../../src/services/reader-services';

afterEach(() => vi.useRealTimers());

describe('the work both shells start after the app starts', () => {
  it('warms the parser a moment after start and indexes older reports well after', async () => {
    vi.useFakeTimers();
    const warm = vi.fn();
    const indexMissing = vi.fn(() => Promise.resolve());
    scheduleBackgroundWork({ indexMissing, warm });
    await vi.advanceTimersByTimeAsync(WARM_AFTER_MS - 1);
    expect(warm).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(warm).toHaveBeenCalledTimes(1);
    expect(indexMissing).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(INDEX_MISSING_AFTER_MS - WARM_AFTER_MS);
    expect(indexMissing).toHaveBeenCalledTimes(1);
  });

  it('does nothing once cancelled, nor what was turned off', async () => {
    vi.useFakeTimers();
    const warm = vi.fn();
    const indexMissing = vi.fn(() => Promise.resolve());
    scheduleBackgroundWork({ indexMissing, warm })();
    scheduleBackgroundWork({ indexMissing, warm, warmParser: false, indexing: false });
    await vi.advanceTimersByTimeAsync(INDEX_MISSING_AFTER_MS * 2);
    expect(warm).not.toHaveBeenCalled();
    expect(indexMissing).not.toHaveBeenCalled();
  });

  it('a failed indexing run is swallowed: it throws nowhere', async () => {
    vi.useFakeTimers();
    const indexMissing = vi.fn(() => Promise.reject(new Error('disk gone')));
    scheduleBackgroundWork({ indexMissing, warmParser: false });
    await vi.advanceTimersByTimeAsync(INDEX_MISSING_AFTER_MS);
    expect(indexMissing).toHaveBeenCalledTimes(1);
  });
});
