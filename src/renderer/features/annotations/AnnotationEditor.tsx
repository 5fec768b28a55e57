/**
 * The note of one highlight (or of a selection about to become one): colour,
 * note, tags; Ctrl/Cmd+Enter saves, Esc cancels and returns focus. Taken
 * down by something else than the reader (another report opened, by Ctrl+O,
 * a drop or the desktop menu), it keeps what was typed: saved, not lost.
 */
import {
  FloatingFocusManager,
  useDismiss,
  useFloating,
  useInteractions,
  useRole,
} from '@floating-ui/react';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
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
  const keep = useKeepTyped(target, { color, note, tags: parseTags(tags) });
  // Only for focus and dismissal; FloatingBox does the positioning.
  const { context, refs } = useFloating({
    open: true,
    onOpenChange: (open) => {
      if (!open) cancel();
    },
  });
  const { getFloatingProps } = useInteractions([
    useDismiss(context, { outsidePress: true }),
    useRole(context, { role: 'dialog' }),
  ]);
  const cancel = () => {
    keep.settled();
    onClose();
  };
  const save = () => {
    keep.settled();
    void target.save({ color, note, tags: parseTags(tags) });
  };
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
                  onClick={() => {
                    keep.settled();
                    target.remove?.();
                  }}
                >
                  删除
                </button>
              )}
              <button type="button" className="tool-button" onClick={cancel}>
                取消
              </button>
            </div>
          </div>
        </FloatingFocusManager>
      )}
    </FloatingBox>
  );
}

const sameValue = (a: EditorValue, b: EditorValue) =>
  a.color === b.color && a.note === b.note && a.tags.join('\n') === b.tags.join('\n');

/**
 * Saves what was typed when the editor goes without the reader having saved,
 * cancelled or deleted (settled): the report it belongs to was taken down.
 * Nothing typed, nothing saved: an empty 批注… leaves no highlight behind.
 */
function useKeepTyped(target: NoteTarget, value: EditorValue): { settled(): void } {
  const latest = useRef({ target, value, settled: false });
  useLayoutEffect(() => {
    latest.current.target = target;
    latest.current.value = value;
  });
  useEffect(() => {
    const held = latest.current;
    held.settled = false;
    return () => {
      if (held.settled || sameValue(held.value, held.target.initial)) return;
      void held.target.save(held.value);
    };
  }, []);
  return {
    settled() {
      latest.current.settled = true;
    },
  };
}
