/**
 * Gives every marked term in the text its popover. Renders nothing in place:
 * the terms are pre-rendered, and an open popover goes to a portal. Each
 * term's popover is memoised on stable props, so the reader's scrolling (which
 * re-renders the interface) leaves the terms alone, however many there are.
 */
import { FloatingFocusManager, FloatingPortal, type OpenChangeReason } from '@floating-ui/react';
import { memo, useEffect, useId, useMemo, type Dispatch, type SetStateAction } from 'react';
import { popoverModel, type OccurrenceRef, type TermEntry } from './glossary-popover';
import type { Glossary, TermAnchor } from './useGlossary';
import type { UserTerms } from './useUserTerms';
import { useTermPopover } from './useTermPopover';
import { userEntryId } from './user-terms';
import { GlossaryPopover } from './GlossaryPopover';
import { UserTermDialog } from './UserTermDialog';

interface Props {
  glossary: Glossary;
  userTerms: UserTerms;
  onAppendix(block: string): void;
}

/** What every popover can do; one object for all, stable while its parts are. */
interface Actions {
  setOpenKey: Dispatch<SetStateAction<string | null>>;
  show(ref: OccurrenceRef): void;
  onAppendix(block: string): void;
  editTerm(id: string): void;
  deleteTerm(id: string): void;
}

export function GlossaryTerms({ glossary, userTerms, onAppendix }: Props) {
  const { entries, anchors, openKey, setOpenKey, show } = glossary;
  const { terms, readOnly, startEdit, remove } = userTerms;
  const byId = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);
  const storedIds = useMemo(
    () => new Map(terms.map((term) => [userEntryId(term.id), term.id])),
    [terms],
  );
  const actions = useMemo<Actions>(
    () => ({
      setOpenKey,
      show,
      onAppendix,
      editTerm: startEdit,
      deleteTerm: (id) => void remove(id),
    }),
    [setOpenKey, show, onAppendix, startEdit, remove],
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
      {userTerms.draft && (
        <UserTermDialog
          draft={userTerms.draft}
          existing={terms}
          onSave={userTerms.save}
          onClose={userTerms.cancel}
        />
      )}
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
  const { setOpenKey } = actions;
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
            onStep={actions.show}
            onAppendix={(block) => {
              setOpenKey(null);
              actions.onAppendix(block);
            }}
            onEdit={
              editableId === undefined
                ? undefined
                : () => {
                    setOpenKey(null);
                    actions.editTerm(editableId);
                  }
            }
            onDelete={
              editableId === undefined
                ? undefined
                : () => {
                    // Focus was in the popover, which goes with the term: keep it on the text.
                    anchor.element
                      .closest<HTMLElement>('[data-block]')
                      ?.focus({ preventScroll: true });
                    setOpenKey(null);
                    actions.deleteTerm(editableId);
                  }
            }
          />
        </div>
      </FloatingFocusManager>
    </FloatingPortal>
  );
});
