/**
 * File-system failures said the way a reader can act on them. Raw errno text
 * (`ENOSPC: no space left on device, write`) never reaches a notice; the code
 * stays on the error for tests and logs.
 */

/** The folder or the file cannot be written at all: a read-only mount, missing permission. */
const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);
/** The disk or the user's quota is full; the writer's short write means the same. */
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'ESHORTWRITE']);

export type FsProblem = 'read-only' | 'full' | 'other';

export const codeOf = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

export function problemOf(error: unknown): FsProblem {
  const code = codeOf(error);
  if (code !== undefined && READ_ONLY_CODES.has(code)) return 'read-only';
  if (code !== undefined && FULL_CODES.has(code)) return 'full';
  return 'other';
}

export const readOnlyFolderMessage = (dir: string) =>
  `数据文件夹是只读的（${dir}）：批注、书签和设置只能查看，不能保存。请把文件夹改为可写，或换一个数据文件夹后重新打开。`;

export const FULL_DISK_MESSAGE = '磁盘已满：改动没有保存，原有数据未受影响。请腾出磁盘空间后再试。';

/** One sentence for a failed read or write of `what` (批注文件, 设置文件 …) in `dir`. */
export function plainFsMessage(error: unknown, what: string, dir: string): string {
  const problem = problemOf(error);
  if (problem === 'read-only') return readOnlyFolderMessage(dir);
  if (problem === 'full') return FULL_DISK_MESSAGE;
  const code = codeOf(error);
  if (code === 'EIO') return `读写${what}时磁盘出错：改动没有保存。请检查磁盘后再试。`;
  // Anything else still gets a sentence; the code is kept short for support.
  return `${what}未能保存${code ? `（错误代码 ${code}）` : ''}：原有数据未受影响，请稍后再试。`;
}

/** The same error with a reader's message, its code kept. */
export function plainFsError(error: unknown, what: string, dir: string): Error {
  const plain: NodeJS.ErrnoException = new Error(plainFsMessage(error, what, dir), {
    cause: error,
  });
  const code = codeOf(error);
  if (code !== undefined) plain.code = code;
  return plain;
}
