/** The small toolbar over a selection: a highlight in one of five colours, or a note. */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/user-data';
import type { TextSelection } from './useAnnotating';
import { FloatingBox } from '../../ui/FloatingBox';

interface Props {
  selection: TextSelection;
  pane: HTMLElement;
  colorNames: Record<HighlightColor, string>;
  readOnly: boolean;
  onHighlight(color: HighlightColor): void;
  onNote(): void;
  /** Explain the selected phrase as a term of the reader's own (名词解释). */
  onTerm?(): void;
}

export function SelectionToolbar({
  selection,
  pane,
  colorNames,
  readOnly,
  onHighlight,
  onNote,
  onTerm,
}: Props) {
  return (
    <FloatingBox rect={selection.rect} within={pane} className="floating-layer">
      {({ setFloating, style }) => (
        <div
          ref={setFloating}
          style={style}
          className="selection-toolbar"
          role="toolbar"
          aria-label="批注工具"
          // Pressing a button must not clear the selection it acts on.
          onMouseDown={(event) => event.preventDefault()}
        >
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch swatch-${color}`}
              aria-label={`高亮：${colorNames[color]}`}
              title={`高亮：${colorNames[color]}（Ctrl+Shift+H）`}
              disabled={readOnly}
              onClick={() => onHighlight(color)}
            />
          ))}
          <button type="button" className="tool-button" disabled={readOnly} onClick={onNote}>
            批注…
          </button>
          {onTerm && (
            <button
              type="button"
              className="tool-button"
              title="为选中词语添加我的注释（d）"
              disabled={readOnly}
              onClick={onTerm}
            >
              注释词语…
            </button>
          )}
        </div>
      )}
    </FloatingBox>
  );
}
