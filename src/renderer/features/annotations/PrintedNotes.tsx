/**
 * The reader's notes as they print: after the report, each with its place,
 * quote, note and tags, in reading order, numbered as the references in the
 * text are. Hidden on screen; the highlights
 * themselves print in the text (print-color-adjust keeps their colours).
 */
import { createPortal } from 'react-dom';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { annotationsWithWords, placeOf } from './annotation-view';

export function PrintedNotes() {
  const { slots, document, doc, userData, settings } = useReader();
  const annotations = useStore(userData, (state) => state.data.annotations);
  const colorNames = useStore(settings, (state) => state.colorNames);
  // Numbered as their markers in the text are (note-markers.ts).
  const withWords = annotationsWithWords(annotations);
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
    slots.pane,
  );
}
