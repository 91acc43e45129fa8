// The lessons' Markdown subset: parsed to a plain tree (no HTML), rendered as React elements
// (checked through react-dom/server's markup), and every lesson text, step, hint and question
// of the shipped content parses without leaving Markdown syntax behind.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { safeExternalUrl } from '../../renderer/ui/externalUrl.ts';
import { InlineMarkdown, Markdown } from '../../renderer/ui/markdown/Markdown.tsx';
import { inlineText, parseInline, parseMarkdown, type Block, type Inline } from '../../renderer/ui/markdown/parseMarkdown.ts';

const html = (text: string, headingOffset = 0): string => renderToStaticMarkup(createElement(Markdown, { text, headingOffset }));
const inlineHtml = (text: string): string => renderToStaticMarkup(createElement(InlineMarkdown, { text }));

describe('inline Markdown', () => {
  it('parses emphasis, strong and code', () => {
    expect(parseInline('a **bold** and *em* and `code`')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'em', children: [{ type: 'text', text: 'em' }] },
      { type: 'text', text: ' and ' },
      { type: 'code', text: 'code' },
    ]);
  });

  it('nests emphasis inside strong and strong inside emphasis', () => {
    expect(inlineHtml('**a *b* c**')).toBe('<strong>a <em>b</em> c</strong>');
    expect(inlineHtml('*a **b** c*')).toBe('<em>a <strong>b</strong> c</em>');
    expect(inlineHtml('***both***')).toBe('<strong><em>both</em></strong>');
  });

  it('leaves lone and intraword delimiters as text', () => {
    expect(inlineHtml('5 * 3 * 2')).toBe('5 * 3 * 2');
    expect(inlineHtml('x86_64 and arm64_v8 builds')).toBe('x86_64 and arm64_v8 builds');
    expect(inlineHtml('**not closed')).toBe('**not closed');
    expect(inlineHtml('_under_ and __strong__')).toBe('<em>under</em> and <strong>strong</strong>');
  });

  it('reads code spans of any backtick count, with the CommonMark space rule', () => {
    expect(parseInline('`` `Hello, ${event.name}` ``')).toEqual([{ type: 'code', text: '`Hello, ${event.name}`' }]);
    expect(parseInline('``return { message: `Hi` };``')).toEqual([{ type: 'code', text: 'return { message: `Hi` };' }]);
    expect(parseInline('`**not bold**`')).toEqual([{ type: 'code', text: '**not bold**' }]);
    expect(inlineHtml('an `unclosed code')).toBe('an `unclosed code');
  });

  it('escapes punctuation with a backslash', () => {
    expect(inlineText(parseInline('\\*literal\\* and \\`tick\\`'))).toBe('*literal* and `tick`');
  });

  it('keeps HTML as text', () => {
    expect(inlineHtml('the log group `/aws/lambda/<function name>` and <b>bold</b>')).toBe(
      'the log group <code>/aws/lambda/&lt;function name&gt;</code> and &lt;b&gt;bold&lt;/b&gt;',
    );
  });

  it('joins soft line breaks with a space and keeps hard breaks', () => {
    expect(parseInline('one\n  two')).toEqual([{ type: 'text', text: 'one two' }]);
    expect(parseInline('one  \ntwo')).toEqual([{ type: 'text', text: 'one' }, { type: 'break' }, { type: 'text', text: 'two' }]);
    expect(parseInline('one\\\ntwo')).toEqual([{ type: 'text', text: 'one' }, { type: 'break' }, { type: 'text', text: 'two' }]);
  });

  it('makes https links open in a new window and shows anything else as text', () => {
    expect(inlineHtml('see [the **docs**](https://docs.aws.amazon.com/lambda/ "Lambda")')).toBe(
      'see <a href="https://docs.aws.amazon.com/lambda/" target="_blank" rel="noopener noreferrer">the <strong>docs</strong><span class="visually-hidden"> (opens in a new window)</span></a>',
    );
    expect(inlineHtml('[click](javascript:alert(1))')).toBe('<span>click</span>');
    expect(inlineHtml('[plain](http://example.com)')).toBe('<span>plain</span>');
    expect(inlineHtml('[local](/api/lab:get-info)')).toBe('<span>local</span>');
    expect(inlineHtml('<https://aws.amazon.com/lambda/>')).toContain('href="https://aws.amazon.com/lambda/"');
    expect(inlineHtml('[not a link] (x)')).toBe('[not a link] (x)');
  });
});

describe('safeExternalUrl', () => {
  it('accepts https and nothing else', () => {
    expect(safeExternalUrl('https://docs.aws.amazon.com/lambda/latest/dg/welcome.html')).toBe('https://docs.aws.amazon.com/lambda/latest/dg/welcome.html');
    for (const bad of ['http://example.com', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '/relative', 'https://user:pw@example.com/', 'not a url', 'HTTPS://']) {
      expect(safeExternalUrl(bad), bad).toBeUndefined();
    }
  });
});

describe('block Markdown', () => {
  it('parses headings, paragraphs and rules', () => {
    expect(parseMarkdown('# Title\n\nFirst line\nsecond line.\n\n---\n\n## Sub ##')).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Title' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'First line second line.' }] },
      { type: 'rule' },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Sub' }] },
    ]);
    expect(parseMarkdown('#hashtag')[0]?.type).toBe('paragraph');
  });

  it('shifts heading levels', () => {
    expect(html('# One\n\n## Two', 2)).toBe('<div class="markdown"><h3 class="md-heading md-heading--1">One</h3><h4 class="md-heading md-heading--2">Two</h4></div>');
    expect(html('###### Six', 3)).toContain('<h6');
  });

  it('keeps fenced code exactly, with its language', () => {
    const blocks = parseMarkdown('Before\n```js\nconst a = 1;\n\n  return `x`; // **not bold**\n```\nAfter');
    expect(blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Before' }] },
      { type: 'code', lang: 'js', text: 'const a = 1;\n\n  return `x`; // **not bold**' },
      { type: 'paragraph', children: [{ type: 'text', text: 'After' }] },
    ]);
    expect(html('```\n<script>alert(1)</script>\n```')).toBe('<div class="markdown"><pre class="md-code" tabindex="0"><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre></div>');
    expect(parseMarkdown('~~~text\nA\tB\n~~~')).toEqual([{ type: 'code', lang: 'text', text: 'A\tB' }]);
    expect(parseMarkdown('```\nnever closed')).toEqual([{ type: 'code', lang: '', text: 'never closed' }]);
  });

  it('parses tight lists with nesting and continuation lines', () => {
    const md = [
      '- `REPORT` is the receipt:',
      '  - **Duration** – how long,',
      '    in milliseconds.',
      '  - **Billed Duration**',
      '- Last item',
      'lazily continued.',
    ].join('\n');
    expect(html(md)).toBe(
      '<div class="markdown"><ul><li><code>REPORT</code> is the receipt:<ul><li><strong>Duration</strong> – how long, in milliseconds.</li><li><strong>Billed Duration</strong></li></ul></li><li>Last item lazily continued.</li></ul></div>',
    );
  });

  it('parses ordered lists with their start and loose items as paragraphs', () => {
    const blocks = parseMarkdown('3. three\n   more\n\n4. four');
    expect(blocks).toHaveLength(1);
    const list = blocks[0] as Extract<Block, { type: 'list' }>;
    expect([list.ordered, list.start, list.tight, list.items.length]).toEqual([true, 3, false, 2]);
    expect(html('3. three\n   more\n\n4. four')).toBe('<div class="markdown"><ol start="3"><li><p>three more</p></li><li><p>four</p></li></ol></div>');
  });

  it('does not start a list in a paragraph for a wrapped line beginning with a number', () => {
    expect(parseMarkdown('It changed in December\n2020. Since then')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'It changed in December 2020. Since then' }] },
    ]);
    expect(parseMarkdown('Text\n- item').map((b) => b.type)).toEqual(['paragraph', 'list']);
  });

  it('parses GFM tables with alignment, empty cells, escaped pipes and code with pipes', () => {
    const md = '| | Usage | Cost |\n|---|:---:|---:|\n| **Total** | `a|b` | $2.55 |\n| x \\| y |';
    const [table] = parseMarkdown(md) as [Extract<Block, { type: 'table' }>];
    expect(table.type).toBe('table');
    expect(table.align).toEqual([null, 'center', 'right']);
    expect(table.header.map(inlineText)).toEqual(['', 'Usage', 'Cost']);
    expect(table.rows.map((r) => r.map(inlineText))).toEqual([
      ['Total', 'a|b', '$2.55'],
      ['x | y', '', ''],
    ]);
    expect(html(md)).toContain('<th scope="col" style="text-align:center">Usage</th>');
  });

  it('parses blockquotes with nested blocks', () => {
    expect(parseMarkdown('> **Note**\n> - one\n> - two\n\nafter')).toEqual([
      {
        type: 'blockquote',
        children: [
          { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', text: 'Note' }] }] },
          { type: 'list', ordered: false, start: 1, tight: true, items: [[{ type: 'paragraph', children: [{ type: 'text', text: 'one' }] }], [{ type: 'paragraph', children: [{ type: 'text', text: 'two' }] }]] },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'after' }] },
    ]);
  });

  it('handles Windows line endings and empty input', () => {
    expect(parseMarkdown('a\r\nb\r\n\r\nc').length).toBe(2);
    expect(parseMarkdown('')).toEqual([]);
    expect(html('')).toBe('<div class="markdown"></div>');
  });
});

// ── the shipped content ──────────────────────────────────────────────────────────────────

const LESSONS = join(import.meta.dirname, '..', '..', 'lessons');

function allInlines(blocks: readonly Block[]): Inline[] {
  const out: Inline[] = [];
  const walk = (nodes: readonly Inline[]): void => {
    for (const n of nodes) {
      out.push(n);
      if (n.type === 'strong' || n.type === 'em' || n.type === 'link') walk(n.children);
    }
  };
  for (const b of blocks) {
    if (b.type === 'heading' || b.type === 'paragraph') walk(b.children);
    else if (b.type === 'list') for (const item of b.items) out.push(...allInlines(item));
    else if (b.type === 'blockquote') out.push(...allInlines(b.children));
    else if (b.type === 'table') for (const row of [b.header, ...b.rows]) for (const cell of row) walk(cell);
  }
  return out;
}

/** Text nodes that still hold Markdown syntax (an unmatched `**`, a backtick) mean the parser missed something. */
function leftovers(blocks: readonly Block[]): string[] {
  return allInlines(blocks)
    .filter((n): n is Extract<Inline, { type: 'text' }> => n.type === 'text')
    .map((n) => n.text)
    .filter((t) => /\*\*|`|^#{1,6} |\]\(/.test(t));
}

interface LessonYaml {
  steps: { instructions: string; hints: string[] }[];
}
interface QuizYaml {
  questions: { prompt: string; explanation: string; choices: { text: string }[] }[];
}

describe('the shipped lessons and questions', () => {
  const dirs = readdirSync(LESSONS).filter((d) => /^\d\d-/.test(d));

  it('finds the lessons', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(7);
  });

  for (const dir of dirs) {
    it(`parses ${dir}: its text, steps and hints`, () => {
      const body = parseMarkdown(readFileSync(join(LESSONS, dir, 'lesson.md'), 'utf8'));
      expect(body[0]).toMatchObject({ type: 'heading', level: 1 });
      expect(body.some((b) => b.type === 'table')).toBe(true);
      expect(body.some((b) => b.type === 'code')).toBe(true);
      expect(leftovers(body)).toEqual([]);
      const lesson = parseYaml(readFileSync(join(LESSONS, dir, 'lesson.yaml'), 'utf8')) as LessonYaml;
      for (const step of lesson.steps) {
        expect(leftovers(parseMarkdown(step.instructions))).toEqual([]);
        for (const hint of step.hints) expect(leftovers([{ type: 'paragraph', children: parseInline(hint) }])).toEqual([]);
      }
    });
  }

  it('parses every question, choice and explanation of the bank', () => {
    const files = readdirSync(join(LESSONS, 'quiz')).filter((f) => f.endsWith('.yaml'));
    let questions = 0;
    for (const file of files) {
      const bank = parseYaml(readFileSync(join(LESSONS, 'quiz', file), 'utf8')) as QuizYaml;
      for (const q of bank.questions) {
        questions++;
        expect(leftovers(parseMarkdown(q.prompt)), q.prompt).toEqual([]);
        expect(leftovers(parseMarkdown(q.explanation)), q.explanation).toEqual([]);
        for (const c of q.choices) expect(leftovers([{ type: 'paragraph', children: parseInline(c.text) }]), c.text).toEqual([]);
      }
    }
    expect(questions).toBeGreaterThan(50);
  });

  it('renders lesson 1 the way it reads: nested REPORT list, the then-and-now table, the log block', () => {
    const out = html(readFileSync(join(LESSONS, '01-first-function', 'lesson.md'), 'utf8'), 2);
    expect(out).toContain('<h3 class="md-heading md-heading--1">First function and the handler</h3>');
    expect(out).toContain('<li><strong>Billed Duration</strong> – what you pay for: the duration rounded <strong>up to the next millisecond</strong>, plus the Init Duration on a cold start.</li>');
    expect(out).toContain('<th scope="col">Then</th>');
    expect(out).toContain('<pre class="md-code" tabindex="0" data-language="text"><code>INIT_START Runtime Version');
    expect(out).toContain('<code>/aws/lambda/&lt;function name&gt;</code>');
  });
});
