/**
 * A saved web page to report text: the article only, one block per line.
 * Parsed with htmlparser2 into a tree that is only read: nothing in the page
 * runs, loads or is fetched. Navigation, headers, footers, sidebars, forms,
 * scripts, styles and hidden elements are dropped; of what is left, the
 * element that holds most of the page's prose is the article (the usual
 * reader-view heuristic, small enough to test hard). Bold becomes `**…**`,
 * the marker the text pipeline reads as emphasis.
 */
import { parseDocument } from 'htmlparser2';

type HtmlDocument = ReturnType<typeof parseDocument>;
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
  const weigh = (node: ChildNode, inLink: boolean, weight: Weight): void => {
    if (node.type === 'text') {
      const han = node.data.match(HAN)?.length ?? 0;
      if (inLink) weight.links += han;
      else weight.prose += han;
      return;
    }
    if (!isElement(node) || isFurniture(node, false)) return;
    const own: Weight = { prose: 0, links: 0 };
    for (const child of node.children) weigh(child, inLink || node.name === 'a', own);
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
  };
  for (const child of root.children) weigh(child, false, { prose: 0, links: 0 });
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

/** Collects text line by line: blocks end lines, whitespace collapses, bold marks. */
class LineWriter {
  lines: string[] = [];
  private line = '';
  private bold = 0;

  text(data: string): void {
    const collapsed = data.replace(/[ \t\n\r\f]+/gu, ' ');
    if (collapsed === ' ' && (this.line === '' || this.line.endsWith(' '))) return;
    this.line += this.line === '' ? collapsed.trimStart() : collapsed;
  }

  openBold(): void {
    // `<b>a</b><b>b</b>` is one bold span, not two.
    if (this.bold++ === 0)
      this.line = this.line.endsWith('**') ? this.line.slice(0, -2) : this.line + '**';
  }

  closeBold(): void {
    if (--this.bold === 0)
      this.line = this.line.endsWith('**') ? this.line.slice(0, -2) : this.line + '**';
  }

  cell(): void {
    if (this.line !== '' && !this.line.endsWith(' ')) this.line += ' ';
  }

  end(): void {
    const line = this.line.trim();
    if (line !== '' && line !== '****') this.lines.push(line);
    this.line = '';
  }
}

function write(node: ChildNode | HtmlDocument, out: LineWriter): void {
  if (node.type === 'root') {
    for (const child of node.children) write(child, out);
    return;
  }
  if (node.type === 'text') {
    out.text(node.data);
    return;
  }
  if (!isElement(node) || isFurniture(node, true)) return;
  if (node.name === 'br') {
    out.end();
    return;
  }
  const block = BLOCKS.has(node.name);
  const bold = BOLD.has(node.name);
  if (block) out.end();
  if (CELLS.has(node.name)) out.cell();
  if (bold) out.openBold();
  for (const child of node.children) write(child, out);
  if (bold) out.closeBold();
  if (block) out.end();
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
  const root = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
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

/** Text of an element, every kind of space left out, for comparing titles. */
function despacedText(node: ChildNode): string {
  if (node.type === 'text') return node.data.replace(/[\s\u3000]+/gu, '');
  return isElement(node) ? node.children.map(despacedText).join('') : '';
}

/**
 * What the page says its title is: the `ArticleTitle` meta that government
 * sites carry (政府网站发展指引), and the parts of `<title>` (`政府工作报告_某区人民政府`).
 */
function declaredTitles(root: HtmlDocument): Set<string> {
  const titles = new Set<string>();
  const visit = (node: ChildNode): void => {
    if (!isElement(node)) return;
    if (node.name === 'meta' && /^articletitle$/iu.test(node.attribs.name ?? '')) {
      titles.add((node.attribs.content ?? '').replace(/[\s\u3000]+/gu, ''));
    } else if (node.name === 'title') {
      for (const part of despacedText(node).split(/[_|｜—–-]+/u)) titles.add(part);
    } else if (node.name !== 'body') node.children.forEach(visit);
  };
  root.children.forEach(visit);
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
  const visit = (node: ChildNode): void => {
    if (reachedArticle || !isElement(node) || isFurniture(node, false) || node.name === 'a') return;
    if (node === article) {
      reachedArticle = true;
      return;
    }
    if (node.name === 'h1') headings.push(node);
    else if (titles.has(despacedText(node))) named.push(node);
    else node.children.forEach(visit);
  };
  root.children.forEach(visit);
  return headings.length === 1 ? headings[0] : named.at(-1);
}
