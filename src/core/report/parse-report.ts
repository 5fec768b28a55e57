/** The whole parse: decoded text in, a structured document out. */
import type { Block, ReportDocument } from '../../shared/document';
import { sha256Hex } from '../sha256';
import { findDate } from './dates';
import { decodeReport } from './decode';
import { buildGlossary } from './glossary';
import { PART_NUMBER } from './headings';
import { buildOutline, markRunInHeads, nestUnderParts } from './outline';
import { readStructure, type RawBlock } from './structure';
import { extractEmphasis, fixCjkSpacing, normalizeCharacters } from './text-repair';

// The gap after a part's number: `第一部分 2018年工作回顾` keeps it, though a
// gap between a character and a digit is otherwise a converter's.
const PART_GAP = new RegExp(`^(${PART_NUMBER.source})[ \\t\\u00A0\\u3000]+`, 'u');

function repairSpacing(rawBlock: RawBlock): string {
  if (rawBlock.row) return rawBlock.text;
  const part = rawBlock.kind === 'heading' ? PART_GAP.exec(rawBlock.text) : null;
  if (!part) return fixCjkSpacing(rawBlock.text);
  return `${part[1]} ${fixCjkSpacing(rawBlock.text.slice(part[0].length))}`;
}

function finishBlocks(raw: RawBlock[]): Block[] {
  return raw.map((rawBlock, index) => {
    const { text, emphasis } = extractEmphasis(repairSpacing(rawBlock));
    const block: Block = { id: `b${index + 1}`, kind: rawBlock.kind, text };
    if (rawBlock.level !== undefined) block.level = rawBlock.level;
    if (rawBlock.role !== undefined) block.role = rawBlock.role;
    if (emphasis.length > 0) block.emphasis = emphasis;
    return block;
  });
}

/**
 * The report's date: from the occasion (`2018年2月7日在…会议上`), else from a
 * date line in the title block, else from the closing date line.
 */
function reportDate(occasion: string | undefined, blocks: Block[]): string | undefined {
  const dates = blocks.filter((block) => block.role === 'date');
  for (const text of [occasion, dates[0]?.text, dates.at(-1)?.text]) {
    const date = text === undefined ? undefined : findDate(text);
    if (date !== undefined) return date;
  }
  return undefined;
}

export function parseReport(source: string): ReportDocument {
  const raw = readStructure(normalizeCharacters(source));
  const blocks = finishBlocks(raw.blocks);
  markRunInHeads(blocks);
  nestUnderParts(blocks, raw.appendixAt >= 0 ? raw.appendixAt : blocks.length);
  const body = raw.appendixAt >= 0 ? blocks.slice(0, raw.appendixAt) : blocks;
  const appendix = raw.appendixAt >= 0 ? blocks.slice(raw.appendixAt) : [];
  const linkable = body.filter((block) => block.kind === 'paragraph' || block.kind === 'heading');

  const version = sha256Hex(blocks.map((block) => block.text).join('\n')).slice(0, 16);
  const occasion = raw.occasion === undefined ? undefined : fixCjkSpacing(raw.occasion);
  const date = reportDate(occasion, blocks);

  return {
    title: raw.title,
    ...(occasion !== undefined && { occasion }),
    ...(date !== undefined && { date }),
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
