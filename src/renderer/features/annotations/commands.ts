/** Highlighting and noting the selected text, undoing a deletion, the 批注 list and its files. */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';
import { chooseAnnotationFile, exportAnnotations, type ExportFormat } from './annotation-files';

export interface AnnotationsContext {
  /**
   * Report text is selected. Read-only notes (an earlier edition, another
   * reader's lock) still take the key: the reader is told why nothing is added.
   */
  readonly canAnnotate: boolean;
  readonly canUndo: boolean;
  /** False while the data file is read-only (another reader holds it, the folder is read-only, a newer version wrote it). */
  readonly canWrite: boolean;
  /** There is something to export. */
  readonly hasAnnotations: boolean;
  /** Records were set aside as unreadable: they can be exported to keep or mend. */
  readonly hasQuarantined: boolean;
  highlight(): void;
  startNote(): void;
  undo(): void;
  showPanel(): void;
  exportAs(format: ExportFormat): void;
  /** Opens the file chooser for a W3C annotation file. */
  chooseFile(): void;
}

const ANNOTATE = { section: 'edit', group: 'annotate' } as const;
const FILES = { section: 'file', group: 'annotations' } as const;

export const annotationCommands: Command<AnnotationsContext>[] = [
  {
    id: 'annotation.highlight',
    label: '高亮所选文字',
    // With Shift held, browsers report the capital letter.
    keys: [
      { key: 'H', mod: true, shift: true },
      { key: 'h', mod: true, shift: true },
    ],
    enabled: (context) => context.canAnnotate,
    menu: ANNOTATE,
    perform: (context) => context.highlight(),
  },
  {
    id: 'annotation.note',
    label: '为所选文字写批注…',
    keys: [],
    enabled: (context) => context.canAnnotate,
    perform: (context) => context.startNote(),
  },
  {
    id: 'annotation.undo',
    // A deletion, or a note cancelled with words in it (annotating.ts).
    label: '撤销',
    // Not in text fields: there Ctrl+Z is the field's own undo.
    keys: [{ key: 'z', mod: true, shift: false }],
    enabled: (context) => context.canUndo,
    menu: ANNOTATE,
    perform: (context) => context.undo(),
  },
  {
    id: 'panel.annotations',
    label: '批注列表',
    keys: [{ key: 'a' }],
    menu: { section: 'view', group: 'panels' },
    perform: (context) => context.showPanel(),
  },
  {
    id: 'annotations.exportMarkdown',
    label: '导出发言提纲…',
    keys: [],
    enabled: (context) => context.hasAnnotations,
    menu: FILES,
    perform: (context) => context.exportAs('md'),
  },
  {
    id: 'annotations.import',
    label: '导入批注…',
    keys: [],
    enabled: (context) => context.canWrite,
    menu: FILES,
    perform: (context) => context.chooseFile(),
  },
  {
    id: 'annotations.exportJson',
    label: '导出批注（JSON）…',
    keys: [],
    enabled: (context) => context.hasAnnotations,
    menu: FILES,
    perform: (context) => context.exportAs('json'),
  },
  {
    // Offered where the reader is told of the records (the 批注 panel), not in the menu:
    // most readers never have any.
    id: 'annotations.exportQuarantine',
    label: '导出无法读取的记录',
    keys: [],
    enabled: (context) => context.hasQuarantined,
    perform: (context) => context.exportAs('quarantine'),
  },
];

export function annotationBinding(stores: ReaderStores): CommandBinding<AnnotationsContext> {
  const { annotating, userData, sidebar, api, notices } = stores;
  /** True, after telling the reader why, when the notes cannot be written. */
  const refusedAsReadOnly = (): boolean => {
    const { readOnly, readOnlyReason } = userData.data;
    if (readOnly) notices.add(`未能添加批注：${readOnlyReason ?? '批注只能查看，不能添加。'}`);
    return readOnly;
  };
  return {
    context: {
      // Getters: the key handler asks at key time, when the selection may be newer than any render.
      get canAnnotate() {
        return annotating.hasSelection();
      },
      get canUndo() {
        return annotating.hasDiscarded() || userData.getSnapshot().lastDeleted !== null;
      },
      get canWrite() {
        return !userData.data.readOnly;
      },
      get hasAnnotations() {
        return userData.data.annotations.length > 0;
      },
      get hasQuarantined() {
        return userData.data.quarantined > 0;
      },
      highlight: () => {
        if (!refusedAsReadOnly()) void annotating.highlight();
      },
      startNote: () => {
        if (!refusedAsReadOnly()) annotating.startNote();
      },
      // Words cancelled first: they were typed, and were most likely the last thing done.
      undo: () =>
        annotating.hasDiscarded() ? annotating.restoreDiscarded() : void userData.undo(),
      showPanel: () => sidebar.show('annotations'),
      exportAs: (format) => void exportAnnotations(api, notices, format),
      chooseFile: () => chooseAnnotationFile(stores),
    },
    watch: [userData, annotating],
  };
}
