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
