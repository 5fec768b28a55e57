/**
 * Gives every marked term in the text its popover. Renders nothing in place:
 * the terms are pre-rendered, and an open popover goes to a portal.
 */
import { FloatingFocusManager, FloatingPortal, type OpenChangeReason } from '@floating-ui/react';
import { useId, useMemo } from 'react';
import { popoverModel, type OccurrenceRef, type TermEntry } from '../lib/glossary-popover';
import type { Glossary, TermAnchor } from '../hooks/useGlossary';
import { useTermPopover } from '../hooks/useTermPopover';
import { GlossaryPopover } from './GlossaryPopover';

interface Props {
  glossary: Glossary;
  onAppendix(block: string): void;
}

export function GlossaryTerms({ glossary, onAppendix }: Props) {
  const { entries, anchors, openKey, setOpenKey, show } = glossary;
  const byId = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);
  return anchors.map((anchor) => {
    const entry = byId.get(anchor.entry);
    if (!entry) return null;
    return (
      <TermPopover
        key={anchor.key}
        anchor={anchor}
        entry={entry}
        open={openKey === anchor.key}
        onOpenChange={(open, reason) => {
          // Esc from inside the popover: focus goes back to the term it belongs to.
          if (!open && reason === 'escape-key') {
            if (window.document.activeElement?.closest('.glossary-popover')) {
              anchor.element.focus({ preventScroll: true });
            }
          }
          // A late "close" from one term must not close another that has just opened.
          setOpenKey((current) => (open ? anchor.key : current === anchor.key ? null : current));
        }}
        onStep={show}
        onAppendix={(block) => {
          setOpenKey(null);
          onAppendix(block);
        }}
      />
    );
  });
}

interface TermPopoverProps {
  anchor: TermAnchor;
  entry: TermEntry;
  open: boolean;
  onOpenChange(open: boolean, reason?: OpenChangeReason): void;
  onStep(ref: OccurrenceRef): void;
  onAppendix(block: string): void;
}

function TermPopover({ anchor, entry, open, onOpenChange, onStep, onAppendix }: TermPopoverProps) {
  const labelId = useId();
  const { setFloating, floatingStyles, context, getFloatingProps, hidden } = useTermPopover(
    anchor.element,
    open,
    onOpenChange,
  );
  if (!open) return null;
  const model = popoverModel(entry, anchor.index);
  return (
    <FloatingPortal>
      {/* Opening never takes focus (hover must not); Tab from the term moves into it. */}
      <FloatingFocusManager context={context} modal={false} initialFocus={-1} returnFocus={false}>
        <div
          ref={setFloating}
          className={`glossary-popover source-${model.source}`}
          style={{ ...floatingStyles, visibility: hidden ? 'hidden' : undefined }}
          {...getFloatingProps({ 'aria-labelledby': labelId })}
        >
          <GlossaryPopover
            model={model}
            labelId={labelId}
            onStep={onStep}
            onAppendix={onAppendix}
          />
        </div>
      </FloatingFocusManager>
    </FloatingPortal>
  );
}
