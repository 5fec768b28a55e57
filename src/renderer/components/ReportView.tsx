/** The report itself: a title block, then every block in reading order. */
import { memo } from 'react';
import type { ReportDocument } from '../../shared/document';
import { BlockView } from './BlockView';

const TITLE_ROLES = new Set(['title', 'occasion', 'speaker']);

export const ReportView = memo(function ReportView({ document }: { document: ReportDocument }) {
  const front = document.blocks.filter(
    (block) => block.kind === 'meta' && TITLE_ROLES.has(block.role ?? ''),
  );
  const rest = document.blocks.filter((block) => !front.includes(block));
  const firstParagraph = rest.find((block) => block.kind === 'paragraph')?.id;
  return (
    <article className="report" lang="zh-CN" aria-label={document.title}>
      <header className="title-block">
        {front.map((block) =>
          block.role === 'title' ? (
            <h1
              key={block.id}
              id={block.id}
              data-block={block.id}
              tabIndex={-1}
              className="report-title"
            >
              {block.text}
            </h1>
          ) : (
            <p
              key={block.id}
              id={block.id}
              data-block={block.id}
              className={`meta meta-${block.role}`}
            >
              {block.text}
            </p>
          ),
        )}
      </header>
      {rest.map((block) => (
        <BlockView key={block.id} block={block} firstParagraph={block.id === firstParagraph} />
      ))}
    </article>
  );
});
