/**
 * The note of one highlight (or of a selection about to become one): colour,
 * note, tags; Ctrl/Cmd+Enter saves, Esc cancels and returns focus.
 */
import {
  FloatingFocusManager,
  useDismiss,
  useFloating,
  useInteractions,
  useRole,
} from '@floating-ui/react';
import { useState, type KeyboardEvent } from 'react';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/user-data';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { FloatingBox } from '../../ui/FloatingBox';
import { parseTags, shortQuote } from './annotation-view';

export interface EditorValue {
  color: HighlightColor;
  note: string;
  tags: string[];
}

/** What the editor edits, as data: the words, the note as it starts, where, and what saving does. */
export interface NoteTarget {
  key: string;
  quote: string;
  initial: EditorValue;
  rect(): DOMRect;
  save(value: EditorValue): Promise<void>;
  /** Only for a note already saved. */
  remove?(): void;
}

export function AnnotationEditor({ target }: { target: NoteTarget }) {
  const { slots, settings, userData, annotating } = useReader();
  const colorNames = useStore(settings, (state) => state.colorNames);
  const readOnly = useStore(userData, (state) => state.data.readOnly);
  const onClose = annotating.closeEditor;
  const [color, setColor] = useState(target.initial.color);
  const [note, setNote] = useState(target.initial.note);
  const [tags, setTags] = useState(target.initial.tags.join('，'));
  // Only for focus and dismissal; FloatingBox does the positioning.
  const { context, refs } = useFloating({
    open: true,
    onOpenChange: (open) => {
      if (!open) onClose();
    },
  });
  const { getFloatingProps } = useInteractions([
    useDismiss(context, { outsidePress: true }),
    useRole(context, { role: 'dialog' }),
  ]);
  const save = () => void target.save({ color, note, tags: parseTags(tags) });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };
  return (
    <FloatingBox
      rect={target.rect}
      within={slots.pane}
      placement="bottom"
      className="floating-layer"
    >
      {({ setFloating, style }) => (
        <FloatingFocusManager context={context} returnFocus>
          <div
            ref={(node) => {
              setFloating(node);
              refs.setFloating(node);
            }}
            style={style}
            className="annotation-editor"
            aria-label={target.remove ? '批注' : '新批注'}
            {...getFloatingProps({ onKeyDown })}
          >
            <blockquote className="editor-quote">{shortQuote(target.quote, 80)}</blockquote>
            <ChoiceGroup<HighlightColor>
              className="editor-colors"
              label="颜色"
              options={HIGHLIGHT_COLORS}
              value={color}
              labelOf={(option) => colorNames[option]}
              optionClass={(option) => `swatch-${option}`}
              onChoose={setColor}
            />
            <label className="editor-field">
              <span>批注</span>
              <textarea
                className="field"
                value={note}
                rows={4}
                autoFocus
                readOnly={readOnly}
                placeholder="写下想法、要问的问题、发言要点……"
                onChange={(event) => setNote(event.target.value)}
              />
            </label>
            <label className="editor-field">
              <span>标签</span>
              <input
                className="field"
                value={tags}
                readOnly={readOnly}
                placeholder="用逗号或空格分隔，如：预算，民生"
                onChange={(event) => setTags(event.target.value)}
              />
            </label>
            <div className="editor-actions button-row">
              <button
                type="button"
                className="tool-button primary"
                disabled={readOnly}
                onClick={save}
                title="Ctrl+Enter"
              >
                保存
              </button>
              {target.remove && (
                <button
                  type="button"
                  className="tool-button danger"
                  disabled={readOnly}
                  onClick={target.remove}
                >
                  删除
                </button>
              )}
              <button type="button" className="tool-button" onClick={onClose}>
                取消
              </button>
            </div>
          </div>
        </FloatingFocusManager>
      )}
    </FloatingBox>
  );
}
