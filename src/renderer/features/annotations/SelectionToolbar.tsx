/**
 * The small toolbar over a selection: a highlight in one of five colours
 * (each a dot with its name, 重点 / 疑问 / …, as the reader named them), a
 * note, or a term of the reader's own. Each button is a registered command:
 * its enabled state and keys come from the registry. Only the colour the
 * highlight key would use names that key.
 */
import { HIGHLIGHT_COLORS } from '../../../shared/user-data';
import { useReader } from '../../app/context';
import { IS_MAC } from '../../commands/keys';
import { titleWithKeys } from '../../commands/shortcut-labels';
import { useCommand } from '../../commands/useCommand';
import { useStore } from '../../store';
import { FloatingBox } from '../../ui/FloatingBox';
import type { TextSelection } from './annotating';

export function SelectionToolbar({ selection }: { selection: TextSelection }) {
  const { slots, settings, commands, annotating, userData } = useReader();
  // Read-only notes: the buttons are shown greyed; the keys say why (annotations/commands.ts).
  const readOnly = useStore(userData, (state) => state.data.readOnly);
  const colorNames = useStore(settings, (state) => state.colorNames);
  const lastColor = useStore(annotating, (state) => state.lastColor);
  const highlight = useCommand(commands, 'annotation.highlight');
  const note = useCommand(commands, 'annotation.note');
  const term = useCommand(commands, 'glossary.addTerm');
  return (
    <FloatingBox
      rect={selection.rect}
      within={slots.pane}
      beside={slots.sidebar}
      className="floating-layer"
    >
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
              className={`swatch-button swatch-${color}`}
              aria-label={`高亮：${colorNames[color]}`}
              title={
                color === lastColor
                  ? titleWithKeys(colorNames[color], highlight.command.keys, IS_MAC, '高亮：')
                  : `高亮：${colorNames[color]}`
              }
              disabled={readOnly || !highlight.enabled}
              onClick={() => {
                annotating.chooseColor(color);
                commands.run('annotation.highlight');
              }}
            >
              <span className="swatch" aria-hidden="true" />
              {colorNames[color]}
            </button>
          ))}
          <button
            type="button"
            className="tool-button"
            disabled={readOnly || !note.enabled}
            onClick={() => commands.run('annotation.note')}
          >
            批注…
          </button>
          <button
            type="button"
            className="tool-button"
            title={titleWithKeys(term.command.label, term.command.keys, IS_MAC)}
            disabled={!term.enabled}
            onClick={() => commands.run('glossary.addTerm')}
          >
            注释词语…
          </button>
        </div>
      )}
    </FloatingBox>
  );
}
