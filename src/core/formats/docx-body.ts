/**
 * The body of a .docx part (the document's `w:body`, each footnote or
 * endnote) as plain HTML, read in one pass over the part's XML (xml-scan.ts)
 * by the rules mammoth read it by: which elements are read, skipped or moved
 * after their paragraph (text boxes); which runs are bold (`w:b` unless
 * switched off, the `Strong` character style); which merged table cells drop
 * out; how deleted paragraph marks join paragraphs and checkboxes replace
 * their character. Only what html-text.ts reads is written: `<p>`,
 * `<strong>`, `<br>`, `<table>`/`<tr>`/`<td>`, text.
 *
 * The reader keeps a stack of the open elements and looks only at the tops of
 * its stacks, and what an element writes joins its parent by reference (a
 * rope, joined once at the end), so each element costs the same however deep
 * it stands or however long its paragraph: linear in the part's size.
 */
import { hex as dingbatHex } from 'dingbat-to-unicode';
import { escapeHtml } from '../report/report-html';
import { docxDamaged } from './errors';
import { LIMITS } from './limits';
import type { XmlHandler } from './xml-scan';

/** Namespaces read, by the short prefix the reader uses (Word's transitional and strict). */
export const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'wordml',
};

/** Elements whose children are read as if they stood in their place. */
const TRANSPARENT = new Set([
  'w:customXml',
  'w:ins',
  'w:moveTo',
  'w:moveFromRangeStart',
  'w:moveFromRangeEnd',
  'w:moveToRangeStart',
  'w:moveToRangeEnd',
  'w:object',
  'w:smartTag',
  'w:drawing',
  'w:hyperlink',
  'v:roundrect',
  'v:shape',
  'v:textbox',
  'w:txbxContent',
  'v:group',
  'v:rect',
]);

/** Elements open at once while reading, at most. */
const MAX_FRAMES = LIMITS.htmlDepth / 2;

/** Parts of which only the first is read: the frame kind they belong to, and a bit of its `seen`. */
type OwnPart = [parent: 'p' | 'r' | 'sdt' | 'tr' | 'tc', bit: number];
const OWN_PARTS = new Map<string, OwnPart>([
  ['w:pPr', ['p', 1]],
  ['w:rPr', ['r', 1]],
  ['w:sdtPr', ['sdt', 1]],
  ['w:sdtContent', ['sdt', 2]],
  ['w:trPr', ['tr', 1]],
  ['w:tcPr', ['tc', 1]],
]);

/** Characters that stand for themselves. */
const CHARACTERS = new Map([
  ['w:tab', '\t'],
  ['w:noBreakHyphen', '\u2011'],
  ['w:softHyphen', '\u00AD'],
]);

/** Word's on/off attribute: on unless `false` or `0`. */
const isOn = (value: string | undefined) => value !== 'false' && value !== '0';

/**
 * HTML as a rope: what an element wrote is added to its parent by reference
 * and the whole is joined once at the end, so text nested 20k tables deep is
 * copied once, not once per table around it.
 */
export type Piece = string | Piece[];

interface Cell {
  content: Piece[];
  colSpan: number;
  /** Continues the merged cell above (`w:vMerge` without `restart`). */
  continues: boolean;
}

/** A row's cells, with what else stood between them. */
interface Row {
  items: (Cell | Piece[])[];
}

interface Sinking {
  sink: Piece[];
  /** Where writing goes again once this closes. */
  outer: Piece[];
}

/** Which of its own parts (OWN_PARTS) a frame has met. */
interface Seen {
  seen: number;
}

type ParagraphFrame = Sinking & Seen & { kind: 'p'; extras: Piece[]; deleted: boolean };
type RunFrame = Sinking & Seen & { kind: 'r'; bold: boolean; sawB: boolean; style?: string };
type SdtFrame = Sinking & Seen & { kind: 'sdt'; checkbox: boolean; found: boolean };
type TableFrame = Sinking & { kind: 'tbl'; rows: (Row | Piece[])[]; foreign: boolean };
type RowFrame = Sinking & Seen & { kind: 'tr'; row: Row; foreign: boolean; deleted: boolean };
type CellFrame = Sinking & Seen & { kind: 'tc'; cell: Cell };
type PictFrame = Sinking & { kind: 'pict' };
type CellPropertiesFrame = { kind: 'tcPr'; cell: Cell; sawSpan: boolean; sawMerge: boolean };

type Frame =
  | { kind: 'pass' | 'root' }
  | (Sinking & { kind: 'body' })
  | PictFrame
  | ParagraphFrame
  | { kind: 'pPr'; paragraph: ParagraphFrame; sawRPr: boolean }
  | { kind: 'pPrRPr'; paragraph: ParagraphFrame }
  | RunFrame
  | { kind: 'rPr'; run: RunFrame }
  | { kind: 't'; text: string }
  | SdtFrame
  | { kind: 'sdtPr'; sdt: SdtFrame }
  | { kind: 'alternate'; sawFallback: boolean }
  | TableFrame
  | RowFrame
  | { kind: 'trPr'; row: RowFrame }
  | CellFrame
  | CellPropertiesFrame;

/** Frames the elements inside them belong to, for merged cells and text boxes. */
type StructuralFrame = ParagraphFrame | RunFrame | TableFrame | RowFrame | CellFrame;

/** A note reference met in the text: `[n]` there, the note's body at the end. */
export interface NoteReference {
  type: 'footnote' | 'endnote';
  id: string;
}

/**
 * Reads one XML part's bodies (the document's `w:body`, or each note) into
 * HTML. Every stack it looks at is looked at on its top only, so each element
 * costs the same however deep it stands.
 */
export class BodyReader implements XmlHandler {
  private readonly frames: Frame[] = [];
  private readonly structural: StructuralFrame[] = [];
  private readonly paragraphs: ParagraphFrame[] = [];
  /** Checkbox content controls still waiting for their box's character. */
  private readonly checkboxes: SdtFrame[] = [];
  private skipDepth = 0;
  private out: Piece[] = [];
  /** A paragraph whose mark was deleted joins the next one: its content waits here. */
  private pendingContent: Piece[] = [];
  private pendingExtras: Piece[] = [];

  /**
   * `bodyOf` is asked for each child of the part's root element: where its
   * content is written (the document's `w:body`, each note), or undefined to
   * skip it.
   */
  constructor(
    private readonly strongStyles: ReadonlySet<string>,
    private readonly notes: NoteReference[],
    private readonly bodyOf: (
      name: string,
      attributes: Record<string, string>,
    ) => Piece[] | undefined,
  ) {}

  open(name: string, attributes: Record<string, string>): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    const top = this.frames.at(-1);
    const frame = top === undefined ? { kind: 'root' as const } : this.child(top, name, attributes);
    if (frame === undefined) {
      this.skipDepth = 1;
      return;
    }
    // Real documents nest tables a few deep; the page built here must stay
    // within what html-text.ts reads (about one HTML element per frame).
    if (this.frames.length >= MAX_FRAMES) throw docxDamaged();
    this.frames.push(frame);
    if (
      frame.kind === 'p' ||
      frame.kind === 'r' ||
      frame.kind === 'tbl' ||
      frame.kind === 'tr' ||
      frame.kind === 'tc'
    ) {
      this.structural.push(frame);
    }
    if (frame.kind === 'p') this.paragraphs.push(frame);
  }

  close(): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    const frame = this.frames.pop();
    if (frame === undefined) return;
    if (frame === this.structural.at(-1)) this.structural.pop();
    if (frame === this.paragraphs.at(-1)) this.paragraphs.pop();
    this.leave(frame);
  }

  text(data: string): void {
    if (this.skipDepth > 0) return;
    const top = this.frames.at(-1);
    if (top?.kind === 't') top.text += data;
  }

  /** The frame for an element opened inside `top`, or undefined to skip it whole. */
  private child(top: Frame, name: string, attributes: Record<string, string>): Frame | undefined {
    switch (top.kind) {
      case 'root':
        return this.body(name, attributes);
      case 'pPr':
        if (name !== 'w:rPr' || top.sawRPr) return undefined;
        top.sawRPr = true;
        return { kind: 'pPrRPr', paragraph: top.paragraph };
      case 'pPrRPr':
        if (name === 'w:del') top.paragraph.deleted = true;
        return undefined;
      case 'rPr':
        this.runProperty(top.run, name, attributes);
        return undefined;
      case 'trPr':
        if (name === 'w:del') top.row.deleted = true;
        return undefined;
      case 'tcPr':
        cellProperty(top, name, attributes);
        return undefined;
      case 'sdtPr':
        if (name === 'wordml:checkbox' && !top.sdt.checkbox) {
          top.sdt.checkbox = true;
          this.checkboxes.push(top.sdt);
        }
        return undefined;
      case 't':
        return undefined;
      case 'alternate':
        if (name !== 'mc:Fallback' || top.sawFallback) return undefined;
        top.sawFallback = true;
        return { kind: 'pass' };
      default:
        return this.content(top, name, attributes);
    }
  }

  private body(name: string, attributes: Record<string, string>): Frame | undefined {
    const sink = this.bodyOf(name, attributes);
    if (sink === undefined) return undefined;
    // Each body starts afresh, as mammoth reads each with a reader of its own.
    this.pendingContent = [];
    this.pendingExtras = [];
    const frame = { kind: 'body' as const, sink, outer: this.out };
    this.out = sink;
    return frame;
  }

  /** An element of a body: paragraphs, runs, tables and what they hold. */
  private content(top: Frame, name: string, attributes: Record<string, string>): Frame | undefined {
    if (name === 'mc:AlternateContent') return { kind: 'alternate', sawFallback: false };
    const own = OWN_PARTS.get(name);
    if (own !== undefined) return this.ownPart(top, name, own);
    if (TRANSPARENT.has(name)) {
      if (name === 'w:hyperlink' && (attributes['r:id'] || attributes['w:anchor'])) this.produced();
      return { kind: 'pass' };
    }
    const character = CHARACTERS.get(name);
    if (character !== undefined) {
      this.produced();
      this.emitText(character);
      return undefined;
    }
    switch (name) {
      case 'w:p':
        this.produced();
        return {
          kind: 'p',
          outer: this.out,
          sink: this.redirect(),
          extras: [],
          deleted: false,
          seen: 0,
        };
      case 'w:r':
        this.produced();
        return {
          kind: 'r',
          outer: this.out,
          sink: this.redirect(),
          bold: false,
          sawB: false,
          seen: 0,
        };
      case 'w:t':
        this.produced();
        return { kind: 't', text: '' };
      case 'w:sym':
        this.symbol(attributes);
        return undefined;
      case 'w:br':
        this.lineBreak(attributes['w:type']);
        return undefined;
      case 'w:bookmarkStart':
        if (attributes['w:name'] !== '_GoBack') this.produced();
        return undefined;
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        this.produced();
        this.notes.push({
          type: name === 'w:footnoteReference' ? 'footnote' : 'endnote',
          id: attributes['w:id'] ?? '',
        });
        this.emitText(`[${this.notes.length}]`);
        return undefined;
      case 'w:commentReference':
        this.produced();
        return undefined;
      case 'w:pict':
        return { kind: 'pict', outer: this.out, sink: this.redirect() };
      case 'w:sdt':
        return {
          kind: 'sdt',
          outer: this.out,
          sink: this.redirect(),
          checkbox: false,
          found: false,
          seen: 0,
        };
      default:
        return this.tablePart(name);
    }
  }

  /**
   * A paragraph's, run's, control's, row's or cell's own part (its
   * properties, a control's content): only the first of each is read, as
   * mammoth reads only the first; elsewhere it is skipped.
   */
  private ownPart(top: Frame, name: string, [parent, bit]: OwnPart): Frame | undefined {
    if (top.kind !== parent || !('seen' in top) || top.seen & bit) return undefined;
    top.seen |= bit;
    switch (top.kind) {
      case 'p':
        return { kind: 'pPr', paragraph: top, sawRPr: false };
      case 'r':
        return { kind: 'rPr', run: top };
      case 'sdt':
        return name === 'w:sdtPr' ? { kind: 'sdtPr', sdt: top } : { kind: 'pass' };
      case 'tr':
        return { kind: 'trPr', row: top };
      case 'tc':
        return { kind: 'tcPr', cell: top.cell, sawSpan: false, sawMerge: false };
      default:
        return undefined;
    }
  }

  private tablePart(name: string): Frame | undefined {
    switch (name) {
      case 'w:tbl':
        this.produced();
        return { kind: 'tbl', outer: this.out, sink: this.redirect(), rows: [], foreign: false };
      case 'w:tr':
        if (this.structural.at(-1)?.kind !== 'tbl') this.produced();
        return {
          kind: 'tr',
          outer: this.out,
          sink: this.redirect(),
          row: { items: [] },
          foreign: false,
          deleted: false,
          seen: 0,
        };
      case 'w:tc':
        if (this.structural.at(-1)?.kind !== 'tr') this.produced();
        return {
          kind: 'tc',
          outer: this.out,
          sink: this.redirect(),
          cell: { content: [], colSpan: 1, continues: false },
          seen: 0,
        };
      default:
        return undefined;
    }
  }

  /** Where an element that collects what is written inside it writes, until it closes. */
  private redirect(): Piece[] {
    this.out = [];
    return this.out;
  }

  private runProperty(run: RunFrame, name: string, attributes: Record<string, string>): void {
    if (name === 'w:b' && !run.sawB) {
      run.sawB = true;
      run.bold = isOn(attributes['w:val']);
    } else if (name === 'w:rStyle' && run.style === undefined) {
      run.style = attributes['w:val'] ?? '';
    }
  }

  /** A line break; a page or column break is no text, but still something in a table. */
  private lineBreak(type: string | undefined): void {
    if (type === undefined || type === 'textWrapping') {
      this.produced();
      this.out.push('<br>');
    } else if (type === 'page' || type === 'column') {
      this.produced();
    }
  }

  /** A Word symbol in a dingbat font, as the Unicode character it shows. */
  private symbol(attributes: Record<string, string>): void {
    const font = attributes['w:font'] ?? '';
    const char = attributes['w:char'] ?? '';
    let unicode = dingbatHex(font, char);
    if (unicode === undefined && /^F0..$/u.test(char)) unicode = dingbatHex(font, char.slice(2));
    if (unicode === undefined) return;
    this.produced();
    this.emitText(unicode.string);
  }

  /**
   * Something that is not a row stands in a table, or not a cell in a row:
   * mammoth then keeps every merged cell, and so must this.
   */
  private produced(): void {
    const owner = this.structural.at(-1);
    if (owner?.kind === 'tbl' || owner?.kind === 'tr') owner.foreign = true;
  }

  /**
   * Writes text. Inside a checkbox content control the first text is the box's
   * character (☐, ☒): the box replaces it, and a box is no text.
   */
  private emitText(text: string): void {
    if (text.length > 0 && this.checkboxes.length > 0) {
      this.checkboxes.pop()!.found = true;
      return;
    }
    append(this.out, escapeHtml(text));
  }

  private leave(frame: Frame): void {
    switch (frame.kind) {
      case 't':
        this.emitText(frame.text);
        return;
      case 'r':
        this.out = frame.outer;
        if (frame.sink.length === 0) return;
        if (frame.bold || (frame.style !== undefined && this.strongStyles.has(frame.style))) {
          this.out.push('<strong>', frame.sink, '</strong>');
        } else {
          this.out.push(frame.sink);
        }
        return;
      case 'p':
        this.leaveParagraph(frame);
        return;
      case 'pict': {
        this.out = frame.outer;
        // A picture's text boxes follow the paragraph that holds the picture.
        const paragraph = this.paragraphs.at(-1);
        if (paragraph) append(paragraph.extras, frame.sink);
        return;
      }
      case 'sdt':
        this.out = frame.outer;
        if (this.checkboxes.at(-1) === frame) this.checkboxes.pop();
        // A checkbox with no character: mammoth puts the box alone in its place.
        if (!frame.checkbox || frame.found) append(this.out, frame.sink);
        return;
      case 'tc':
        this.out = frame.outer;
        frame.cell.content = frame.sink;
        this.leaveCell(frame.cell);
        return;
      case 'tr':
        this.out = frame.outer;
        if (frame.deleted) return;
        append(frame.row.items, frame.sink);
        this.leaveRow(frame);
        return;
      case 'tbl':
        this.out = frame.outer;
        this.out.push(tableHtml(frame));
        return;
      case 'body':
        this.out = frame.outer;
        return;
      default:
        return;
    }
  }

  private leaveParagraph(frame: ParagraphFrame): void {
    this.out = frame.outer;
    if (frame.deleted) {
      append(this.pendingContent, frame.sink);
      append(this.pendingExtras, frame.extras);
      return;
    }
    if (this.pendingContent.length > 0 || this.pendingExtras.length > 0) {
      append(this.pendingContent, frame.sink);
      append(this.pendingExtras, frame.extras);
      frame.sink = this.pendingContent;
      frame.extras = this.pendingExtras;
      this.pendingContent = [];
      this.pendingExtras = [];
    }
    if (frame.sink.length > 0) this.out.push('<p>', frame.sink, '</p>');
    append(this.out, frame.extras);
  }

  /** A cell joins its row, after what the row has written before it. */
  private leaveCell(cell: Cell): void {
    const owner = this.structural.at(-1);
    if (owner?.kind === 'tr') {
      append(owner.row.items, owner.sink.splice(0));
      owner.row.items.push(cell);
    } else this.out.push('<td>', cell.content, '</td>');
  }

  /** A row joins its table, after what the table has written before it. */
  private leaveRow(frame: RowFrame): void {
    const owner = this.structural.at(-1);
    if (owner?.kind === 'tbl') {
      if (frame.foreign) owner.foreign = true;
      append(owner.rows, owner.sink.splice(0));
      owner.rows.push(frame.row);
    } else {
      this.out.push(rowHtml(frame.row, () => true));
    }
  }
}

/** Adds `piece` unless it is empty, so that a paragraph with nothing in it stays empty. */
function append<T>(target: (T | Piece)[], piece: Piece): void {
  if (piece.length > 0) target.push(piece);
}

function cellProperty(
  frame: CellPropertiesFrame,
  name: string,
  attributes: Record<string, string>,
): void {
  if (name === 'w:gridSpan' && !frame.sawSpan) {
    frame.sawSpan = true;
    const span = attributes['w:val'];
    frame.cell.colSpan = span ? parseInt(span, 10) : 1;
  } else if (name === 'w:vMerge' && !frame.sawMerge) {
    frame.sawMerge = true;
    const value = attributes['w:val'];
    frame.cell.continues = value === 'continue' || !value;
  }
}

const isCell = (item: Cell | Piece[]): item is Cell => !Array.isArray(item);
const isRow = (item: Row | Piece[]): item is Row => !Array.isArray(item);

function rowHtml(row: Row, keep: (cell: Cell) => boolean): Piece[] {
  const pieces: Piece[] = ['<tr>'];
  for (const item of row.items) {
    if (!isCell(item)) pieces.push(item);
    else if (keep(item)) pieces.push('<td>', item.content, '</td>');
  }
  pieces.push('</tr>');
  return pieces;
}

/**
 * A table, its vertically merged cells folded as mammoth folds them: a cell
 * that continues a merge above it drops out (its text too), unless something
 * other than rows and cells stands in the table.
 */
function tableHtml(table: TableFrame): Piece[] {
  const dropped = new Set<Cell>();
  if (!table.foreign) {
    const columns = new Map<number, Cell>();
    for (const row of table.rows) {
      if (!isRow(row)) continue;
      let column = 0;
      for (const item of row.items) {
        if (!isCell(item)) continue;
        if (item.continues && columns.has(column)) dropped.add(item);
        else columns.set(column, item);
        column += item.colSpan;
      }
    }
  }
  const pieces: Piece[] = ['<table>'];
  for (const row of table.rows) {
    pieces.push(isRow(row) ? rowHtml(row, (cell) => !dropped.has(cell)) : row);
  }
  pieces.push(table.sink, '</table>');
  return pieces;
}

/** The rope joined, without recursion: pieces nest as deep as the document. */
export function joinPieces(root: Piece[]): string {
  const out: string[] = [];
  const stack: { pieces: Piece[]; next: number }[] = [{ pieces: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.pieces.length) {
      stack.pop();
      continue;
    }
    const piece = top.pieces[top.next++];
    if (typeof piece === 'string') out.push(piece);
    else stack.push({ pieces: piece, next: 0 });
  }
  return out.join('');
}
