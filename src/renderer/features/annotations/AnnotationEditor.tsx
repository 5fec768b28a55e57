/**
 * The note of one highlight (or of a selection about to become one): colour,
 * note, tags; Ctrl/Cmd+Enter saves, Esc cancels and returns focus.
 *
 * What was typed is never lost without a word. A click elsewhere (in the
 * text, the sidebar, the toolbar) closes the editor and saves the note, as
 * Zotero saves a note as it is typed; so does anything else that takes the
 * editor down (another report opened, by Ctrl+O, a drop or the desktop
 * menu). Esc or 取消 with words typed sets them aside for 撤销 (annotating.ts).
 */
import {
  FloatingFocusManager,
  useDismiss,
  useFloating,
  useInteractions,
  useRole,
} from '@floating-ui/react';
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/user-data';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { FloatingBox } from '../../ui/FloatingBox';
import { parseTags, shortQuote } from './annotation-view';
import { sameValue, type EditorValue } from './annotating';

/** What the editor edits, as data: the words, the note as saved, where, and what saving does. */
export interface NoteTarget {
  key: string;
  quote: string;
  /** The note as saved (empty for a new one): what typing is measured against. */
  initial: EditorValue;
  /** What the editor starts from instead: words typed before and not yet saved. */
  draft?: EditorValue;
  rect(): DOMRect;
  save(value: EditorValue): Promise<void>;
  /** Esc or 取消: closes, setting aside any words typed. */
  cancel(value: EditorValue): void;
  /** A click elsewhere: closes, and the words are saved as it goes (useKeepTyped). */
  close(): void;
  /** Only for a note already saved. */
  remove?(): void;
}

export function AnnotationEditor({ target }: { target: NoteTarget }) {
  const { slots, settings, userData } = useReader();
  const colorNames = useStore(settings, (state) => state.colorNames);
  const readOnly = useStore(userData, (state) => state.data.readOnly);
  const [first] = useState(() => target.draft ?? target.initial);
  const [color, setColor] = useState(first.color);
  const [note, setNote] = useState(first.note);
  const [tags, setTags] = useState(first.tags.join('，'));
  const value: EditorValue = { color, note, tags: parseTags(tags) };
  const keep = useKeepTyped(target, value);
  // Where focus was when the editor opened (the paragraph of a keyboard selection, a
  // note's marker), taken before the note field's autoFocus: the focus manager's own
  // record is taken after it, the field, gone once the editor closes, and focus fell
  // to the page. Saved or cancelled, the reader is back where they were.
  const [opener] = useState(() => {
    const focused = document.activeElement;
    return {
      current: focused instanceof HTMLElement && focused !== document.body ? focused : null,
    };
  });
  // Only for focus and dismissal; FloatingBox does the positioning.
  const { context, refs } = useFloating({
    open: true,
    onOpenChange: (open, _event, reason) => {
      if (open) return;
      // Esc is the reader's own cancel; every other way out (a press outside) keeps the note.
      if (reason === 'escape-key') cancel();
      else target.close();
    },
  });
  const { getFloatingProps } = useInteractions([
    useDismiss(context, { outsidePress: true }),
    useRole(context, { role: 'dialog' }),
  ]);
  const cancel = () => {
    keep.settled();
    target.cancel(value);
  };
  const save = () => {
    keep.settled();
    void target.save(value);
  };
  // A key that sends focus elsewhere (Ctrl+F to the search box) leaves as a click elsewhere does.
  // Focus on the focus manager's guards (Tab at either end) stays within the editor.
  const onBlur = (event: FocusEvent) => {
    const to = event.relatedTarget;
    if (!(to instanceof HTMLElement) || event.currentTarget.contains(to)) return;
    if (to.hasAttribute('data-floating-ui-focus-guard')) return;
    target.close();
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
      beside={slots.sidebar}
      placement="bottom"
      className="floating-layer"
    >
      {({ setFloating, style }) => (
        <FloatingFocusManager context={context} returnFocus={opener.current ? opener : true}>
          <div
            ref={(node) => {
              setFloating(node);
              refs.setFloating(node);
            }}
            style={style}
            className="annotation-editor"
            aria-label={target.remove ? '批注' : '新批注'}
            {...getFloatingProps({ onKeyDown, onBlur })}
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

/**
 * Saves what was typed when the editor goes without the reader having saved,
 * cancelled or deleted (settled): a click elsewhere, or the report it belongs
 * to taken down. Nothing typed, nothing saved: an empty 批注… left by a click
 * elsewhere leaves no highlight behind.
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
