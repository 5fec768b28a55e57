/** What a term's popover shows, drawn from its PopoverModel. */
import { useState } from 'react';
import type { OccurrenceRef, PopoverModel } from './glossary-popover';

interface Props {
  model: PopoverModel;
  /** Id of the title, which labels the dialog. */
  labelId: string;
  onStep(ref: OccurrenceRef): void;
  onAppendix(block: string): void;
  /** For the reader's own terms (absent when their data is read-only). */
  mine?: { edit(): void; remove(): void };
}

export function GlossaryPopover({ model, labelId, onStep, onAppendix, mine }: Props) {
  const { previous, next, appendix } = model;
  /** Deleting asks once more, in place: a note is the reader's own work. */
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <p className="popover-kind">{model.heading}</p>
      <h2 className="popover-term" id={labelId}>
        {model.title}
      </h2>
      <p className="popover-definition">{model.definition}</p>
      <div className="popover-nav">
        {/* With a single occurrence there is nowhere to step: show where, not two dead buttons. */}
        {(previous || next) && (
          <button
            type="button"
            className="popover-step"
            disabled={!previous}
            onClick={() => previous && onStep(previous)}
          >
            上一处
          </button>
        )}
        <span className="popover-position" aria-live="polite">
          {model.position}
        </span>
        {(previous || next) && (
          <button
            type="button"
            className="popover-step"
            disabled={!next}
            onClick={() => next && onStep(next)}
          >
            下一处
          </button>
        )}
      </div>
      {appendix && (
        <a
          href={`#${appendix}`}
          className="popover-appendix"
          onClick={(event) => {
            event.preventDefault();
            onAppendix(appendix);
          }}
        >
          查看附件中的解释
        </a>
      )}
      {model.source === 'user' && mine && (
        <div className="popover-actions">
          <button type="button" className="popover-step" onClick={mine.edit}>
            编辑
          </button>
          {confirming ? (
            <button type="button" className="popover-step popover-danger" onClick={mine.remove}>
              确认删除
            </button>
          ) : (
            <button type="button" className="popover-step" onClick={() => setConfirming(true)}>
              删除
            </button>
          )}
        </div>
      )}
    </>
  );
}
