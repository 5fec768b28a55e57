/**
 * A row of buttons acting as one radio group (theme, result order): one is
 * checked, arrow keys move the choice, focus follows it (roving tabindex).
 */
import type { KeyboardEvent } from 'react';

interface Props<T extends string> {
  label: string;
  options: readonly T[];
  value: T;
  labelOf(option: T): string;
  onChoose(option: T): void;
  className?: string;
  /** An extra class per option, e.g. to show a colour swatch. */
  optionClass?(option: T): string;
}

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function ChoiceGroup<T extends string>(props: Props<T>) {
  const { options, value } = props;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, option: T) => {
    const step = STEPS[event.key];
    if (step === undefined) return;
    event.preventDefault();
    // Keep the reader's own ↑/↓ scrolling from also seeing this key.
    event.stopPropagation();
    const next = options[(options.indexOf(option) + step + options.length) % options.length];
    props.onChoose(next);
    const buttons = event.currentTarget.parentElement?.querySelectorAll('button');
    buttons?.[options.indexOf(next)]?.focus();
  };
  return (
    <div className={props.className} role="radiogroup" aria-label={props.label}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          className={props.optionClass ? `choice ${props.optionClass(option)}` : 'choice'}
          aria-checked={option === value}
          tabIndex={option === value ? 0 : -1}
          onClick={() => props.onChoose(option)}
          onKeyDown={(event) => onKeyDown(event, option)}
        >
          {props.labelOf(option)}
        </button>
      ))}
    </div>
  );
}
