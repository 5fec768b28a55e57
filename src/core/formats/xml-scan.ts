/**
 * One pass over an XML document, calling back per start tag, end tag and run
 * of text, with no tree built: the .docx reader (docx-html.ts) keeps only what
 * it needs, so a document.xml of 100k tiny runs costs a few objects per run
 * rather than a DOM node, a converted node and a result object per element.
 *
 * The characters are read by htmlparser2's Tokenizer in XML mode, a state
 * machine that looks at each character once. Its Parser is not used: in XML
 * mode it drops an end tag that closes nothing and closes the elements a
 * mismatched end tag skips, where a damaged document must be refused. What
 * the tokenizer leaves to its caller is done here: end tags must match, an
 * attribute's value must be quoted, every element must be closed; names come
 * back with their prefix resolved through the namespace declarations in scope
 * and renamed to the caller's short prefix for that namespace (`w:p` whatever
 * the file calls Word's namespace), `{uri}local` for a namespace the caller
 * does not know. Nothing is ever fetched or expanded: the tokenizer decodes no
 * entity; an entity other than XML's five and character references makes the
 * document unreadable, and so does a DOCTYPE (ECMA-376 part 2, rule M1.18: a
 * package reader treats one as an error; the tokenizer would end it at its
 * first `>`, inside an internal subset).
 */
import { QuoteType, Tokenizer } from 'htmlparser2';
import { docxDamaged } from './errors';

export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(data: string): void;
}

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
      if (char === undefined) throw docxDamaged();
      return char;
    }
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (code > 0x10ffff) throw docxDamaged();
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

/** Shared by every element without attributes; never written to. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

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

  // The start tag being read: its name, then its attributes' names and
  // values alternating (undefined while it has none).
  let tagName = '';
  let attributes: string[] | undefined;
  let attributeName = '';
  let valueStart = -1;
  let valueEnd = -1;

  /** The start tag read to its end: its namespaces declared, then announced. */
  const openTag = (): Open => {
    let declared: string[] | undefined;
    let named = NO_ATTRIBUTES;
    if (attributes !== undefined) {
      const rest: string[] = [];
      for (let i = 0; i < attributes.length; i += 2) {
        const key = attributes[i];
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          const prefix = key === 'xmlns' ? '' : key.slice(6);
          scopes.declare(prefix, attributes[i + 1]);
          (declared ??= []).push(prefix);
        } else {
          rest.push(key, attributes[i + 1]);
        }
      }
      if (declared !== undefined) names.clear();
      if (rest.length > 0) {
        // No prototype: an attribute may be called `__proto__`.
        named = Object.create(null) as Record<string, string>;
        for (let i = 0; i < rest.length; i += 2) named[resolve(rest[i], true)] = rest[i + 1];
      }
    }
    const element: Open = { raw: tagName, name: resolve(tagName, false), declared };
    attributes = undefined;
    handler.open(element.name, named);
    return element;
  };

  const tokenizer = new Tokenizer(
    // Entities are left as written, so that an unknown one can be refused.
    { xmlMode: true, decodeEntities: false },
    {
      onopentagname(start, end) {
        tagName = xml.slice(start, end);
      },
      onattribname(start, end) {
        attributeName = xml.slice(start, end);
        valueStart = -1;
      },
      onattribdata(start, end) {
        if (valueStart < 0) valueStart = start;
        valueEnd = end;
      },
      onattribend(quote) {
        if (quote !== QuoteType.Double && quote !== QuoteType.Single) throw docxDamaged();
        const value = valueStart < 0 ? '' : decode(xml.slice(valueStart, valueEnd));
        (attributes ??= []).push(attributeName, value);
      },
      onopentagend() {
        open.push(openTag());
      },
      onselfclosingtag() {
        const element = openTag();
        handler.close(element.name);
        undeclare(element.declared);
      },
      onclosetag(start, end) {
        const top = open.pop();
        if (top === undefined || xml.slice(start, end) !== top.raw) throw docxDamaged();
        handler.close(top.name);
        undeclare(top.declared);
      },
      ontext(start, end) {
        if (open.length > 0) handler.text(decode(xml.slice(start, end)));
      },
      // A DOCTYPE, or any other declaration: refused, its entities never read.
      ondeclaration() {
        throw docxDamaged();
      },
      // A CDATA section's text is dropped, as the Word readers do.
      oncdata: () => undefined,
      oncomment: () => undefined,
      onprocessinginstruction: () => undefined,
      onattribentity: () => undefined,
      ontextentity: () => undefined,
      onend: () => undefined,
    },
  );
  tokenizer.write(xml);
  tokenizer.end();
  if (open.length > 0) throw docxDamaged();
}
