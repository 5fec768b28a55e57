/**
 * One pass over an XML document, calling back per start tag, end tag and run
 * of text, with no tree built: the .docx reader (docx-html.ts) keeps only what
 * it needs, so a document.xml of 100k tiny runs costs a few objects per run
 * rather than a DOM node, a converted node and a result object per element.
 *
 * Every character is looked at a bounded number of times (each tag once to
 * find its end, each text once to find the next `<`), so the scan is linear in
 * the document's size whatever its shape. Names come back with their prefix
 * resolved through the namespace declarations in scope and renamed to the
 * caller's short prefix for that namespace (`w:p` whatever the file calls
 * Word's namespace); a namespace the caller does not know comes back as
 * `{uri}local`. Nothing is ever fetched or expanded: a DOCTYPE is skipped
 * whole, and an entity other than XML's five and character references makes
 * the document unreadable.
 */
import { ReportFormatError } from './errors';

export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(data: string): void;
}

const damaged = () => new ReportFormatError('docx-damaged');

const NAMED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][\w.-]*));/gu;

/** Text or an attribute's value with its references read. */
function decode(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY, (_, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) {
      const char = NAMED.get(name);
      if (char === undefined) throw damaged();
      return char;
    }
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (code > 0x10ffff) throw damaged();
    return String.fromCodePoint(code);
  });
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** The in-scope namespace of each prefix (`''` the default), one stack a prefix. */
class Scopes {
  private readonly bound = new Map<string, string[]>([['xml', [XML_NAMESPACE]]]);

  declare(prefix: string, uri: string): void {
    const stack = this.bound.get(prefix);
    if (stack) stack.push(uri);
    else this.bound.set(prefix, [uri]);
  }

  undeclare(prefix: string): void {
    this.bound.get(prefix)?.pop();
  }

  lookup(prefix: string): string | undefined {
    const stack = this.bound.get(prefix);
    return stack === undefined || stack.length === 0 ? undefined : stack[stack.length - 1];
  }
}

interface Open {
  raw: string;
  name: string;
  /** Prefixes this element declared, undone when it closes. */
  declared: string[] | undefined;
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/**
 * Scans `xml`, calling `handler` in document order. `namespaces` maps a
 * namespace URI to the prefix the caller wants for it. Throws ReportFormatError
 * `docx-damaged` for anything that is not well-formed enough to read.
 */
export function scanXml(
  xml: string,
  namespaces: Record<string, string>,
  handler: XmlHandler,
): void {
  const scopes = new Scopes();
  const open: Open[] = [];

  // Names resolve the same until a declaration changes: most documents
  // declare every namespace once, on the root.
  const names = new Map<string, string>();
  const resolve = (raw: string, isAttribute: boolean): string => {
    // An unprefixed attribute is in no namespace, whatever the default.
    const colon = raw.indexOf(':');
    if (isAttribute && colon < 0) return raw;
    const cached = names.get(raw);
    if (cached !== undefined) return cached;
    const prefix = colon < 0 ? '' : raw.slice(0, colon);
    const local = colon < 0 ? raw : raw.slice(colon + 1);
    const uri = scopes.lookup(prefix);
    const short = uri !== undefined && Object.hasOwn(namespaces, uri) ? namespaces[uri] : undefined;
    const name =
      uri === undefined || uri === ''
        ? local
        : short === undefined
          ? `{${uri}}${local}`
          : `${short}:${local}`;
    names.set(raw, name);
    return name;
  };
  const undeclare = (declared: string[] | undefined) => {
    if (declared === undefined) return;
    for (const prefix of declared) scopes.undeclare(prefix);
    names.clear();
  };

  let at = 0;
  const length = xml.length;
  while (at < length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > at && open.length > 0) handler.text(decode(xml.slice(at, textEnd)));
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      at = skipDeclaration(xml, lt);
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw damaged();
      at = end + 2;
      continue;
    }
    const gt = tagEnd(xml, lt + 1);
    if (next === 0x2f /* / */) {
      const top = open.pop();
      if (top === undefined || !closes(xml, lt + 2, gt, top.raw)) throw damaged();
      handler.close(top.name);
      undeclare(top.declared);
      at = gt + 1;
      continue;
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
    const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const { raw, attributes, declared } = readTag(body, scopes);
    if (declared !== undefined) names.clear();
    let named = NO_ATTRIBUTES;
    if (attributes !== undefined) {
      // No prototype: an attribute may be called `__proto__`.
      named = Object.create(null) as Record<string, string>;
      for (let i = 0; i < attributes.length; i += 2)
        named[resolve(attributes[i], true)] = attributes[i + 1];
    }
    const element: Open = { raw, name: resolve(raw, false), declared };
    handler.open(element.name, named);
    if (selfClosing) {
      handler.close(element.name);
      undeclare(declared);
    } else {
      open.push(element);
    }
    at = gt + 1;
  }
  if (open.length > 0) throw damaged();
}

/** Shared by every element without attributes; never written to. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Whether the end tag between `from` and `gt` names `raw` (spaces may follow the name). */
function closes(xml: string, from: number, gt: number, raw: string): boolean {
  if (!xml.startsWith(raw, from)) return false;
  for (let i = from + raw.length; i < gt; i++) if (!isSpace(xml.charCodeAt(i))) return false;
  return true;
}

/** The `>` closing the tag that starts at `from`, outside quoted values. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) {
      quote = code;
    } else if (code === 0x3e) {
      return i;
    } else if (code === 0x3c) {
      break;
    }
  }
  throw damaged();
}

/** Past a comment, a CDATA section (its text dropped, as the Word readers do) or a DOCTYPE. */
function skipDeclaration(xml: string, lt: number): number {
  const closer = xml.startsWith('<!--', lt) ? '-->' : xml.startsWith('<![CDATA[', lt) ? ']]>' : '';
  if (closer !== '') {
    const end = xml.indexOf(closer, lt + 4);
    if (end < 0) throw damaged();
    return end + closer.length;
  }
  // A DOCTYPE, with or without an internal subset: skipped, never read.
  const bracket = xml.indexOf('[', lt);
  const gt = xml.indexOf('>', lt);
  if (gt < 0) throw damaged();
  if (bracket < 0 || bracket > gt) return gt + 1;
  const subsetEnd = /\]\s*>/gu;
  subsetEnd.lastIndex = bracket;
  const match = subsetEnd.exec(xml);
  if (match === null) throw damaged();
  return match.index + match[0].length;
}

/** A start tag's name and attributes; its namespace declarations made in `scopes`. */
function readTag(
  body: string,
  scopes: Scopes,
): { raw: string; attributes: string[] | undefined; declared: string[] | undefined } {
  let i = 0;
  while (i < body.length && !isSpace(body.charCodeAt(i))) i++;
  const raw = body.slice(0, i);
  if (raw === '') throw damaged();
  /** Names and values, alternating; undefined when there are none. */
  let attributes: string[] | undefined;
  let declared: string[] | undefined;
  while (i < body.length) {
    while (i < body.length && isSpace(body.charCodeAt(i))) i++;
    if (i >= body.length) break;
    const eq = body.indexOf('=', i);
    if (eq < 0) throw damaged();
    const key = body.slice(i, eq).trim();
    let q = eq + 1;
    while (q < body.length && isSpace(body.charCodeAt(q))) q++;
    const quote = body[q];
    if (quote !== '"' && quote !== "'") throw damaged();
    const close = body.indexOf(quote, q + 1);
    if (close < 0) throw damaged();
    const value = decode(body.slice(q + 1, close));
    i = close + 1;
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      const prefix = key === 'xmlns' ? '' : key.slice(6);
      scopes.declare(prefix, value);
      (declared ??= []).push(prefix);
    } else {
      (attributes ??= []).push(key, value);
    }
  }
  return { raw, attributes, declared };
}
