/**
 * Hands an exported file to the reader as a download. In the browser that is
 * the download bar; in Electron the default download behaviour asks where to
 * save it, so the reader always chooses the folder.
 */
import type { ExportedFile } from '../../shared/api';

export function offerDownload(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What Windows, macOS and Linux all refuse in a file name, and control characters. */
const UNSAFE_IN_NAME = /[\\/:*?"<>|\p{Cc}]/gu;

/** `数说报告-<title>-2026-01-01.csv`: what an export is, of which report, on which day. */
export function exportFileName(
  kind: string,
  title: string,
  extension: string,
  now = new Date(),
): string {
  const day = now.toISOString().slice(0, 10);
  return `${kind}-${title}-${day}.${extension}`.replace(UNSAFE_IN_NAME, '_');
}
