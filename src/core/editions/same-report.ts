/**
 * Whether a document just opened is another edition of a report already on
 * the shelf, not a report of its own: the same title and occasion (a final
 * text, set for the same meeting), or most of its text the same (a draft
 * titled otherwise, or without its title block).
 *
 * A report given somewhere else (another district's, its place read from
 * the occasion or the speaker), or at another meeting (next year's report,
 * `第三次会议` against `第二次会议`), is never another edition, however many
 * phrases it shares: taken for one, Enter would make last year's report an
 * earlier edition of this year's, and 目标兑现 needs both on the shelf.
 *
 * "Most of its text" is counted by sentences, on the comparison text (so
 * layout never matters): the share of the new document's characters that lie
 * in sentences the other has word for word. A corrected figure or a reworded
 * phrase costs one sentence; another year's report, or another district's
 * built from the same phrases, keeps few whole sentences.
 */
import type { ReportDocument } from '../../shared/document';
import { reportPlace } from '../library/shelf';
import { compareKey } from './compare-text';

/** Share of the text in sentences the other edition has word for word. */
export const SAME_TEXT_SHARE = 0.6;
/** Sentences this short (`各位代表：`, a heading) say nothing about which report it is. */
const MIN_SENTENCE = 8;

const SENTENCE_END = /(?<=[。；！？])/u;
/** What an edition adds to its title: `（征求意见稿）`, `（草案）`… */
const EDITION_LABEL =
  /[（(](?:征求意见稿|草案|送审稿|讨论稿|修改稿|修订稿|定稿|终稿|审议稿)[)）]$/u;

export type EditionEvidence = 'title' | 'text';

export interface EditionMatch {
  /** Why it is taken for another edition. */
  evidence: EditionEvidence;
  /** The share of its text in sentences the other has (0–1). */
  shared: number;
}

type Source = Pick<ReportDocument, 'title' | 'occasion' | 'blocks'> &
  Partial<Pick<ReportDocument, 'speaker'>>;

/** `第十一届人民代表大会第二次会议`: the 届 and the 次 of the meeting an occasion names. */
const MEETING =
  /第([一二三四五六七八九十百〇零\d]+)届.*?第([一二三四五六七八九十百〇零\d]+)次(?:全体)?会议/u;

/** The meeting an occasion names (`十一届二次`), or undefined when it names none. */
export function meetingOf(occasion: string | undefined): string | undefined {
  const match = MEETING.exec((occasion ?? '').normalize('NFKC').replace(/\s+/gu, ''));
  return match ? `${match[1]}届${match[2]}次` : undefined;
}

const heading = (text: string | undefined) =>
  (text ?? '').normalize('NFKC').replace(/\s+/gu, '').replace(EDITION_LABEL, '');

function sentences(document: Source): string[] {
  return document.blocks
    .flatMap((block) => compareKey(block.text).split(SENTENCE_END))
    .filter((sentence) => sentence.length >= MIN_SENTENCE);
}

/** The share of `document`'s sentence text found, sentence for sentence, in `other`. */
export function sharedText(document: Source, other: Source): number {
  const theirs = new Set(sentences(other));
  let total = 0;
  let shared = 0;
  for (const sentence of sentences(document)) {
    total += sentence.length;
    if (theirs.has(sentence)) shared += sentence.length;
  }
  return total === 0 ? 0 : shared / total;
}

/** How `document` is another edition of `existing`, or undefined when it is not one. */
export function editionOf(document: Source, existing: Source): EditionMatch | undefined {
  if (elsewhere(reportPlace(document), reportPlace(existing))) return undefined;
  if (elsewhere(meetingOf(document.occasion), meetingOf(existing.occasion))) return undefined;
  const shared = sharedText(document, existing);
  const title = heading(document.title);
  const sameHeading =
    title !== '' &&
    title === heading(existing.title) &&
    document.occasion !== undefined &&
    heading(document.occasion) === heading(existing.occasion);
  if (sameHeading) return { evidence: 'title', shared };
  if (shared >= SAME_TEXT_SHARE) return { evidence: 'text', shared };
  return undefined;
}

/** Two places, both known, that differ: reports given in two places are two reports. */
export function elsewhere(place: string | undefined, other: string | undefined): boolean {
  return place !== undefined && other !== undefined && place !== other;
}
