/**
 * A plain-text report file's bytes to text (UTF-8, UTF-16 or GB18030; see
 * core/formats/text-decode.ts). Other formats go through
 * services/report-file/extract-text.ts first.
 */
import { decodeText } from '../formats/text-decode';

export { ReportFormatError } from '../formats/errors';

/** Decodes a text report; throws ReportFormatError with a one-sentence reason. */
export function decodeReport(bytes: Uint8Array): string {
  return decodeText(bytes).text;
}
