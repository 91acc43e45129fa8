// A small Markdown parser for the subset the lessons and the question bank use: ATX headings,
// paragraphs, bullet and ordered lists (nested), emphasis, inline code, fenced code blocks, GFM
// tables, links, blockquotes and rules. It builds a plain tree (no HTML strings): Markdown.tsx
// turns it into React elements, so text is always text. Raw HTML is not a construct here: `<b>`
// stays the four characters it is. Pure (no DOM), so the Node unit tests use it directly.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

export type Align = 'left' | 'center' | 'right' | null;

export type Block =
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'list'; ordered: boolean; start: number; tight: boolean; items: Block[][] }
  | { type: 'table'; align: Align[]; header: Inline[][]; rows: Inline[][][] }
  | { type: 'blockquote'; children: Block[] }
  | { type: 'rule' };

// ── blocks ───────────────────────────────────────────────────────────────────────────────

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const QUOTE = /^ {0,3}>[ ]?(.*)$/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;
const DELIMITER_CELL = /^:?-+:?$/;

const isBlank = (line: string): boolean => line.trim() === '';

function indentOf(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

/** Removes `n` columns of leading indentation (tabs count to the next multiple of 4). */
function dedent(line: string, n: number): string {
  let col = 0;
  let i = 0;
  while (i < line.length && col < n) {
    const ch = line[i];
    if (ch === ' ') col++;
    else if (ch === '\t') col += 4 - (col % 4);
    else break;
    i++;
  }
  return line.slice(i);
}

interface ListMarker {
  indent: number;
  ordered: boolean;
  /** `-`, `*`, `+`, or the ordered delimiter `.` / `)`. */
  symbol: string;
  start: number;
  /** Column where the item's content starts. */
  contentColumn: number;
  first: string;
}

function listMarker(line: string): ListMarker | undefined {
  const m = ITEM.exec(line);
  if (m === null) return undefined;
  const indent = (m[1] ?? '').length;
  const marker = m[2] ?? '';
  const ordered = /^\d/.test(marker);
  const gap = m[3] === undefined ? 1 : indentOf(m[3]);
  // Five or more spaces after the marker would start indented code: count one, keep the rest.
  const width = gap > 4 ? 1 : gap;
  const rest = m[4] ?? '';
  return {
    indent,
    ordered,
    symbol: ordered ? marker.slice(-1) : marker,
    start: ordered ? Number.parseInt(marker, 10) : 1,
    contentColumn: indent + marker.length + width,
    first: gap > 4 ? ' '.repeat(gap - 1) + rest : rest,
  };
}

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  let inCode = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '\\' && s[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '`') {
      let run = 1;
      while (s[i + run] === '`') run++;
      if (inCode === 0) inCode = run;
      else if (inCode === run) inCode = 0;
      cell += '`'.repeat(run);
      i += run - 1;
    } else if (ch === '|' && inCode === 0) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell.trim());
  return cells;
}

function tableAlign(delimiter: string): Align[] | undefined {
  if (!delimiter.includes('|') && !delimiter.includes('-')) return undefined;
  const cells = splitRow(delimiter);
  if (cells.length === 0 || !cells.every((c) => DELIMITER_CELL.test(c))) return undefined;
  return cells.map((c) => (c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : c.startsWith(':') ? 'left' : null));
}

function isTableStart(lines: readonly string[], i: number): boolean {
  const head = lines[i];
  const delimiter = lines[i + 1];
  if (head === undefined || delimiter === undefined || !head.includes('|') || !delimiter.includes('-')) return false;
  const align = tableAlign(delimiter);
  return align !== undefined && align.length === splitRow(head).length;
}

/**
 * A line that ends a paragraph because it starts another block. As in CommonMark, only a
 * bullet or an ordered list starting at 1, with text, interrupts a paragraph (so a wrapped
 * line beginning "2020. The…" stays text).
 */
function startsBlock(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? '';
  const marker = listMarker(line);
  const interruptingList = marker !== undefined && marker.first.trim() !== '' && (!marker.ordered || marker.start === 1);
  return FENCE_OPEN.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || interruptingList || isTableStart(lines, i);
}

export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').split('\n'));
}

function parseBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (isBlank(line)) {
      i++;
      continue;
    }

    const fence = FENCE_OPEN.exec(line);
    if (fence !== null) {
      const indent = (fence[1] ?? '').length;
      const marker = fence[2] ?? '```';
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      const body: string[] = [];
      i++;
      while (i < lines.length && !closing.test(lines[i] as string)) {
        body.push(dedent(lines[i] as string, indent));
        i++;
      }
      i++; // the closing fence (or the end)
      blocks.push({ type: 'code', lang: fence[3] ?? '', text: body.join('\n') });
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading !== null) {
      blocks.push({ type: 'heading', level: (heading[1] ?? '#').length, children: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }

    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }

    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && !isBlank(lines[i] as string)) {
        const q = QUOTE.exec(lines[i] as string);
        // A line without `>` continues the quoted paragraph (lazy continuation).
        if (q === null && startsBlock(lines, i)) break;
        inner.push(q === null ? (lines[i] as string) : (q[1] ?? ''));
        i++;
      }
      blocks.push({ type: 'blockquote', children: parseBlocks(inner) });
      continue;
    }

    const marker = listMarker(line);
    if (marker !== undefined) {
      const [list, next] = parseList(lines, i, marker);
      blocks.push(list);
      i = next;
      continue;
    }

    if (isTableStart(lines, i)) {
      const align = tableAlign(lines[i + 1] as string) ?? [];
      const width = align.length;
      const cells = (row: string): Inline[][] => {
        const raw = splitRow(row);
        return Array.from({ length: width }, (_, c) => parseInline(raw[c] ?? ''));
      };
      const header = cells(line);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && !isBlank(lines[i] as string) && (lines[i] as string).includes('|')) {
        rows.push(cells(lines[i] as string));
        i++;
      }
      blocks.push({ type: 'table', align, header, rows });
      continue;
    }

    const text: string[] = [line];
    i++;
    while (i < lines.length && !isBlank(lines[i] as string) && !startsBlock(lines, i)) {
      text.push(lines[i] as string);
      i++;
    }
    blocks.push({ type: 'paragraph', children: parseInline(text.map((t) => t.trimStart()).join('\n').trimEnd()) });
  }
  return blocks;
}

function parseList(lines: readonly string[], from: number, first: ListMarker): [Block, number] {
  const items: Block[][] = [];
  let tight = true;
  let i = from;
  let marker: ListMarker | undefined = first;
  while (marker !== undefined && marker.ordered === first.ordered && marker.symbol === first.symbol) {
    const body: string[] = [marker.first];
    const column = marker.contentColumn;
    i++;
    let blankBefore = false;
    while (i < lines.length) {
      const line = lines[i] as string;
      if (isBlank(line)) {
        body.push('');
        blankBefore = true;
        i++;
        continue;
      }
      if (indentOf(line) >= column) {
        if (blankBefore && body.some((b) => b !== '')) tight = false;
        body.push(dedent(line, column));
        blankBefore = false;
        i++;
        continue;
      }
      if (blankBefore || listMarker(line) !== undefined || startsBlock(lines, i)) break;
      body.push(line.trimStart()); // lazy continuation of the item's paragraph
      i++;
    }
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    items.push(parseBlocks(body));
    const next = i < lines.length ? listMarker(lines[i] as string) : undefined;
    if (next !== undefined && blankBefore) tight = false;
    marker = next;
  }
  // Blank lines between the list's end and what follows were consumed; they carry nothing.
  return [{ type: 'list', ordered: first.ordered, start: first.start, tight, items }, i];
}

// ── inlines ──────────────────────────────────────────────────────────────────────────────

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch);
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

function runLength(src: string, at: number, ch: string): number {
  let n = 0;
  while (src[at + n] === ch) n++;
  return n;
}

/** Index just after the code span starting at `at` (a backtick run), or -1 if it does not close. */
function codeSpanEnd(src: string, at: number): { end: number; content: string } | undefined {
  const open = runLength(src, at, '`');
  let j = at + open;
  while (j < src.length) {
    const k = src.indexOf('`', j);
    if (k < 0) return undefined;
    const run = runLength(src, k, '`');
    if (run === open) {
      let content = src.slice(at + open, k).replace(/\n/g, ' ');
      if (content.length >= 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
      return { end: k + run, content };
    }
    j = k + run;
  }
  return undefined;
}

function canOpen(src: string, at: number, length: number, ch: string): boolean {
  const after = src[at + length];
  if (isSpace(after)) return false;
  return ch === '*' || !isWordChar(src[at - 1]);
}

function canClose(src: string, at: number, length: number, ch: string): boolean {
  if (isSpace(src[at - 1])) return false;
  return ch === '*' || !isWordChar(src[at + length]);
}

/** The start of a closing run of exactly `width` delimiters after `from` (code spans and escapes skipped). */
function findCloser(src: string, from: number, ch: string, width: number): number {
  let j = from;
  while (j < src.length) {
    const c = src[j];
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === '`') {
      const span = codeSpanEnd(src, j);
      j = span === undefined ? j + runLength(src, j, '`') : span.end;
      continue;
    }
    if (c === ch) {
      const run = runLength(src, j, ch);
      if (run === width && j > from && canClose(src, j, run, ch)) return j;
      j += run;
      continue;
    }
    j++;
  }
  return -1;
}

/** `[text](url "title")` at `at`: the link and the index after it. */
function parseLink(src: string, at: number): { link: Inline; end: number } | undefined {
  let depth = 0;
  let j = at;
  for (; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '`') {
      const span = codeSpanEnd(src, j);
      if (span !== undefined) j = span.end - 1;
    } else if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  if (depth !== 0 || src[j + 1] !== '(') return undefined;
  const label = src.slice(at + 1, j);
  let k = j + 2;
  while (src[k] === ' ') k++;
  let href = '';
  if (src[k] === '<') {
    const close = src.indexOf('>', k);
    if (close < 0) return undefined;
    href = src.slice(k + 1, close);
    k = close + 1;
  } else {
    let parens = 0;
    while (k < src.length && !/\s/.test(src[k] as string)) {
      const c = src[k];
      if (c === '(') parens++;
      else if (c === ')') {
        if (parens === 0) break;
        parens--;
      }
      href += c;
      k++;
    }
  }
  while (src[k] === ' ') k++;
  const quote = src[k];
  if (quote === '"' || quote === "'") {
    const close = src.indexOf(quote, k + 1);
    if (close < 0) return undefined;
    k = close + 1;
    while (src[k] === ' ') k++;
  }
  if (src[k] !== ')') return undefined;
  return { link: { type: 'link', href, children: parseInline(label) }, end: k + 1 };
}

export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = (): void => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += text;
    else out.push({ type: 'text', text });
    text = '';
  };
  const push = (node: Inline): void => {
    flush();
    out.push(node);
  };

  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;

    if (ch === '\\') {
      const next = src[i + 1];
      if (next === '\n') {
        push({ type: 'break' });
        i += 2;
        while (src[i] === ' ' || src[i] === '\t') i++;
        continue;
      }
      if (next !== undefined && PUNCTUATION.test(next)) {
        text += next;
        i += 2;
        continue;
      }
      text += ch;
      i++;
      continue;
    }

    if (ch === '`') {
      const span = codeSpanEnd(src, i);
      if (span === undefined) {
        const run = runLength(src, i, '`');
        text += '`'.repeat(run);
        i += run;
      } else {
        push({ type: 'code', text: span.content });
        i = span.end;
      }
      continue;
    }

    if (ch === '*' || ch === '_') {
      const run = runLength(src, i, ch);
      if (canOpen(src, i, run, ch)) {
        const width = run >= 3 ? 3 : run;
        const close = findCloser(src, i + width, ch, width);
        if (close > i + width) {
          const inner = parseInline(src.slice(i + width, close));
          const node: Inline =
            width === 1 ? { type: 'em', children: inner } : width === 2 ? { type: 'strong', children: inner } : { type: 'strong', children: [{ type: 'em', children: inner }] };
          push(node);
          i = close + width;
          // Delimiters beyond the ones used (`****`) stay as text.
          continue;
        }
        if (run >= 2) {
          // No closer of that width: the first delimiter is text, the rest may still pair up.
          text += ch;
          i++;
          continue;
        }
      }
      text += ch.repeat(run);
      i += run;
      continue;
    }

    if (ch === '[') {
      const parsed = parseLink(src, i);
      if (parsed !== undefined) {
        push(parsed.link);
        i = parsed.end;
        continue;
      }
      text += ch;
      i++;
      continue;
    }

    if (ch === '<') {
      const auto = /^<(https?:\/\/[^\s<>]+)>/.exec(src.slice(i));
      if (auto !== null) {
        const href = auto[1] as string;
        push({ type: 'link', href, children: [{ type: 'text', text: href }] });
        i += auto[0].length;
        continue;
      }
      text += ch;
      i++;
      continue;
    }

    if (ch === '\n') {
      const hard = / {2,}$/.test(text);
      text = text.replace(/[ \t]+$/, '');
      if (hard) push({ type: 'break' });
      else text += ' ';
      i++;
      while (src[i] === ' ' || src[i] === '\t') i++;
      continue;
    }

    text += ch;
    i++;
  }
  flush();
  return out;
}

/** The plain text of inlines (for accessible names, titles and tests). */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : n.type === 'break' ? '\n' : inlineText(n.children))).join('');
}
