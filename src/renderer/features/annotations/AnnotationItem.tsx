/** One annotation in the 批注 list: its place, quote, note and tags; jump, 编辑, 删除. */
import type { Anchored, Annotation } from '../../../shared/user-data';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { DeleteRowButton } from '../sidebar/DeleteRowButton';
import { placeOf, shortQuote } from './annotation-view';

export function AnnotationItem({ annotation }: { annotation: Anchored<Annotation> }) {
  const { document, doc, userData, settings, annotating, sidebar } = useReader();
  const readOnly = useStore(userData, (state) => state.data.readOnly);
  const colorNames = useStore(settings, (state) => state.colorNames);
  const place =
    annotation.anchor.status === 'orphan'
      ? undefined
      : placeOf(document, doc, annotation.anchor.start);
  return (
    <li className={`panel-item annotation-item annotation-${annotation.color}`}>
      <button
        type="button"
        className="panel-item-jump row-button annotation-jump"
        disabled={!place}
        onClick={() => {
          annotating.showAnnotation(annotation);
          sidebar.closeIfCovering();
        }}
        aria-label={
          place ? `跳到${place.label}：${shortQuote(annotation.target.quote.exact, 30)}` : undefined
        }
      >
        <span className="panel-item-place annotation-place">
          {place
            ? `${place.label}${annotation.anchor.status === 'fuzzy' ? '（近似定位）' : ''}`
            : '未能定位'}
          <span className="annotation-color-name">{colorNames[annotation.color]}</span>
        </span>
        <span className="annotation-quote">{shortQuote(annotation.target.quote.exact)}</span>
      </button>
      {annotation.note.trim() !== '' && <p className="annotation-note">{annotation.note}</p>}
      {annotation.tags.length > 0 && (
        <p className="annotation-tags">
          {annotation.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
            </span>
          ))}
        </p>
      )}
      <div className="button-row">
        {place && (
          <button
            type="button"
            className="link-button"
            onClick={(event) => annotating.editAnnotation(annotation, event.currentTarget)}
          >
            编辑
          </button>
        )}
        <DeleteRowButton
          panel=".annotations-panel"
          disabled={readOnly}
          onDelete={() => void userData.deleteAnnotation(annotation.id)}
        />
      </div>
    </li>
  );
}
