/**
 * The reader's notes as they print: after the report, each with its place,
 * quote, note and tags, in reading order. Hidden on screen; the highlights
 * themselves print in the text (print-color-adjust keeps their colours).
 */
import { createPortal } from 'react-dom';
import type { DocumentText } from '../../../shared/doc-text';
import type { ReportDocument } from '../../../shared/document';
import type { Anchored, Annotation, HighlightColor } from '../../../shared/user-data';
import { arrangeAnnotations, NO_FILTER, placeOf } from './annotation-view';

interface Props {
  pane: HTMLElement;
  document: ReportDocument;
  doc: DocumentText;
  annotations: Anchored<Annotation>[];
  colorNames: Record<HighlightColor, string>;
}

export function PrintedNotes({ pane, document, doc, annotations, colorNames }: Props) {
  const { placed } = arrangeAnnotations(annotations, NO_FILTER, 'document');
  const withWords = placed.filter((a) => a.note.trim() !== '' || a.tags.length > 0);
  if (withWords.length === 0) return null;
  return createPortal(
    <section className="printed-notes" aria-hidden="true">
      <h2>批注</h2>
      <ol>
        {withWords.map((annotation) => {
          const place =
            annotation.anchor.status === 'orphan'
              ? undefined
              : placeOf(document, doc, annotation.anchor.start);
          return (
            <li key={annotation.id}>
              <p className="printed-place">
                {place?.label} · {colorNames[annotation.color]}
              </p>
              <blockquote>{annotation.target.quote.exact}</blockquote>
              {annotation.note.trim() !== '' && <p className="printed-note">{annotation.note}</p>}
              {annotation.tags.length > 0 && (
                <p className="printed-tags">标签：{annotation.tags.join('、')}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>,
    pane,
  );
}
