/**
 * How the reader tells a report's editions apart: by the file each was read
 * from and the day it was added (the shipped text of the bundled report by
 * that), and which one is current. Pure, tested under Node.
 */
import { editionName } from '../../../core/library/edition-name';
import type { Edition, LibraryReport } from '../../../shared/library';

export { editionName };

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-01-05`: the local day an edition was added. */
function addedDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `终稿.docx（2026-01-05 加入，当前版本）`. */
export function editionLabel(report: LibraryReport, edition: Edition): string {
  const about = [
    !edition.bundled && `${addedDay(edition.added)} 加入`,
    edition.id === report.edition && '当前版本',
  ].filter(Boolean);
  return about.length > 0 ? `${editionName(edition)}（${about.join('，')}）` : editionName(edition);
}

/** The label of the edition with this id, or the id itself when the report no longer lists it. */
export function labelOf(report: LibraryReport, id: string): string {
  const edition = report.editions.find((candidate) => candidate.id === id);
  return edition ? editionLabel(report, edition) : id;
}

/** The edition added just before `edition`: what it is compared with by default. */
export function previousEdition(report: LibraryReport, edition: string): string | undefined {
  const at = report.editions.findIndex((candidate) => candidate.id === edition);
  return at > 0 ? report.editions[at - 1].id : undefined;
}
