/**
 * Why a file named by its path could not be read, in one Chinese sentence
 * that ends with what to do, as the refusals of a file's contents do
 * (core/formats/errors.ts). The desktop app's add (a file dropped or picked,
 * perhaps from a USB stick since pulled out) and the CLI say the same.
 */
export function readFailureMessage(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `找不到文件：${path}，请确认它还在原处（U 盘是否还插着）后重新打开。`;
    case 'EISDIR':
      return `这是一个文件夹，不是文件：${path}，请选择其中的报告文件。`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限读取：${path}，请把它复制到自己的文件夹后重新打开。`;
    default:
      return `无法读取 ${path}（${code ?? (error as Error).message}），请把它复制到本机后重新打开。`;
  }
}
