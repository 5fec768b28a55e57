/**
 * What an edition is called wherever the reader meets it (the 修订对照
 * panel, the shelf, a refusal from the services): the file it was read
 * from, or `随应用提供的文本` for the bundled report's shipped text, whose
 * "file" and "day added" are the app's, not the reader's.
 */
import type { Edition } from '../../shared/library';

export const BUNDLED_EDITION_NAME = '随应用提供的文本';

/** `终稿.docx`, or `随应用提供的文本` for the bundled report's shipped text. */
export function editionName(edition: Pick<Edition, 'bundled' | 'fileName'>): string {
  return edition.bundled ? BUNDLED_EDITION_NAME : edition.fileName;
}
