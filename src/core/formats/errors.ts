/**
 * Why a file could not be opened as a report: a code the UI and the library
 * can act on, and one Chinese sentence a delegate can read. Opening a bad file
 * changes nothing: every check happens before anything is stored.
 */
import { LIMITS } from './limits';

export type ReportErrorCode =
  | 'empty'
  | 'too-large'
  | 'text-too-long'
  | 'binary'
  | 'unknown-encoding'
  | 'not-utf8'
  | 'not-a-file'
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

export const ERROR_MESSAGES: Record<ReportErrorCode, string> = {
  empty: '文件是空的，没有任何内容。',
  'too-large': `文件超过 ${LIMITS.fileBytes / MiB} MB，报告阅读器不打开这么大的文件。`,
  'text-too-long': `文件里的文字超过 ${LIMITS.textChars / 10_000} 万字，报告阅读器不打开这么长的文件。`,
  binary: '这不是文本文件，也不是 PDF、Word（.docx）或网页文件，无法作为报告打开。',
  'unknown-encoding': '无法识别这个文本文件的编码，请另存为 UTF-8 或 GB18030 编码后再打开。',
  'not-utf8': '不是 UTF-8 编码的文本：批注文件（JSON）必须是 UTF-8 编码。',
  'not-a-file': '不是普通文件（命名管道、设备等），无法作为报告打开。',
  'no-text': '文件里没有文字，无法作为报告打开。',
  'pdf-encrypted': '这个 PDF 设有密码或加密保护，请先去掉保护后再打开。',
  'pdf-damaged': '这个 PDF 文件已损坏或不完整，无法读取。',
  'pdf-too-many-pages': `这个 PDF 超过 ${LIMITS.pdfPages} 页，报告阅读器不打开这么长的文件。`,
  'not-pdf': '这个文件名为 .pdf，内容却不是 PDF（可能是改了扩展名的其他文件），无法作为报告打开。',
  'not-docx':
    '这个文件名为 .docx，内容却不是 Word 文件（可能是改了扩展名的其他文件），无法作为报告打开。',
  'pdf-scanned': '这个 PDF 是扫描件，只有页面图像、没有文字层，报告阅读器无法读取其中的文字。',
  'pdf-blank': '这个 PDF 是空白的，页面上既没有文字也没有图像，无法作为报告打开。',
  'not-chinese': '这个文件的文字几乎都不是中文，不像是一份中文报告，无法作为报告打开。',
  'docx-damaged': '这个 Word 文件已损坏或不完整，无法读取。',
  'docx-too-large': `这个 Word 文件解压后超过 ${LIMITS.docxXmlBytes / MiB} MB，可能是恶意构造的压缩文件，已拒绝打开。`,
  'html-too-deep': `这个网页的标签嵌套超过 ${LIMITS.htmlDepth} 层，不像是正常保存的网页，无法作为报告打开。`,
  'legacy-office': '这是旧版 Office 文件（如 .doc），请在 Word 或 WPS 中另存为 .docx 后再打开。',
  unsupported: '不支持这种文件，请打开 PDF、Word（.docx）、网页（.html）或文本（.txt）格式的报告。',
  unreadable: '读取这个文件时出错，它可能已损坏，无法作为报告打开。',
  timeout: `解析这个文件超过 ${LIMITS.parseMs / 1000} 秒，已停止。`,
  'out-of-memory': '这个文件过于复杂，解析时超出了内存上限，已停止。',
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
