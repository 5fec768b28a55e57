/**
 * Gives every marked term in the text its popover. Renders nothing in place:
 * the terms are pre-rendered, and an open popover goes to a portal.
 */
import { FloatingFocusManager, FloatingPortal, type OpenChangeReason } from '@floating-ui/react';
import { useId, useMemo } from 'react';
import { popoverModel, type OccurrenceRef, type TermEntry } from '../lib/glossary-popover';
import type { Glossary, TermAnchor } from '../hooks/useGlossary';
import type { UserTerms } from '../hooks/useUserTerms';
import { useTermPopover } from '../hooks/useTermPopover';
import { userEntryId } from '../lib/user-terms';
import { GlossaryPopover } from './GlossaryPopover';
import { UserTermDialog } from './UserTermDialog';

interface Props {
  glossary: Glossary;
  userTerms: UserTerms;
  onAppendix(block: string): void;
}

export function GlossaryTerms({ glossary, userTerms, onAppendix }: Props) {
  const { entries, anchors, openKey, setOpenKey, show } = glossary;
  const byId = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);
  const storedId = useMemo(
    () => new Map(userTerms.terms.map((term) => [userEntryId(term.id), term.id])),
    [userTerms.terms],
  );
  const popovers = anchors.map((anchor) => {
    const entry = byId.get(anchor.entry);
    if (!entry) return null;
    const id = storedId.get(entry.id);
    const own = id !== undefined && !userTerms.readOnly;
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
        onEdit={
          own
            ? () => {
                setOpenKey(null);
                userTerms.startEdit(id);
              }
            : undefined
        }
        onDelete={
          own
            ? () => {
                // Focus was in the popover, which goes with the term: keep it on the text.
                anchor.element.closest<HTMLElement>('[data-block]')?.focus({ preventScroll: true });
                setOpenKey(null);
                void userTerms.remove(id);
              }
            : undefined
        }
      />
    );
  });
  return (
    <>
      {popovers}
      {userTerms.draft && (
        <UserTermDialog
          draft={userTerms.draft}
          existing={userTerms.terms}
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
  onOpenChange(open: boolean, reason?: OpenChangeReason): void;
  onStep(ref: OccurrenceRef): void;
  onAppendix(block: string): void;
  onEdit?(): void;
  onDelete?(): void;
}

function TermPopover({
  anchor,
  entry,
  open,
  onOpenChange,
  onStep,
  onAppendix,
  onEdit,
  onDelete,
}: TermPopoverProps) {
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
            onEdit={onEdit}
            onDelete={onDelete}
          />
        </div>
      </FloatingFocusManager>
    </FloatingPortal>
  );
}
