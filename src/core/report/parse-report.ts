/** The whole parse: decoded text in, a structured document out. */
import type { Block, ReportDocument } from '../../shared/document';
import { sha256Hex } from '../sha256';
import { decodeReport } from './decode';
import { buildGlossary } from './glossary';
import { buildOutline, markRunInHeads } from './outline';
import { readStructure } from './structure';
import { extractEmphasis, fixCjkSpacing } from './text-repair';

const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日/u;

function finishBlocks(raw: ReturnType<typeof readStructure>['blocks']): Block[] {
  return raw.map((rawBlock, index) => {
    const { text, emphasis } = extractEmphasis(fixCjkSpacing(rawBlock.text));
    const block: Block = { id: `b${index + 1}`, kind: rawBlock.kind, text };
    if (rawBlock.level !== undefined) block.level = rawBlock.level;
    if (rawBlock.role !== undefined) block.role = rawBlock.role;
    if (emphasis.length > 0) block.emphasis = emphasis;
    return block;
  });
}

export function parseReport(source: string): ReportDocument {
  const raw = readStructure(source);
  const blocks = finishBlocks(raw.blocks);
  markRunInHeads(blocks);
  const body = raw.appendixAt >= 0 ? blocks.slice(0, raw.appendixAt) : blocks;
  const appendix = raw.appendixAt >= 0 ? blocks.slice(raw.appendixAt) : [];
  const linkable = body.filter((block) => block.kind === 'paragraph' || block.kind === 'heading');

  const version = sha256Hex(blocks.map((block) => block.text).join('\n')).slice(0, 16);
  const occasion = raw.occasion === undefined ? undefined : fixCjkSpacing(raw.occasion);
  const date = occasion === undefined ? undefined : DATE.exec(occasion);

  return {
    title: raw.title,
    ...(occasion !== undefined && { occasion }),
    ...(date && { date: `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}` }),
    ...(raw.speaker !== undefined && { speaker: raw.speaker }),
    version,
    blocks,
    outline: buildOutline(blocks),
    glossary: buildGlossary(appendix, linkable),
  };
}

/** Parses a report file's bytes; throws ReportFormatError for unusable files. */
export function parseReportBytes(bytes: Uint8Array): ReportDocument {
  return parseReport(decodeReport(bytes));
}
