/** The 批注 list's filters (colour, text, tag) and order. */
import type { Dispatch, SetStateAction } from 'react';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/user-data';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { QueryField } from '../../ui/QueryField';
import type { AnnotationFilter, AnnotationOrder } from './annotation-view';

const ORDER_LABELS: Record<AnnotationOrder, string> = { document: '原文顺序', time: '最新在前' };

export interface FilterState {
  filter: AnnotationFilter;
  setFilter: Dispatch<SetStateAction<AnnotationFilter>>;
  order: AnnotationOrder;
  setOrder(order: AnnotationOrder): void;
  /** Every tag in use, most used first. */
  tags: string[];
}

export function AnnotationFilters({ state }: { state: FilterState }) {
  const { settings } = useReader();
  const colorNames = useStore(settings, (settingsNow) => settingsNow.colorNames);
  const { filter, setFilter, order, setOrder, tags } = state;
  const toggleColor = (color: HighlightColor) =>
    setFilter((old) => ({
      ...old,
      colors: old.colors.includes(color)
        ? old.colors.filter((c) => c !== color)
        : [...old.colors, color],
    }));
  return (
    <div className="annotation-filters">
      <div className="color-filters" role="group" aria-label="按颜色筛选">
        {HIGHLIGHT_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className={`color-filter swatch-${color}`}
            aria-pressed={filter.colors.includes(color)}
            onClick={() => toggleColor(color)}
          >
            {colorNames[color]}
          </button>
        ))}
      </div>
      <QueryField
        initial={filter.text}
        onQuery={(text) => setFilter((old) => ({ ...old, text }))}
        className="filter-text field"
        label="筛选批注"
        placeholder="筛选：原文、批注或标签"
      />
      {tags.length > 0 && (
        <select
          className="field"
          aria-label="按标签筛选"
          value={filter.tag ?? ''}
          onChange={(event) => setFilter((old) => ({ ...old, tag: event.target.value || null }))}
        >
          <option value="">全部标签</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              #{tag}
            </option>
          ))}
        </select>
      )}
      <ChoiceGroup<AnnotationOrder>
        className="result-order"
        label="排序"
        options={['document', 'time']}
        value={order}
        labelOf={(option) => ORDER_LABELS[option]}
        onChoose={setOrder}
      />
    </div>
  );
}
