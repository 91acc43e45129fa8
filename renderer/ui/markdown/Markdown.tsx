// Markdown as React elements (never as an HTML string): the tree from parseMarkdown.ts, with
// headings shifted to fit where the text sits, code blocks and wide tables scrollable by
// keyboard, and links through ExternalLink (https only, new window).
import { useMemo, type ReactNode } from 'react';
import { ExternalLink } from '../ExternalLink.tsx';
import { parseInline, parseMarkdown, type Block, type Inline } from './parseMarkdown.ts';

export function renderInlines(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInlines(node.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInlines(node.children)}</em>;
      case 'link':
        return (
          <ExternalLink key={i} href={node.href}>
            {renderInlines(node.children)}
          </ExternalLink>
        );
      case 'break':
        return <br key={i} />;
    }
  });
}

type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
const HEADINGS: readonly HeadingTag[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

function BlockView({ block, headingOffset, tight }: { block: Block; headingOffset: number; tight: boolean }) {
  switch (block.type) {
    case 'heading': {
      const Tag = HEADINGS[Math.min(5, Math.max(0, block.level - 1 + headingOffset))] ?? 'h6';
      return <Tag className={`md-heading md-heading--${block.level}`}>{renderInlines(block.children)}</Tag>;
    }
    case 'paragraph':
      return tight ? <>{renderInlines(block.children)}</> : <p>{renderInlines(block.children)}</p>;
    case 'code':
      return (
        // Scrollable sideways, so it takes the keyboard focus (the arrow keys scroll it).
        <pre className="md-code" tabIndex={0} data-language={block.lang === '' ? undefined : block.lang}>
          <code>{block.text}</code>
        </pre>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Blocks blocks={item} headingOffset={headingOffset} tight={block.tight} />
        </li>
      ));
      return block.ordered ? <ol start={block.start === 1 ? undefined : block.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <div className="md-table" tabIndex={0} role="group" aria-label="Table">
          <table>
            <thead>
              <tr>
                {block.header.map((cell, c) => (
                  <th key={c} scope="col" style={block.align[c] === null ? undefined : { textAlign: block.align[c] ?? undefined }}>
                    {renderInlines(cell)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} style={block.align[c] === null ? undefined : { textAlign: block.align[c] ?? undefined }}>
                      {renderInlines(cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'blockquote':
      return (
        <blockquote>
          <Blocks blocks={block.children} headingOffset={headingOffset} tight={false} />
        </blockquote>
      );
    case 'rule':
      return <hr />;
  }
}

export function Blocks({ blocks, headingOffset = 0, tight = false }: { blocks: readonly Block[]; headingOffset?: number; tight?: boolean }) {
  return (
    <>
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} headingOffset={headingOffset} tight={tight && block.type === 'paragraph'} />
      ))}
    </>
  );
}

/** A Markdown text. `headingOffset` 2 turns `#` into <h3> (for text inside a panel whose title is <h2>). */
export function Markdown({ text, headingOffset = 0, className, id }: { text: string; headingOffset?: number; className?: string; id?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className={className === undefined ? 'markdown' : `markdown ${className}`} id={id}>
      <Blocks blocks={blocks} headingOffset={headingOffset} />
    </div>
  );
}

/** One line of Markdown (a choice, a hint, a reason): emphasis, code and links, no blocks. */
export function InlineMarkdown({ text }: { text: string }) {
  const nodes = useMemo(() => parseInline(text), [text]);
  return <>{renderInlines(nodes)}</>;
}
