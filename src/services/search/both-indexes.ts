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

export function buildBothIndexes(document: ReportDocument): BothIndexes {
  const words = segmentedOnce();
  return {
    searchIndex: buildSerializedIndex(document, words),
    reportIndex: encodeReportIndex(buildReportIndex(document.blocks, words)),
  };
}
