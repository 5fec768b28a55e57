/**
 * The report as static HTML, rendered at build time into index.html so the
 * text paints without waiting for any script. React never re-renders it: the
 * interface around it, and later overlays on it, find blocks by `data-block`.
 */
import type { Block, ReportDocument } from './document';
import { segmentBlock } from './segments';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

const TITLE_ROLES = new Set(['title', 'occasion', 'speaker']);

function inline(block: Block): string {
  return segmentBlock(block)
    .map((segment) => {
      const text = escapeHtml(segment.text);
      const marked = segment.emphasis ? `<strong class="emphasis">${text}</strong>` : text;
      return segment.lead ? `<span class="run-in">${marked}</span>` : marked;
    })
    .join('');
}

function blockHtml(block: Block, firstParagraph: boolean): string {
  // Every block can take focus, so jumps move keyboard and screen-reader users too.
  const attributes = `id="${block.id}" data-block="${block.id}" tabindex="-1"`;
  switch (block.kind) {
    case 'heading':
      return `<h2 ${attributes} class="section-heading">${escapeHtml(block.text)}</h2>`;
    case 'glossary':
      return `<p ${attributes} class="glossary-entry">${inline(block)}</p>`;
    case 'meta':
      if (block.role === 'title') {
        return `<h1 ${attributes} class="report-title">${escapeHtml(block.text)}</h1>`;
      }
      return `<p ${attributes} class="meta meta-${block.role ?? 'other'}">${escapeHtml(block.text)}</p>`;
    case 'paragraph': {
      const lead = block.lead === undefined ? '' : ` has-lead lead-${block.level}`;
      // elementtiming lets the benchmark time the first paragraph's paint.
      const timing = firstParagraph ? ' elementtiming="first-paragraph"' : '';
      return `<p ${attributes} class="paragraph${lead}"${timing}>${inline(block)}</p>`;
    }
  }
}

export function renderReportHtml(document: ReportDocument): string {
  const front = document.blocks.filter(
    (block) => block.kind === 'meta' && TITLE_ROLES.has(block.role ?? ''),
  );
  const rest = document.blocks.filter((block) => !front.includes(block));
  const firstParagraph = rest.find((block) => block.kind === 'paragraph')?.id;
  return [
    `<article class="report" lang="zh-CN" aria-label="${escapeHtml(document.title)}">`,
    `<header class="title-block">${front.map((block) => blockHtml(block, false)).join('')}</header>`,
    ...rest.map((block) => blockHtml(block, block.id === firstParagraph)),
    '</article>',
  ].join('\n');
}
