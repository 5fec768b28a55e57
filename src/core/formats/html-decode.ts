/** Bytes of a saved web page to a string, in the charset the page declares. */
import { ReportFormatError } from './errors';
import { decodeText, looksBinary, normalizeLineEnds } from './text-decode';

export interface DecodedHtml {
  html: string;
  /** The encoding used: the page's declared charset or the one detected. */
  encoding: string;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/iu;

/** The decoder for a declared charset, or undefined when the label is unknown. */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/**
 * A BOM wins, then `<meta charset>` / `http-equiv` in the first 4 KB (how
 * browsers save pages: gb2312 pages are common on government sites), then the
 * same detection as a text file.
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  const head = String.fromCharCode(...bytes.subarray(0, 4096));
  const declared = bom ? undefined : META_CHARSET.exec(head)?.[1];
  const decoder = declared === undefined ? undefined : decoderFor(declared);
  if (decoder === undefined) {
    const { text, encoding } = decodeText(bytes);
    return { html: text, encoding };
  }
  const html = normalizeLineEnds(decoder.decode(bytes));
  if (looksBinary(html)) throw new ReportFormatError('binary');
  return { html, encoding: decoder.encoding };
}
