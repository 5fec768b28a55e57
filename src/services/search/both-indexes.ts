/**
 * Both search indexes of a report, as a parse with `index` answers them
 * (parse-worker.ts): its lunr index, serialized, for its own search, and its
 * compact index, encoded, for the search across reports. Both read the words
 * of every block: each text is segmented once (about half of each build).
 */
import { buildSerializedIndex, type SegmentWords } from '../../core/search/build-index';
import { buildReportIndex } from '../../core/search/report-index';
import { encodeReportIndex } from '../../core/search/report-index-codec';
import type { ReportDocument } from '../../shared/document';
import { segmentWords } from './words';

export interface BothIndexes {
  /** The lunr index, serialized. */
  searchIndex: string;
  /** The compact index for the search across reports, encoded (report-index-codec.ts). */
  reportIndex: Uint8Array;
}

/** Segments each text once: both indexes ask for the words of every block. */
function segmentedOnce(): SegmentWords {
  const seen = new Map<string, string[]>();
  return (normalized) => {
    let words = seen.get(normalized);
    if (!words) seen.set(normalized, (words = segmentWords(normalized)));
    return words;
  };
}

/**
 * The compact index first: it is the one a report just added is searched
 * with until the lunr index is in (report-sessions.ts), and it takes about a
 * third of the time. `onReportIndex` has it as soon as it is built.
 */
export function buildBothIndexes(
  document: ReportDocument,
  onReportIndex: (reportIndex: Uint8Array) => void = () => undefined,
): BothIndexes {
  const words = segmentedOnce();
  const reportIndex = encodeReportIndex(buildReportIndex(document.blocks, words));
  onReportIndex(reportIndex);
  return { searchIndex: buildSerializedIndex(document, words), reportIndex };
}
