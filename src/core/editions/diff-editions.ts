/**
 * 修订对照: what changed between two editions of a report, on the repaired
 * text, so a page break moved, a page number added or a line re-wrapped is
 * never a change. Blocks first (block-diff.ts, pairing.ts), then words inside
 * each edited paragraph (inline-diff.ts).
 */
import { documentText, type DocumentText } from '../report/doc-text';
import type { Block, ReportDocument } from '../../shared/document';
import { diffBlocks } from './block-diff';
import type { Group } from './groups';
import { compareKey, isLayoutOnly } from './compare-text';
import { nameFigure as defaultNamer } from './figure-label';
import { inlineHunks } from './inline-diff';
import { pairBlocks } from './pairing';
import type { ChangeKind, EditionChange, EditionDiff, FigureNamer } from './types';

export interface DiffOptions {
  /** Names changed figures; the default is the minimal detector in figure-label.ts. */
  nameFigure?: FigureNamer;
}

interface Edition {
  blocks: readonly Block[];
  doc: DocumentText;
  keys: string[];
}

function edition(document: ReportDocument): Edition {
  return {
    blocks: document.blocks,
    doc: documentText(document.blocks),
    keys: document.blocks.map((block) => compareKey(block.text)),
  };
}

/** Where block `index` starts in the document text; the count means the end of the text. */
function startOf(side: Edition, index: number): number {
  return index < side.blocks.length ? side.doc.starts[index] : side.doc.text.length;
}

const wholeBlock = (side: Edition, index: number) => ({
  block: side.blocks[index].id,
  start: 0,
  end: side.blocks[index].text.length,
});

const span = (side: Edition, index: number) => {
  const start = startOf(side, index);
  return { start, end: start + side.blocks[index].text.length };
};

const point = (side: Edition, index: number) => {
  const at = startOf(side, index);
  return { start: at, end: at };
};

/** Changes at the same place read: a move, what was taken out, what was changed, what was put in. */
const RANK: Record<ChangeKind, number> = { move: 0, delete: 1, change: 2, insert: 3 };

type Draft = Omit<EditionChange, 'id'>;

interface Piece {
  /** Which block of the group. */
  part: number;
  start: number;
  end: number;
}

/**
 * `[start, end)` of a group's joined text cut at its blocks' bounds (`bounds`:
 * where each block starts, then the total). An empty range is a point in the
 * block it ends or stands in.
 */
function cut(bounds: number[], start: number, end: number): Piece[] {
  if (end === start) {
    const part = Math.max(
      0,
      bounds.findIndex((_, i) => i + 1 < bounds.length && start <= bounds[i + 1]),
    );
    return [{ part, start: start - bounds[part], end: start - bounds[part] }];
  }
  const pieces: Piece[] = [];
  for (let part = 0; part + 1 < bounds.length; part++) {
    const from = Math.max(start, bounds[part]);
    const to = Math.min(end, bounds[part + 1]);
    if (to > from) pieces.push({ part, start: from - bounds[part], end: to - bounds[part] });
  }
  return pieces;
}

const boundsOf = (texts: string[]) => {
  const bounds = [0];
  for (const text of texts) bounds.push(bounds[bounds.length - 1] + text.length);
  return bounds;
};

/**
 * The words changed between the old and new blocks of one group (usually one
 * block each; more where layout split or joined the paragraph too), each
 * change within one block on each side.
 */
function wordChanges(
  oldSide: Edition,
  newSide: Edition,
  group: Group,
  nameFigure: FigureNamer,
): Draft[] {
  const oldTexts = group.olds.map((index) => oldSide.blocks[index].text);
  const newTexts = group.news.map((index) => newSide.blocks[index].text);
  const oldBounds = boundsOf(oldTexts);
  const newBounds = boundsOf(newTexts);
  const drafts: Draft[] = [];
  for (const hunk of inlineHunks(oldTexts.join(''), newTexts.join(''))) {
    const removed = cut(oldBounds, hunk.oldStart, hunk.oldEnd);
    const added = cut(newBounds, hunk.newStart, hunk.newEnd);
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      // A hunk across a block bound is told block by block; a side that runs out adds nothing more.
      const atEnd = (pieces: Piece[]) => {
        const last = pieces[pieces.length - 1];
        return { ...last, start: last.end };
      };
      const o = removed[i] ?? atEnd(removed);
      const n = added[i] ?? atEnd(added);
      const oldIndex = group.olds[o.part];
      const newIndex = group.news[n.part];
      const oldText = oldTexts[o.part];
      const newText = newTexts[n.part];
      const old = { start: o.start, end: o.end };
      const now = { start: n.start, end: n.end };
      const figure =
        old.end > old.start && now.end > now.start
          ? nameFigure({ oldText, newText, old, new: now })
          : undefined;
      const oldBase = oldSide.doc.starts[oldIndex];
      const newBase = newSide.doc.starts[newIndex];
      drafts.push({
        kind: 'change',
        oldBlock: oldSide.blocks[oldIndex].id,
        newBlock: newSide.blocks[newIndex].id,
        removed: oldText.slice(old.start, old.end),
        added: newText.slice(now.start, now.end),
        old: { block: oldSide.blocks[oldIndex].id, ...old },
        new: { block: newSide.blocks[newIndex].id, ...now },
        oldAt: { start: oldBase + old.start, end: oldBase + old.end },
        newAt: { start: newBase + now.start, end: newBase + now.end },
        ...(figure && { figure }),
      });
    }
  }
  return drafts;
}

export function diffEditions(
  oldDocument: ReportDocument,
  newDocument: ReportDocument,
  options: DiffOptions = {},
): EditionDiff {
  const nameFigure = options.nameFigure ?? defaultNamer;
  const oldSide = edition(oldDocument);
  const newSide = edition(newDocument);
  const counted = (side: Edition) =>
    side.blocks.flatMap((block, index) =>
      isLayoutOnly(block.text, side.keys[index]) ? [] : [index],
    );
  const blockDiff = diffBlocks(oldSide.keys, newSide.keys, counted(oldSide), counted(newSide));
  const alignment = pairBlocks(blockDiff, oldSide.keys, newSide.keys);

  const drafts: Draft[] = [];
  for (const index of alignment.deleted) {
    const block = oldSide.blocks[index];
    drafts.push({
      kind: 'delete',
      oldBlock: block.id,
      removed: block.text,
      added: '',
      old: wholeBlock(oldSide, index),
      oldAt: span(oldSide, index),
      newAt: point(newSide, blockDiff.newPointOf.get(index) ?? newSide.blocks.length),
    });
  }
  for (const index of alignment.inserted) {
    const block = newSide.blocks[index];
    drafts.push({
      kind: 'insert',
      newBlock: block.id,
      removed: '',
      added: block.text,
      new: wholeBlock(newSide, index),
      oldAt: point(oldSide, blockDiff.oldPointOf.get(index) ?? oldSide.blocks.length),
      newAt: span(newSide, index),
    });
  }
  for (const pair of alignment.moved) {
    drafts.push({
      kind: 'move',
      oldBlock: oldSide.blocks[pair.old].id,
      newBlock: newSide.blocks[pair.new].id,
      removed: '',
      added: '',
      old: wholeBlock(oldSide, pair.old),
      new: wholeBlock(newSide, pair.new),
      oldAt: span(oldSide, pair.old),
      newAt: span(newSide, pair.new),
    });
  }
  const moved = alignment.moved.map((pair) => ({ olds: [pair.old], news: [pair.new] }));
  for (const group of [...alignment.changed, ...moved]) {
    drafts.push(...wordChanges(oldSide, newSide, group, nameFigure));
  }

  drafts.sort(
    (a, b) =>
      a.newAt.start - b.newAt.start || a.oldAt.start - b.oldAt.start || RANK[a.kind] - RANK[b.kind],
  );
  const changes = drafts.map((draft, index) => ({ id: `c${index + 1}`, ...draft }));
  const count = (kind: ChangeKind) => changes.filter((change) => change.kind === kind).length;
  return {
    oldVersion: oldDocument.version,
    newVersion: newDocument.version,
    changes,
    stats: {
      insert: count('insert'),
      delete: count('delete'),
      change: count('change'),
      move: count('move'),
      relaid: alignment.relaid,
    },
  };
}
