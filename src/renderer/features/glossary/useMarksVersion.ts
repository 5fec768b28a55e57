/**
 * Counts changes of the reader's term marks (term-marks.ts). Marking splits
 * text nodes, which moves live DOM ranges; layers that draw CSS highlights
 * from ranges (search, annotations) depend on this to draw them anew.
 */
import { useEffect, useState } from 'react';
import { MARKS_CHANGED } from './term-marks';

export function useMarksVersion(pane: HTMLElement): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const onChange = () => setVersion((count) => count + 1);
    pane.addEventListener(MARKS_CHANGED, onChange);
    return () => pane.removeEventListener(MARKS_CHANGED, onChange);
  }, [pane]);
  return version;
}
