/**
 * A saved web page to report text: the article only, one block per line.
 * Parsed with htmlparser2 into a tree that is only read: nothing in the page
 * runs, loads or is fetched. Navigation, headers, footers, sidebars, forms,
 * scripts, styles and hidden elements are dropped; of what is left, the
 * element that holds most of the page's prose is the article (the usual
 * reader-view heuristic, small enough to test hard). Bold becomes `**…**`,
 * the marker the text pipeline reads as emphasis.
 */
import { DomHandler, Parser } from 'htmlparser2';
import { ReportFormatError } from './errors';
import { LIMITS } from './limits';

type HtmlDocument = DomHandler['root'];
type ChildNode = HtmlDocument['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;
type Container = HtmlDocument | Element;

const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'head',
  'img',
]);
/** Dropped outside the article; inside it, an `<header>` may hold the title. */
const DROPPED_OUTSIDE = new Set(['header', 'footer']);
const DROPPED_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'complementary',
  'menu',
  'menubar',
]);
// Class or id words of page furniture: `nav`, `site-footer`, `breadcrumb`, `share-bar`…
const FURNITURE =
  /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|banner|sidebar|share|toolbar|copyright|related|comments?|advert|ads|pager|pagination|skip|login|search|topbar)(?:$|[\s_-])/iu;
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tbody',
  'thead',
  'tr',
  'center',
  'address',
  'figure',
  'figcaption',
  'hr',
  'body',
  'html',
]);
const CELLS = new Set(['td', 'th']);
const BOLD = new Set(['b', 'strong']);
const HAN = /\p{Script=Han}/gu;

const isElement = (node: ChildNode): node is Element =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style';

/**
 * Depth-first over `root` and its descendants, with a stack of its own, not
 * the call stack: a hostile page nests 100k elements (a `<div>` or an unclosed
 * `<span>` per line), and a recursive walk ends in "Maximum call stack size
 * exceeded". `enter` answers whether to go into a node's children; `leave`
 * comes after them, for the nodes gone into.
 */
function walk(
  root: ChildNode | HtmlDocument,
  enter: (node: ChildNode | HtmlDocument) => boolean,
  leave: (node: ChildNode | HtmlDocument) => void = () => undefined,
): void {
  const stack: { node: ChildNode | HtmlDocument; next: number }[] = [];
  if (enter(root) && 'children' in root) stack.push({ node: root, next: 0 });
  else return;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const children = (top.node as Container).children;
    if (top.next < children.length) {
      const child = children[top.next++];
      if (enter(child) && 'children' in child) stack.push({ node: child, next: 0 });
      continue;
    }
    stack.pop();
    leave(top.node);
  }
}

function isHidden(element: Element): boolean {
  const { attribs } = element;
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/iu.test(attribs.style ?? '');
}

function isFurniture(element: Element, insideArticle: boolean): boolean {
  if (DROPPED.has(element.name) || isHidden(element)) return true;
  if (!insideArticle && DROPPED_OUTSIDE.has(element.name)) return true;
  if (DROPPED_ROLES.has(element.attribs.role ?? '')) return true;
  return (
    !insideArticle && FURNITURE.test(`${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`)
  );
}

/** Han characters of the element's text outside links, and inside them. */
interface Weight {
  prose: number;
  links: number;
}

/**
 * Scores every element by the prose of the paragraphs directly in it (and half
 * of its children's), the way reader views pick an article, and returns the
 * best. Link-heavy blocks (menus that escaped the class test) score nothing.
 */
function findArticle(root: HtmlDocument): Container {
  const scores = new Map<Element, number>();
  // Each open element's own weight; links inside the `<a>` elements open now.
  const weights: Weight[] = [{ prose: 0, links: 0 }];
  let links = 0;
  walk(
    root,
    (node) => {
      if (node.type === 'root') return true;
      if (node.type === 'text') {
        const han = node.data.match(HAN)?.length ?? 0;
        const weight = weights[weights.length - 1];
        if (links > 0) weight.links += han;
        else weight.prose += han;
        return false;
      }
      if (!isElement(node) || isFurniture(node, false)) return false;
      weights.push({ prose: 0, links: 0 });
      if (node.name === 'a') links++;
      return true;
    },
    (node) => {
      if (node.type === 'root' || !isElement(node)) return;
      if (node.name === 'a') links--;
      const own = weights.pop()!;
      const weight = weights[weights.length - 1];
      weight.prose += own.prose;
      weight.links += own.links;
      const total = own.prose + own.links;
      const isParagraph =
        ['p', 'li', 'pre', 'blockquote'].includes(node.name) || !hasBlockChild(node);
      if (isParagraph && total > 0 && own.links / total < 0.5) {
        const parent = node.parent;
        const grandparent = parent?.parent;
        if (parent?.type === 'tag') scores.set(parent, (scores.get(parent) ?? 0) + own.prose);
        if (grandparent?.type === 'tag') {
          scores.set(grandparent, (scores.get(grandparent) ?? 0) + own.prose / 2);
        }
      }
    },
  );
  let best: Container = root;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Whether an element holds blocks rather than being a paragraph itself. A
 * row's cells count as blocks: a layout table's row around the cell with the
 * text is no paragraph, or the table around the whole page, title row,
 * 发布日期 and 责任编辑 included, would outscore the text's own element.
 */
function hasBlockChild(element: Element): boolean {
  return element.children.some(
    (child) => isElement(child) && (BLOCKS.has(child.name) || CELLS.has(child.name)),
  );
}

/**
 * Collects text line by line: blocks end lines, whitespace collapses, bold
 * marks. A bold run's `**` are written only when text follows them, so two
 * runs side by side (`<b>a</b><b>b</b>`) join and an empty one vanishes
 * without ever cutting marks back off the line: a slice of the line per run
 * made a paragraph of 100k bold runs quadratic.
 */
class LineWriter {
  lines: string[] = [];
  private line = '';
  private bold = 0;
  /** A bold run opened (or closed) and its `**` not written yet. */
  private opening = false;
  private closing = false;

  private flush(): void {
    if (this.opening || this.closing) this.line += '**';
    this.opening = this.closing = false;
  }

  text(data: string): void {
    this.flush();
    const collapsed = data.replace(/[ \t\n\r\f]+/gu, ' ');
    if (collapsed === ' ' && (this.line === '' || this.line.endsWith(' '))) return;
    this.line += this.line === '' ? collapsed.trimStart() : collapsed;
  }

  openBold(): void {
    // `<b>a</b><b>b</b>` is one bold span, not two.
    if (this.bold++ === 0) {
      if (this.closing) this.closing = false;
      else this.opening = true;
    }
  }

  closeBold(): void {
    if (--this.bold === 0) {
      if (this.opening) this.opening = false;
      else this.closing = true;
    }
  }

  /**
   * Two spaces part a cell from the one before it, as a table row converted
   * to text prints them: the report parser keeps such a row a row
   * (core/report/tables.ts) where one space read as prose and the rows ran together.
   */
  cell(): void {
    this.flush();
    if (this.line === '') return;
    if (!this.line.endsWith(' ')) this.line += '  ';
    else if (!this.line.endsWith('  ')) this.line += ' ';
  }

  end(): void {
    this.flush();
    const line = this.line.trim();
    if (line !== '' && line !== '****') this.lines.push(line);
    this.line = '';
  }
}

function write(root: ChildNode | HtmlDocument, out: LineWriter): void {
  walk(
    root,
    (node) => {
      if (node.type === 'root') return true;
      if (node.type === 'text') {
        out.text(node.data);
        return false;
      }
      if (!isElement(node) || isFurniture(node, true)) return false;
      if (node.name === 'br') {
        out.end();
        return false;
      }
      if (BLOCKS.has(node.name)) out.end();
      if (CELLS.has(node.name)) out.cell();
      if (BOLD.has(node.name)) out.openBold();
      return true;
    },
    (node) => {
      if (!isElement(node as ChildNode)) return;
      const element = node as Element;
      if (BOLD.has(element.name)) out.closeBold();
      if (BLOCKS.has(element.name)) out.end();
    },
  );
}

/** htmlparser2's tree builder, refusing a page that nests deeper than LIMITS.htmlDepth. */
class BoundedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    // The stack holds the document too: its length less one is the elements open.
    if (this.tagStack.length - 1 > LIMITS.htmlDepth) throw new ReportFormatError('html-too-deep');
  }
}

/** The page as a tree that is only read: nothing in it runs, loads or is fetched. */
function parsePage(html: string): HtmlDocument {
  const options = { decodeEntities: true, lowerCaseTags: true };
  const handler = new BoundedHandler();
  new Parser(handler, options).end(html);
  return handler.root;
}

export interface HtmlTextOptions {
  /** Find the article (a saved page), or take the whole body (a converted document). */
  article: boolean;
}

/**
 * The text of a page's article, blocks separated by blank lines. A page whose
 * title (`<h1>`) stands outside the article element gets it as its first line.
 */
export function htmlToText(html: string, options: HtmlTextOptions = { article: true }): string {
  const root = parsePage(html);
  const article = options.article ? findArticle(root) : root;
  const out = new LineWriter();
  if (options.article && article !== root) {
    const title = findTitleOutside(root, article);
    if (title !== undefined) {
      write(title, out);
      out.end();
    }
  }
  write(article, out);
  out.end();
  return out.lines.join('\n\n');
}

/** Longer than this, or made of more nodes, an element's text is no title. */
const TITLE_CHARS = 200;
const TITLE_NODES = 64;

/**
 * Text of an element, every kind of space left out, for comparing titles;
 * undefined once it passes TITLE_CHARS or TITLE_NODES. Bounded, because it
 * is asked of every element above the article: whole subtrees each time made
 * a page of nested divs quadratic.
 */
function despacedText(root: ChildNode): string | undefined {
  let text = '';
  let nodes = 0;
  const stack: ChildNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (++nodes > TITLE_NODES || text.length > TITLE_CHARS) return undefined;
    if (node.type === 'text') text += node.data.replace(/[\s\u3000]+/gu, '');
    else if (isElement(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  return text.length > TITLE_CHARS ? undefined : text;
}

/**
 * What the page says its title is: the `ArticleTitle` meta that government
 * sites carry (政府网站发展指引), and the parts of `<title>` (`政府工作报告_某区人民政府`).
 */
function declaredTitles(root: HtmlDocument): Set<string> {
  const titles = new Set<string>();
  walk(root, (node) => {
    if (node.type === 'root') return true;
    if (!isElement(node)) return false;
    if (node.name === 'meta' && /^articletitle$/iu.test(node.attribs.name ?? '')) {
      titles.add((node.attribs.content ?? '').replace(/[\s\u3000]+/gu, ''));
      return false;
    }
    if (node.name === 'title') {
      for (const part of (despacedText(node) ?? '').split(/[_|｜—–-]+/u)) titles.add(part);
      return false;
    }
    return node.name !== 'body';
  });
  titles.delete('');
  return titles;
}

/**
 * The report's title when it stands before the article, not inside it or in
 * furniture: the page's one `<h1>`, else the nearest element whose text is
 * the title the page declares (old table layouts put it in a `<td>` of its
 * own, above the cell that holds the text). Never a link: a breadcrumb names
 * the column, which may be called the same.
 */
function findTitleOutside(root: HtmlDocument, article: Container): Element | undefined {
  const titles = declaredTitles(root);
  const headings: Element[] = [];
  const named: Element[] = [];
  let reachedArticle = false;
  walk(root, (node) => {
    if (node.type === 'root') return true;
    if (reachedArticle || !isElement(node) || isFurniture(node, false) || node.name === 'a') {
      return false;
    }
    if (node === article) {
      reachedArticle = true;
      return false;
    }
    if (node.name === 'h1') headings.push(node);
    else {
      const text = titles.size === 0 ? undefined : despacedText(node);
      if (text === undefined || !titles.has(text)) return true;
      named.push(node);
    }
    return false;
  });
  return headings.length === 1 ? headings[0] : named.at(-1);
}
