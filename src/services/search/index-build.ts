/**
 * A report's compact search index (report-index.ts), encoded
 * (report-index-codec.ts), from its blocks or from its stored document: what
 * the index worker does per message (index-worker.ts), and what the CLI,
 * which has no other work for its one thread, does in place.
 */
import { readFile } from 'node:fs/promises';
import { buildReportIndex, type IndexedBlock } from '../../core/search/report-index';
import { encodeReportIndex } from '../../core/search/report-index-codec';
import { documentOfEnvelope } from '../library/report-folder';
import { segmentWords } from './words';

/** A report to index: its blocks, or its stored document.json and the version it must hold. */
export type IndexSource = { blocks: readonly IndexedBlock[] } | { file: string; version: string };

async function blocksOf(source: IndexSource): Promise<readonly IndexedBlock[]> {
  if ('blocks' in source) return source.blocks;
  const document = documentOfEnvelope(
    JSON.parse(await readFile(source.file, 'utf8')),
    source.version,
  );
  if (!document) throw new Error(`${source.file} is not the stored edition`);
  return document.blocks;
}

export async function buildEncodedIndex(source: IndexSource): Promise<Uint8Array> {
  return encodeReportIndex(buildReportIndex(await blocksOf(source), segmentWords));
}
