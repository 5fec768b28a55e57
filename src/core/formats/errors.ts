/**
 * Why a file could not be opened as a report: a code the UI and the library
 * can act on, and one Chinese sentence a delegate can read. Opening a bad file
 * changes nothing: every check happens before anything is stored.
 */
import { LIMITS } from './limits';
import { APP_NAME } from '../../shared/app-name';

export type ReportErrorCode =
  | 'empty'
  | 'too-large'
  | 'text-too-long'
  | 'binary'
  | 'unknown-encoding'
  | 'not-utf8'
  | 'not-a-file'
  | 'file-gone'
  | 'no-text'
  | 'pdf-encrypted'
  | 'pdf-damaged'
  | 'pdf-too-many-pages'
  | 'not-pdf'
  | 'not-docx'
  | 'pdf-scanned'
  | 'pdf-blank'
  | 'not-chinese'
  | 'docx-damaged'
  | 'docx-too-large'
  | 'legacy-office'
  | 'html-too-deep'
  | 'unsupported'
  | 'unreadable'
  | 'timeout'
  | 'out-of-memory';

const MiB = 1024 * 1024;

/** Said by its size before a byte is read: the limit is the file's (browser mode's upload may set its own). */
export const tooLargeMessage = (bytes: number): string =>
  `文件超过 ${Math.round(bytes / MiB)} MB，${APP_NAME}不打开这么大的文件，请确认选的是报告本身的文件。`;

/** Each one sentence: what is wrong, then what the reader can do about it (请…). */
export const ERROR_MESSAGES: Record<ReportErrorCode, string> = {
  empty: '文件是空的，没有任何内容，请重新拷贝或下载这份报告后再打开。',
  'too-large': tooLargeMessage(LIMITS.fileBytes),
  'text-too-long': `文件里的文字超过 ${LIMITS.textChars / 10_000} 万字，${APP_NAME}不打开这么长的文件，请把要读的报告单独存为一个文件后再打开。`,
  binary:
    '这不是文本文件，也不是 PDF、Word（.docx）或网页文件，无法作为报告打开，请选择这几种格式的报告。',
  'unknown-encoding': '无法识别这个文本文件的编码，请另存为 UTF-8 或 GB18030 编码后再打开。',
  'not-utf8': '不是 UTF-8 编码的文本：批注文件（JSON）必须是 UTF-8 编码，请另存为 UTF-8 后再导入。',
  'not-a-file': '不是普通文件（命名管道、设备等），无法作为报告打开，请选择一个报告文件。',
  'file-gone': '这个文件已经读不到了（U 盘可能已拔出，或文件已被移走、删除），请找到它后重新打开。',
  'no-text': '文件里没有文字，无法作为报告打开，请确认选的是报告本身的文件。',
  'pdf-encrypted': '这个 PDF 设有密码或加密保护，请先去掉保护后再打开。',
  'pdf-damaged': '这个 PDF 文件已损坏或不完整，无法读取，请重新拷贝或下载这份报告后再打开。',
  'pdf-too-many-pages': `这个 PDF 超过 ${LIMITS.pdfPages} 页，${APP_NAME}不打开这么长的文件，请只把报告部分另存为 PDF 后再打开。`,
  'not-pdf':
    '这个文件名为 .pdf，内容却不是 PDF（可能是改了扩展名的其他文件），无法作为报告打开，请改用报告原来的文件。',
  'not-docx':
    '这个文件名为 .docx，内容却不是 Word 文件（可能是改了扩展名的其他文件），无法作为报告打开，请改用报告原来的文件。',
  'pdf-scanned': `这个 PDF 是扫描件，只有页面图像、没有文字层，${APP_NAME}无法读取其中的文字，请改用能复制文字的 PDF、Word 或网页版本。`,
  'pdf-blank':
    '这个 PDF 是空白的，页面上既没有文字也没有图像，无法作为报告打开，请确认选的是报告本身的文件。',
  'not-chinese':
    '这个文件的文字几乎都不是中文，不像是一份中文报告，无法作为报告打开，请选择中文报告的文件。',
  'docx-damaged':
    '这个 Word 文件已损坏或不完整，无法读取，请在 Word 或 WPS 中打开并另存为 .docx 后再打开。',
  'docx-too-large': `这个 Word 文件解压后超过 ${LIMITS.docxXmlBytes / MiB} MB，可能是恶意构造的压缩文件，已拒绝打开，请向发文单位核实这个文件。`,
  'html-too-deep': `这个网页的标签嵌套超过 ${LIMITS.htmlDepth} 层，不像是正常保存的网页，无法作为报告打开，请在浏览器中重新保存网页后再打开。`,
  'legacy-office': '这是旧版 Office 文件（如 .doc），请在 Word 或 WPS 中另存为 .docx 后再打开。',
  unsupported: '不支持这种文件，请打开 PDF、Word（.docx）、网页（.html）或文本（.txt）格式的报告。',
  unreadable:
    '读取这个文件时出错，它可能已损坏，无法作为报告打开，请重新拷贝或下载这份报告后再打开。',
  timeout: `解析这个文件超过 ${LIMITS.parseMs / 1000} 秒，已停止，请把报告另存为文本（.txt）或 Word（.docx）后再打开。`,
  'out-of-memory':
    '这个文件过于复杂，解析时超出了内存上限，已停止，请把报告另存为文本（.txt）或 Word（.docx）后再打开。',
};

export class ReportFormatError extends Error {
  override name = 'ReportFormatError';

  constructor(
    readonly code: ReportErrorCode,
    message: string = ERROR_MESSAGES[code],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A .docx whose zip or XML is broken, wherever in the reading that is found. */
export const docxDamaged = (): ReportFormatError => new ReportFormatError('docx-damaged');
