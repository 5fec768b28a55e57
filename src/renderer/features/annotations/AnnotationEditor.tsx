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
import { parseTags, shortQuote } from './annotation-view';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { FloatingBox } from '../../ui/FloatingBox';

export interface EditorValue {
  color: HighlightColor;
  note: string;
  tags: string[];
}

interface Props {
  quote: string;
  initial: EditorValue;
  isNew: boolean;
  readOnly: boolean;
  rect(): DOMRect;
  pane: HTMLElement;
  colorNames: Record<HighlightColor, string>;
  onSave(value: EditorValue): void;
  onDelete(): void;
  onClose(): void;
}

export function AnnotationEditor(props: Props) {
  const [color, setColor] = useState(props.initial.color);
  const [note, setNote] = useState(props.initial.note);
  const [tags, setTags] = useState(props.initial.tags.join('，'));
  // Only for focus and dismissal; FloatingBox does the positioning.
  const { context, refs } = useFloating({
    open: true,
    onOpenChange: (open) => {
      if (!open) props.onClose();
    },
  });
  const { getFloatingProps } = useInteractions([
    useDismiss(context, { outsidePress: true }),
    useRole(context, { role: 'dialog' }),
  ]);
  const save = () => props.onSave({ color, note, tags: parseTags(tags) });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };
  return (
    <FloatingBox
      rect={props.rect}
      within={props.pane}
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
            aria-label={props.isNew ? '新批注' : '批注'}
            {...getFloatingProps({ onKeyDown })}
          >
            <blockquote className="editor-quote">{shortQuote(props.quote, 80)}</blockquote>
            <ChoiceGroup<HighlightColor>
              className="editor-colors"
              label="颜色"
              options={HIGHLIGHT_COLORS}
              value={color}
              labelOf={(option) => props.colorNames[option]}
              optionClass={(option) => `swatch-${option}`}
              onChoose={setColor}
            />
            <label className="editor-field">
              <span>批注</span>
              <textarea
                value={note}
                rows={4}
                autoFocus
                readOnly={props.readOnly}
                placeholder="写下想法、要问的问题、发言要点……"
                onChange={(event) => setNote(event.target.value)}
              />
            </label>
            <label className="editor-field">
              <span>标签</span>
              <input
                value={tags}
                readOnly={props.readOnly}
                placeholder="用逗号或空格分隔，如：预算，民生"
                onChange={(event) => setTags(event.target.value)}
              />
            </label>
            <div className="editor-actions">
              <button
                type="button"
                className="tool-button primary"
                disabled={props.readOnly}
                onClick={save}
                title="Ctrl+Enter"
              >
                保存
              </button>
              {!props.isNew && (
                <button
                  type="button"
                  className="tool-button danger"
                  disabled={props.readOnly}
                  onClick={props.onDelete}
                >
                  删除
                </button>
              )}
              <button type="button" className="tool-button" onClick={props.onClose}>
                取消
              </button>
            </div>
          </div>
        </FloatingFocusManager>
      )}
    </FloatingBox>
  );
}
