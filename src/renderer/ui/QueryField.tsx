/**
 * A field that filters a list as the reader types, except while an input
 * method's composition is under way: pinyin being typed (`minsheng`) never
 * filters, and so never empties the list; the committed words (`民生`) do.
 */
import { useState } from 'react';

interface Props {
  initial: string;
  /** The words to filter by, each time they change outside a composition. */
  onQuery(text: string): void;
  label: string;
  placeholder: string;
  className: string;
}

export function QueryField({ initial, onQuery, label, placeholder, className }: Props) {
  // The box's own text; the filter takes it whenever no composition is under way.
  const [text, setText] = useState(initial);
  const [composing, setComposing] = useState(false);
  return (
    <input
      type="search"
      className={className}
      aria-label={label}
      placeholder={placeholder}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        if (!composing) onQuery(event.target.value);
      }}
      onCompositionStart={() => setComposing(true)}
      onCompositionEnd={(event) => {
        setComposing(false);
        setText(event.currentTarget.value);
        onQuery(event.currentTarget.value);
      }}
    />
  );
}
