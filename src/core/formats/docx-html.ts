/**
 * A .docx as the plain HTML the text pipeline reads (html-text.ts): each
 * paragraph, bold run and line break of its body (docx-body.ts), then the
 * footnotes and endnotes it refers to, as mammoth (the library this replaced)
 * gave them, checked against mammoth in tests/unit/formats/docx-reader.test.ts.
 * The parts are found as mammoth found them: the main document through the
 * package's relationships, its styles and notes through the document's.
 *
 * mammoth built a DOM, a tree of its own, a document model and an HTML tree,
 * with a result object per element: 1–1.7 s of CPU per MB of one-character
 * paragraphs or runs, over issue 14's 1 s/MB, and it threw on an element
 * called `constructor`. This reads each XML part once, linear in its size
 * whatever its shape. The zip is read within bounds first (docx-zip.ts); no
 * file outside it is read and no relationship target is followed.
 */
import { BodyReader, joinPieces, NAMESPACES, type NoteReference, type Piece } from './docx-body';
import { boundedDocxParts } from './docx-zip';
import { docxDamaged } from './errors';
import { scanXml } from './xml-scan';

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const utf8 = new TextDecoder('utf-8');

interface Relationship {
  target: string;
  type: string;
}

/** The Relationship elements of a `.rels` part (none when it is missing). */
function readRelationships(xml: string | undefined): Relationship[] {
  const found: Relationship[] = [];
  if (xml === undefined) return found;
  let depth = 0;
  scanXml(xml, NAMESPACES, {
    open(name, attributes) {
      depth++;
      if (depth === 2 && name === 'rel:Relationship') {
        found.push({ target: attributes.Target ?? '', type: attributes.Type ?? '' });
      }
    },
    close: () => void depth--,
    text: () => undefined,
  });
  return found;
}

/** mammoth's path join: a part that starts with `/` starts again from the root. */
function joinPath(...paths: string[]): string {
  let relevant: string[] = [];
  for (const path of paths.filter((path) => path !== '')) {
    if (path.startsWith('/')) relevant = [path];
    else relevant.push(path);
  }
  return relevant.join('/');
}

const dirname = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

class DocxParts {
  constructor(private readonly parts: Map<string, Uint8Array>) {}

  has(name: string): boolean {
    return this.parts.has(name);
  }

  text(name: string): string | undefined {
    const bytes = this.parts.get(name);
    return bytes === undefined ? undefined : utf8.decode(bytes);
  }

  /** The first target of this type that exists, as mammoth finds a part; else the usual path. */
  find(relationships: Relationship[], type: string, base: string, fallback: string): string {
    for (const relationship of relationships) {
      if (relationship.type !== RELATIONSHIP + type) continue;
      const path = joinPath(base, relationship.target).replace(/^\//u, '');
      if (this.parts.has(path)) return path;
    }
    return fallback;
  }
}

/** Character styles named `Strong` (any case): mammoth's default style map makes them bold. */
function readStrongStyles(xml: string | undefined): Set<string> {
  const strong = new Set<string>();
  const seen = new Set<string>();
  if (xml === undefined) return strong;
  let depth = 0;
  let style: { id: string; character: boolean; named: boolean } | undefined;
  scanXml(xml, NAMESPACES, {
    open(name, attributes) {
      depth++;
      if (depth === 2 && name === 'w:style') {
        style = {
          id: attributes['w:styleId'] ?? '',
          character: attributes['w:type'] === 'character',
          named: false,
        };
      } else if (depth === 3 && style && name === 'w:name' && !style.named) {
        style.named = true;
        // The first definition of an id is the one that counts.
        if (style.character && !seen.has(style.id)) {
          seen.add(style.id);
          if ((attributes['w:val'] ?? '').toUpperCase() === 'STRONG') strong.add(style.id);
        }
      }
    },
    close() {
      if (depth-- === 2 && style) {
        if (style.character) seen.add(style.id);
        style = undefined;
      }
    },
    text: () => undefined,
  });
  return strong;
}

/**
 * Each note's body by `type:id`, read from the footnotes or endnotes part.
 * Separators (the line above the notes) are no notes.
 */
function readNotes(
  xml: string | undefined,
  type: NoteReference['type'],
  strongStyles: ReadonlySet<string>,
  notes: Map<string, Piece[]>,
): void {
  if (xml === undefined) return;
  const reader = new BodyReader(strongStyles, [], (name, attributes) => {
    if (name !== `w:${type}`) return undefined;
    const kind = attributes['w:type'];
    if (kind === 'separator' || kind === 'continuationSeparator') return undefined;
    const body: Piece[] = [];
    const key = `${type}:${attributes['w:id'] ?? ''}`;
    if (!notes.has(key)) notes.set(key, body);
    return body;
  });
  scanXml(xml, NAMESPACES, reader);
}

/**
 * The notes the text refers to, in the order it refers to them, each with
 * the back-link mammoth writes after it (` ↑`, which joins its last paragraph).
 */
function notesHtml(references: NoteReference[], notes: Map<string, Piece[]>): Piece[] {
  const items: Piece[] = [];
  for (const reference of references) {
    const body = notes.get(`${reference.type}:${reference.id}`);
    if (body === undefined) continue;
    // A paragraph ends its last three pieces with `</p>` (leaveParagraph).
    // A note referred to twice is listed twice, as mammoth lists it.
    const withBackLink =
      body.at(-1) === '</p>' ? [body.slice(0, -1), ' ↑', '</p>'] : [body, '<p>', ' ↑', '</p>'];
    items.push('<li>', withBackLink, '</li>');
  }
  return items.length === 0 ? [] : ['<ol>', items, '</ol>'];
}

/**
 * The .docx's text as HTML. Throws ReportFormatError `docx-too-large` for a
 * zip bomb and `docx-damaged` for a file that is no readable .docx.
 */
export function docxToHtml(bytes: Uint8Array): string {
  const parts = new DocxParts(boundedDocxParts(bytes));
  const main = parts.find(
    readRelationships(parts.text('_rels/.rels')),
    'officeDocument',
    '',
    'word/document.xml',
  );
  const document = parts.text(main);
  if (document === undefined) throw docxDamaged();
  const related = readRelationships(
    parts.text(joinPath(dirname(main), '_rels', `${basename(main)}.rels`)),
  );
  const part = (name: string) =>
    parts.text(parts.find(related, name, dirname(main), `word/${name}.xml`));
  const strongStyles = readStrongStyles(part('styles'));
  const notes = new Map<string, Piece[]>();
  readNotes(part('footnotes'), 'footnote', strongStyles, notes);
  readNotes(part('endnotes'), 'endnote', strongStyles, notes);

  const references: NoteReference[] = [];
  const body: Piece[] = [];
  let sawBody = false;
  const reader = new BodyReader(strongStyles, references, (name) => {
    if (name !== 'w:body' || sawBody) return undefined;
    sawBody = true;
    return body;
  });
  scanXml(document, NAMESPACES, reader);
  if (!sawBody) throw docxDamaged();
  return joinPieces([body, notesHtml(references, notes)]);
}
