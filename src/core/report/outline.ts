/**
 * The three-level outline. Level 1 is a real heading line; levels 2 and 3 are
 * run-in heads that open a paragraph and end at its first full stop.
 */
import type { Block, OutlineEntry } from '../../shared/document';
import { LEVEL2_START, LEVEL3_START, PART_NUMBER } from './headings';

// The lead ends at a full stop; a half-width `.` counts unless a digit follows (7.5%).
const LEAD_END = '(?:[。！？]|\\.(?!\\d))';
const LEVEL2_LEAD = new RegExp(`${LEVEL2_START.source}[^。！？]{1,40}?${LEAD_END}`, 'u');
// `1.深化改革开放。…`: a numbered item's lead, level 3 wherever it stands.
const NUMBERED_LEAD = new RegExp(`${LEVEL3_START.source}[^。！？]{1,40}?${LEAD_END}`, 'u');
// A key-task lead is a short clause of Chinese only: `强化平台建设。`.
// `2017年是本届政府的开局之年。` opens a section and has digits, so it is not one.
const LEVEL3_LEAD = /^\p{Script=Han}{2,16}。/u;
// A figure with its unit: `1.教育支出123,500万元，增长8.7%。` is an item of a
// list of figures (a 预算报告's spending lines), not a head of what follows.
const FIGURE = /\d[\d,，.．]*\s*(?:%|％|‰|万|亿|元|个百分点|倍)/u;

/**
 * Finds the run-in heads. A level-3 lead only counts inside a level-2
 * subsection, which is where the report puts its key tasks; fragments left by
 * page breaks are joined before this runs, so `场等项目开业运营。` never
 * reaches it as a paragraph start.
 */
export function markRunInHeads(blocks: Block[]): void {
  let inSubsection = false;
  for (const block of blocks) {
    // Only a `（一）…。` lead opens a subsection for key-task leads: under a
    // `（一）` heading line, a short first sentence is just a sentence.
    if (block.kind === 'heading') inSubsection = false;
    if (block.kind !== 'paragraph') continue;
    const level2 = LEVEL2_LEAD.exec(block.text);
    if (level2) {
      block.level = 2;
      block.lead = level2[0].length;
      inSubsection = true;
      continue;
    }
    const level3 =
      NUMBERED_LEAD.exec(block.text) ?? (inSubsection ? LEVEL3_LEAD.exec(block.text) : null);
    if (level3 && !FIGURE.test(level3[0])) {
      block.level = 3;
      block.lead = level3[0].length;
    }
  }
}

const isPart = (block: Block): boolean => block.kind === 'heading' && PART_NUMBER.test(block.text);

/**
 * In a report of `第一部分` parts that hold `一、` sections, puts each section
 * one level under its part, and its `（一）` one level under that (the outline
 * has three levels, so `1.` items stay at 3). Only the body before
 * `bodyEnd` (the appendix) is parts; an appendix stays at level 1.
 */
export function nestUnderParts(blocks: Block[], bodyEnd: number): void {
  const firstPart = blocks.findIndex((block, index) => index < bodyEnd && isPart(block));
  if (firstPart < 0) return;
  const body = blocks.slice(firstPart, bodyEnd);
  if (!body.some((block) => block.kind === 'heading' && block.level === 1 && !isPart(block)))
    return;
  for (const block of body) {
    if (block.level !== undefined && block.level < 3 && !isPart(block)) {
      block.level = block.level === 1 ? 2 : 3;
    }
  }
}

function outlineTitle(text: string): string {
  return text.replace(/[。！？.]+$/u, '');
}

export function buildOutline(blocks: Block[]): OutlineEntry[] {
  const outline: OutlineEntry[] = [];
  for (const block of blocks) {
    if (block.level === undefined) continue;
    if (block.kind === 'heading') {
      outline.push({ level: block.level, title: outlineTitle(block.text), block: block.id });
    } else if (block.kind === 'paragraph' && block.lead !== undefined) {
      const head = block.text.slice(0, block.lead);
      outline.push({ level: block.level, title: outlineTitle(head), block: block.id });
    }
  }
  return outline;
}
