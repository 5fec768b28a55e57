/**
 * A file name safe on Windows, macOS and Linux, made from words that came
 * from a reader or a report: never a path, short enough for every file
 * system. Pure (no Node modules): the page names its downloads with it, main
 * and the CLI their files.
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
export const MAX_NAME_LENGTH = 120;
/** ext4, APFS and NTFS-over-UTF-8 take 255 bytes a name; 120 Chinese characters are 360. */
export const MAX_NAME_BYTES = 240;

const encoder = new TextEncoder();
export const byteLength = (text: string): number => encoder.encode(text).length;

/**
 * The words of a name with what no platform takes put right: separators,
 * Windows-forbidden characters and control characters become `_`, runs of
 * white space one space. Nothing is cut, and the ends are left as they are.
 */
export function cleanNamePart(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
      .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_')
      .replace(/\s+/g, ' ')
  );
}

/** Leading dots hide a file (or make `..`); trailing dots and spaces vanish on Windows. */
const trimEnds = (name: string) =>
  name
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');

export function safeFileName(wanted: string, fallback = '导出'): string {
  let name = trimEnds(cleanNamePart(wanted));
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name.length > MAX_NAME_LENGTH || byteLength(name) > MAX_NAME_BYTES) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = fitBeside(name.slice(0, name.length - extension.length), extension) + extension;
  }
  return name === '' ? fallback : name;
}

/**
 * The longest start of `stem` that fits beside `rest` in one name, cut
 * between code points: a lone half of a surrogate pair is not a valid file name.
 */
export function fitBeside(stem: string, rest: string): string {
  const room = byteLength(rest);
  let kept = '';
  for (const point of stem) {
    const next = kept + point;
    if (next.length + rest.length > MAX_NAME_LENGTH || byteLength(next) + room > MAX_NAME_BYTES) {
      break;
    }
    kept = next;
  }
  return kept;
}
