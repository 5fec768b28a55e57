/** The toolbar's 字号 (A− size A+) and 主题 controls: each a command from the registry. */
import { THEMES } from '../../../shared/settings';
import { useReader } from '../../app/context';
import { CommandButton } from '../../commands/CommandButton';
import { useCheckedOption } from '../../commands/useCommand';
import { useStore } from '../../store';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { THEME_LABELS, themeCommandId } from './commands';

export function FontSizeControls() {
  const { settings, commands } = useReader();
  const fontSize = useStore(settings, (state) => state.fontSize);
  return (
    <div className="toolbar-group" role="group" aria-label="字号">
      <CommandButton registry={commands} id="font.decrease">
        A−
      </CommandButton>
      <output className="font-size-value" aria-live="polite" aria-label="当前字号">
        {fontSize}
      </output>
      <CommandButton registry={commands} id="font.increase">
        A+
      </CommandButton>
    </div>
  );
}

/** One radio per theme: checked as its command says, chosen by running it. */
export function ThemePicker() {
  const { commands } = useReader();
  const chosen = useCheckedOption(commands, THEMES, themeCommandId) ?? THEMES[0];
  return (
    <ChoiceGroup
      className="toolbar-group theme-picker"
      label="主题"
      options={THEMES}
      value={chosen}
      labelOf={(theme) => THEME_LABELS[theme]}
      onChoose={(theme) => void commands.run(themeCommandId(theme))}
    />
  );
}
