/** Highlighting and noting the selected text, the 批注 list and its files (撤销 is the app's: commands/undo-commands.ts). */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';
import { chooseAnnotationFile, exportAnnotations, type ExportFormat } from './annotation-files';

export interface AnnotationsContext {
  /**
   * Report text is selected. Read-only notes (an earlier edition, another
   * reader's lock) still take the key: the reader is told why nothing is added.
   */
  readonly canAnnotate: boolean;
  /** False while the data file is read-only (another reader holds it, the folder is read-only, a newer version wrote it). */
  readonly canWrite: boolean;
  /** There is something to export. */
  readonly hasAnnotations: boolean;
  /** Records were set aside as unreadable: they can be exported to keep or mend. */
  readonly hasQuarantined: boolean;
  highlight(): void;
  startNote(): void;
  /** The selection is the keyboard's (keyboard-selection.ts): the arrow keys move it. */
  readonly selectingByKeyboard: boolean;
  startKeyboardSelection(): void;
  moveSentence(direction: 1 | -1): void;
  resizeBySentence(direction: 1 | -1): void;
  resizeByCharacter(direction: 1 | -1): void;
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
    // m for 写批注 beside d for 注释词语: both act on the selection, however it was made.
    keys: [{ key: 'm' }],
    enabled: (context) => context.canAnnotate,
    perform: (context) => context.startNote(),
  },
  {
    id: 'selection.start',
    label: '用键盘选择文字（Esc 取消）',
    keys: [{ key: 'v' }],
    perform: (context) => context.startKeyboardSelection(),
  },
  // The arrows are the keyboard selection's only while it lasts; otherwise they are left to the page.
  {
    id: 'selection.nextSentence',
    label: '选择下一句',
    keys: [{ key: 'ArrowRight', shift: false }],
    enabled: (context) => context.selectingByKeyboard,
    perform: (context) => context.moveSentence(1),
  },
  {
    id: 'selection.previousSentence',
    label: '选择上一句',
    keys: [{ key: 'ArrowLeft', shift: false }],
    enabled: (context) => context.selectingByKeyboard,
    perform: (context) => context.moveSentence(-1),
  },
  {
    id: 'selection.extendSentence',
    label: '选择范围延长一句',
    keys: [{ key: 'ArrowRight', mod: true, shift: true }],
    enabled: (context) => context.selectingByKeyboard,
    perform: (context) => context.resizeBySentence(1),
  },
  {
    id: 'selection.shrinkSentence',
    label: '选择范围缩短一句',
    keys: [{ key: 'ArrowLeft', mod: true, shift: true }],
    enabled: (context) => context.selectingByKeyboard,
    perform: (context) => context.resizeBySentence(-1),
  },
  {
    id: 'selection.extendCharacter',
    label: '选择范围延长一字',
    keys: [{ key: 'ArrowRight', shift: true }],
    enabled: (context) => context.selectingByKeyboard,
    perform: (context) => context.resizeByCharacter(1),
  },
  {
    id: 'selection.shrinkCharacter',
    label: '选择范围缩短一字',
    keys: [{ key: 'ArrowLeft', shift: true }],
    enabled: (context) => context.selectingByKeyboard,
    perform: (context) => context.resizeByCharacter(-1),
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
  const { annotating, keyboardSelection, userData, sidebar, api, notices } = stores;
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
      get selectingByKeyboard() {
        return keyboardSelection.active();
      },
      startKeyboardSelection: keyboardSelection.start,
      moveSentence: keyboardSelection.moveSentence,
      resizeBySentence: keyboardSelection.resizeBySentence,
      resizeByCharacter: keyboardSelection.resizeByCharacter,
      showPanel: () => sidebar.show('annotations'),
      exportAs: (format) => void exportAnnotations(api, notices, format),
      chooseFile: () => chooseAnnotationFile(stores),
    },
    watch: [userData, annotating, keyboardSelection],
  };
}
