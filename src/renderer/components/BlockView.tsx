/** One block of the report: heading, paragraph (with run-in head and emphasis), entry or signature. */
import { memo } from 'react';
import type { Block } from '../../shared/document';
import { segmentBlock } from '../lib/segments';

function Inline({ block }: { block: Block }) {
  return (
    <>
      {segmentBlock(block).map((segment, index) => {
        const content = segment.emphasis ? (
          <strong className="emphasis">{segment.text}</strong>
        ) : (
          segment.text
        );
        return segment.lead ? (
          <span key={index} className="run-in">
            {content}
          </span>
        ) : (
          <span key={index}>{content}</span>
        );
      })}
    </>
  );
}

export const BlockView = memo(function BlockView({
  block,
  firstParagraph,
}: {
  block: Block;
  firstParagraph: boolean;
}) {
  const common = { id: block.id, 'data-block': block.id, tabIndex: -1 } as const;
  if (block.kind === 'heading') {
    return (
      <h2 {...common} className="section-heading">
        {block.text}
      </h2>
    );
  }
  if (block.kind === 'glossary') {
    return (
      <p {...common} className="glossary-entry">
        <Inline block={block} />
      </p>
    );
  }
  if (block.kind === 'meta') {
    return (
      <p {...common} className={`meta meta-${block.role ?? 'other'}`}>
        {block.text}
      </p>
    );
  }
  const className =
    block.lead !== undefined ? `paragraph has-lead lead-${block.level}` : 'paragraph';
  return (
    // elementtiming lets the benchmark time the first paragraph's paint.
    <p
      {...common}
      className={className}
      {...(firstParagraph && { elementtiming: 'first-paragraph' })}
    >
      <Inline block={block} />
    </p>
  );
});
