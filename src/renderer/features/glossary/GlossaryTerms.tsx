/**
 * Gives every marked term in the text its popover. Renders nothing in place:
 * the terms are pre-rendered, and an open popover goes to a portal. Each
 * term's popover is memoised on stable props, so a popover opening or a term
 * added re-renders only the terms it changes, however many there are.
 */
import { FloatingFocusManager, FloatingPortal, type OpenChangeReason } from '@floating-ui/react';
import { memo, useEffect, useId, useMemo } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import type { GlossaryStore, TermAnchor } from './glossary-store';
import { popoverModel, type TermEntry } from './glossary-popover';
import { GlossaryPopover } from './GlossaryPopover';
import { userEntryId } from './user-terms';
import { useTermPopover, type PopoverRoom } from './useTermPopover';
import { UserTermDialog } from './UserTermDialog';

/** What every popover can do: one object for all, stable for the reader's life. */
interface Actions {
  glossary: GlossaryStore;
  onAppendix(block: string): void;
  /** The pane the popovers keep to, and the sidebar that may lie over it. */
  room: PopoverRoom;
}

export function GlossaryTerms() {
  const { glossary, userData, reading, slots } = useReader();
  const entries = useStore(glossary, (state) => state.entries);
  const anchors = useStore(glossary, (state) => state.anchors);
  const openKey = useStore(glossary, (state) => state.openKey);
  const draft = useStore(glossary, (state) => state.draft);
  const terms = useStore(userData, (state) => state.data.terms);
  const readOnly = useStore(userData, (state) => state.data.readOnly);
  const { setOpenKey } = glossary;
  const byId = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);
  const storedIds = useMemo(
    () => new Map(terms.map((term) => [userEntryId(term.id), term.id])),
    [terms],
  );
  const actions = useMemo<Actions>(
    () => ({
      glossary,
      onAppendix: reading.jumpTo,
      room: { within: slots.pane, beside: slots.sidebar },
    }),
    [glossary, reading, slots],
  );
  // The terms are focusable before this layer has loaded: a term the reader
  // tabbed to in that moment opens now, as it would have on focus.
  useEffect(() => {
    const focused = anchors.find((anchor) => anchor.element === document.activeElement);
    if (focused) setOpenKey((key) => key ?? focused.key);
    // Only on arrival: later focus changes are Floating UI's to handle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <>
      {anchors.map((anchor) => {
        const entry = byId.get(anchor.entry);
        if (!entry) return null;
        return (
          <TermPopover
            key={anchor.key}
            anchor={anchor}
            entry={entry}
            open={openKey === anchor.key}
            editableId={readOnly ? undefined : storedIds.get(entry.id)}
            actions={actions}
          />
        );
      })}
      {draft && <UserTermDialog draft={draft} />}
    </>
  );
}

interface TermPopoverProps {
  anchor: TermAnchor;
  entry: TermEntry;
  open: boolean;
  /** The stored id of a reader's own term that may be edited and deleted. */
  editableId?: string;
  actions: Actions;
}

const TermPopover = memo(function TermPopover({
  anchor,
  entry,
  open,
  editableId,
  actions,
}: TermPopoverProps) {
  const labelId = useId();
  const { setOpenKey } = actions.glossary;
  const onOpenChange = (next: boolean, reason?: OpenChangeReason) => {
    // Esc from inside the popover: focus goes back to the term it belongs to.
    if (!next && reason === 'escape-key') {
      if (window.document.activeElement?.closest('.glossary-popover')) {
        anchor.element.focus({ preventScroll: true });
      }
    }
    // A late "close" from one term must not close another that has just opened.
    setOpenKey((current) => (next ? anchor.key : current === anchor.key ? null : current));
  };
  const { setFloating, floatingStyles, context, getFloatingProps, hidden } = useTermPopover(
    anchor.element,
    open,
    onOpenChange,
    actions.room,
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
            onStep={actions.glossary.show}
            onAppendix={(block) => {
              setOpenKey(null);
              actions.onAppendix(block);
            }}
            mine={
              editableId === undefined
                ? undefined
                : {
                    edit() {
                      setOpenKey(null);
                      actions.glossary.startEdit(editableId);
                    },
                    remove() {
                      // Focus was in the popover, which goes with the term: keep it on the text.
                      anchor.element
                        .closest<HTMLElement>('[data-block]')
                        ?.focus({ preventScroll: true });
                      setOpenKey(null);
                      actions.glossary.removeTerm(editableId);
                    },
                  }
            }
          />
        </div>
      </FloatingFocusManager>
    </FloatingPortal>
  );
});
