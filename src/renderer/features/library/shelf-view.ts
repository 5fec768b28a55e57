/** What a row of the 书架 says about a report: pure, tested under Node. */
import {
  carriedSummary,
  type AddedReport,
  type EditionOffer,
  type LibraryReport,
} from '../../../shared/library';

const FORMAT_LABELS: Record<string, string> = {
  text: '文本',
  docx: 'Word',
  pdf: 'PDF',
  html: '网页',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** `今天 14:05`, `昨天 09:30`, or `2024-05-03`: when the report was last opened, in local time. */
export function openedLabel(iso: string | undefined, now: Date = new Date()): string {
  if (iso === undefined) return '未打开过';
  const opened = new Date(iso);
  if (Number.isNaN(opened.getTime())) return '未打开过';
  const day = (date: Date) =>
    new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const days = Math.round((day(now) - day(opened)) / 86_400_000);
  const time = `${pad(opened.getHours())}:${pad(opened.getMinutes())}`;
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `昨天 ${time}`;
  return `${opened.getFullYear()}-${pad(opened.getMonth() + 1)}-${pad(opened.getDate())}`;
}

/** The line under a report's title: its occasion, else its date; and the format it was read from. */
export function occasionLine(report: LibraryReport): string {
  const edition = report.editions.find((candidate) => candidate.id === report.edition);
  // The edition read now: the bundled report's may be a newer text the reader added (read from a file).
  const shipped = report.bundled === true && edition?.sha256 === undefined;
  const format = shipped ? '随应用提供' : (FORMAT_LABELS[edition?.format ?? ''] ?? '');
  const when = report.occasion ?? (report.date ? `${report.date}` : '');
  return [when, format].filter(Boolean).join(' · ');
}

/** The last line: the place, the notes and when it was read. */
export function statsLine(report: LibraryReport, now?: Date): string {
  const { annotations, bookmarks } = report.counts;
  return [
    report.place,
    `批注 ${annotations}`,
    `书签 ${bookmarks}`,
    `最近打开 ${openedLabel(report.opened, now)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Why a file is taken for another edition of a report, in one sentence. */
export function offerSentence(
  offer: Pick<EditionOffer, 'evidence' | 'shared' | 'fileName'>,
  title: string,
): string {
  const why =
    offer.evidence === 'title'
      ? `与书架上的《${title}》标题和会议相同`
      : `有 ${Math.floor(offer.shared * 100)}% 的文字与书架上的《${title}》相同`;
  return `“${offer.fileName}”${why}，应是它的另一个版本。`;
}

/** `3 个版本`, only for a report with more than one. */
export function editionsLine(report: LibraryReport): string | null {
  return report.editions.length > 1 ? `${report.editions.length} 个版本` : null;
}

/** What the reader is told when a file has been added (or was there already). */
export function arrivalNotices({ report, added, restored, edition }: AddedReport): string[] {
  if (edition) return [`已作为《${report.title}》的新版本加入：${carriedSummary(edition.carried)}`];
  const notices: string[] = [];
  if (!added) notices.push(`《${report.title}》已在书架上，已为你打开。`);
  if (restored) {
    const { annotations, bookmarks } = report.counts;
    notices.push(
      `《${report.title}》此前被移出书架，已放回，连同 ${annotations} 条批注、${bookmarks} 个书签。`,
    );
  }
  return notices;
}
