import { basename, join } from 'node:path';
import { pdfFileStem } from '../../../src/core/library/export-name';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserHandlers } from '../../../src/server/browser-answers';
import { validate } from '../../../src/services/validate';
import { PDF_OPTIONS, pdfSaveDialogOptions, withPdfExtension } from '../../../src/main/print';
import { FEATURE_COMMANDS } from '../../../src/renderer/app/commands';
import type { KeyEventLike } from '../../../src/renderer/commands/keys';
import { describeBinding, describeKeys } from '../../../src/renderer/commands/shortcut-labels';
import { fakeStores } from '../renderer/commands/fake-stores';
import type { ReaderHandlers } from '../../../src/shared/api';
import { fakeServiceHandlers, makeTempDir, removeTempDir } from '../storage/helpers';

describe('saving as PDF', () => {
  it('offers the report’s name on the 书架 in the documents folder, PDF only', () => {
    const options = pdfSaveDialogOptions('/home/读者/Documents', {
      title: '政府工作报告',
      place: '江北区',
      date: '2019-01-20',
    });
    expect(options.defaultPath).toBe(join('/home/读者/Documents', '2019年江北区政府工作报告.pdf'));
    expect(pdfSaveDialogOptions('/d').defaultPath).toBe(join('/d', '报告.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF 文档', extensions: ['pdf'] }]);
    expect(options.properties).toContain('showOverwriteConfirmation');
  });

  it('names a long report’s PDF as the print dialog does, cutting only the title', () => {
    const report = {
      title: '关于'.repeat(100),
      occasion: '在海曙区第十一届人民代表大会第二次会议上',
    };
    const name = basename(pdfSaveDialogOptions('/d', report).defaultPath);
    expect(name).toBe(`${pdfFileStem(report)}.pdf`);
    expect(name).toMatch(/^关于(关于)*关?（十一届人大二次会议）\.pdf$/u);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(240);
  });

  it('prints backgrounds, so highlights (background colours) appear in the PDF', () => {
    expect(PDF_OPTIONS.printBackground).toBe(true);
  });

  it.each([
    ['/tmp/报告.pdf', '/tmp/报告.pdf'],
    ['/tmp/报告.PDF', '/tmp/报告.PDF'],
    ['/tmp/报告', '/tmp/报告.pdf'],
    ['/tmp/报告.txt', '/tmp/报告.txt.pdf'],
    ['/tmp/a.b/报告', '/tmp/a.b/报告.pdf'],
  ])('%s is saved as %s', (chosen, saved) => {
    expect(withPdfExtension(chosen)).toBe(saved);
  });
});

describe('desktop-only calls in browser mode', () => {
  let dir: string;
  let handlers: ReaderHandlers;
  beforeEach(async () => {
    dir = await makeTempDir('shell-calls');
    handlers = browserHandlers(await fakeServiceHandlers(dir));
  });
  afterEach(() => removeTempDir(dir));

  it('setMenuCommands accepts a valid list and does nothing (there is no menu)', async () => {
    expect(await handlers.setMenuCommands([])).toEqual({ ok: true, value: undefined });
  });

  it('setMenuCommands refuses a bad payload with an answer, not a throw', async () => {
    const answer = await handlers.setMenuCommands([{ id: 'x', role: 'quit' }]);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toMatch(/^setMenuCommands 的参数无效/);
  });

  it('printToPdf answers that the browser prints it, and refuses a payload', async () => {
    const answer = await handlers.printToPdf({ report: 'haishu-2018-government-work-report' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toContain('另存为 PDF');
    for (const bad of [undefined, { path: '/etc/passwd' }]) {
      const withPayload = await handlers.printToPdf(bad);
      expect(withPayload.ok).toBe(false);
      if (!withPayload.ok) expect(withPayload.error).toMatch(/^printToPdf 的参数无效/);
    }
  });

  it('validate turns a thrown error into { ok:false } for main’s own handlers too', async () => {
    const answer = await validate(
      'printToPdf',
      { report: 'haishu-2018-government-work-report' },
      () => {
        throw new Error('磁盘已满');
      },
    );
    expect(answer).toEqual({ ok: false, error: '磁盘已满' });
  });
});

const COMMANDS = FEATURE_COMMANDS.flatMap((feature) => feature.commands);

/** The command the app's registry gives a key press. */
const commandForKey = (
  event: KeyEventLike,
  isMac: boolean,
  somethingFocused = false,
  inTextField = false,
) => fakeStores().registry.forKey(event, { isMac, somethingFocused, inTextField });

describe('shortcuts', () => {
  it.each([
    [{ key: 'f', mod: true }, false, 'Ctrl+F'],
    [{ key: 'f', mod: true }, true, '⌘F'],
    [{ key: 'p', mod: true, shift: true }, false, 'Ctrl+Shift+P'],
    [{ key: 'p', mod: true, shift: true }, true, '⌘⇧P'],
    [{ key: ' ', shift: true }, false, 'Shift+空格'],
    [{ key: 'ArrowDown' }, false, '↓'],
    [{ key: 'Escape' }, false, 'Esc'],
    [{ key: 'F3', shift: false }, false, 'F3'],
    [{ key: '?' }, false, '?'],
    // A letter alone is the key as typed: "T" would read as Shift+T.
    [{ key: 't' }, false, 't'],
    [{ key: 'o' }, true, 'o'],
    [{ key: 'H', mod: true, shift: true }, false, 'Ctrl+Shift+H'],
  ])('%j (mac %s) is written %s', (binding, isMac, expected) => {
    expect(describeBinding(binding, isMac)).toBe(expected);
  });

  const press = (key: string, modifiers: { ctrlKey?: boolean; shiftKey?: boolean } = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...modifiers,
  });

  it('? opens the 快捷键 sheet, but not while typing', () => {
    expect(commandForKey(press('?', { shiftKey: true }), false)?.id).toBe('help.shortcuts');
    expect(commandForKey(press('?', { shiftKey: true }), false, true, true)).toBeUndefined();
  });

  it('Ctrl+P prints and Ctrl+Shift+P saves a PDF, even from the search box', () => {
    expect(commandForKey(press('p', { ctrlKey: true }), false, true, true)?.id).toBe('print');
    expect(
      commandForKey(press('p', { ctrlKey: true, shiftKey: true }), false, true, true)?.id,
    ).toBe('print.pdf');
  });

  it('each command’s keys are written once each, a lone letter in lower case', () => {
    for (const command of COMMANDS) {
      const written = describeKeys(command.keys, false);
      expect(new Set(written).size, command.id).toBe(written.length);
      for (const text of written) expect(text, command.id).not.toMatch(/^[A-Z]$/);
    }
    const highlight = COMMANDS.find((command) => command.id === 'annotation.highlight')!;
    expect(describeKeys(highlight.keys, false)).toEqual(['Ctrl+Shift+H']);
  });

  it('every command has its label written once, with a Chinese name', () => {
    for (const command of COMMANDS) expect(command.label).toMatch(/[\u4e00-\u9fff]/);
  });
});
