// The workspace UI benchmark, in Debian Chromium with Playwright (browser mode, 1280×720):
//   1. page load → an editable editor (Monaco showing the handler), fresh browser context each time;
//   2. Invoke click → the result on screen, for the hello handler (warm);
//   3. frame rate while scrolling a history of 100,000 invocations.
// Targets (reported, never asserted): editor < 1.5 s, invoke-to-result < 100 ms, no dropped frames.
//
// Needs the built engine and UI:  node scripts/build-engine.mjs && npx electron-vite build
// Then:  npx esbuild test/bench/ui-bench.ts --bundle --platform=node --format=esm --packages=external \
//          --outfile=dist/bench/ui-bench.mjs && node dist/bench/ui-bench.mjs
// The 100,000 rows are written into the lab's database with the engine's own store before
// `lambda-lab serve` starts on it.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { databasePath } from '../../sandbox/host/data-dir.ts';
import { HELLO_FUNCTION } from '../../sandbox/service/seed.ts';
import { openStore } from '../../sandbox/store/index.ts';
import type { InvocationToRecord } from '../../sandbox/store/invocations-repo.ts';
import { launchChromium } from '../e2e/support/browser.ts';
import { type LabServer, startLabServer } from '../e2e/support/lab-server.ts';

const ROWS = Number(process.env['UI_BENCH_ROWS'] ?? 100_000);
const EDITOR_RUNS = Number(process.env['UI_BENCH_EDITOR_RUNS'] ?? 7);
const INVOKES = Number(process.env['UI_BENCH_INVOKES'] ?? 40);
const SCROLL_MS = Number(process.env['UI_BENCH_SCROLL_MS'] ?? 5000);

/** A history of `count` invocations of hello over the last 30 days (5% cold starts, some failures). */
function seedHistory(dataDir: string, count: number): void {
  const store = openStore(databasePath(dataDir), () => new Date());
  try {
    store.functions.create(HELLO_FUNCTION.name, HELLO_FUNCTION.description, HELLO_FUNCTION.config, HELLO_FUNCTION.files);
    const start = Date.now() - 30 * 86_400_000;
    const step = (30 * 86_400_000) / count;
    const batch: InvocationToRecord[] = [];
    for (let i = 0; i < count; i++) {
      const requestId = randomUUID();
      const cold = i % 20 === 0;
      const failed = i % 37 === 0;
      const durationMs = 0.5 + (i % 97) / 10;
      batch.push({
        requestId,
        functionName: 'hello',
        status: failed ? 'error' : 'success',
        ...(failed ? { errorType: 'TypeError', error: { errorType: 'TypeError', errorMessage: 'bench', trace: [] } } : { response: '{"statusCode":200,"body":"\\"Hello from Lambda!\\""}' }),
        startedAt: new Date(start + i * step).toISOString(),
        durationMs,
        billedDurationMs: Math.ceil(durationMs + (cold ? 20 : 0)),
        ...(cold ? { initDurationMs: 20 } : {}),
        coldStart: cold,
        runtime: 'nodejs24.x',
        environmentId: 'bench',
        memorySizeMB: 128,
        maxMemoryUsedMB: 3,
        event: '{"key1":"value1"}',
        logs: `START RequestId: ${requestId} Version: $LATEST\nEND RequestId: ${requestId}\nREPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\n`,
        costUsd: 2.1e-7,
      });
      if (batch.length === 10_000) store.invocations.insertMany(batch.splice(0));
    }
    if (batch.length > 0) store.invocations.insertMany(batch);
  } finally {
    store.close();
  }
}


async function newPage(browser: Browser, layout?: object): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  if (layout !== undefined) await context.addInitScript((l) => localStorage.setItem('lambda-lab.layout', JSON.stringify(l)), layout);
  return context.newPage();
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const ms = (x: number): string => `${x.toFixed(1)} ms`;

/** Navigation start → the editor shows the handler and takes typing (the UI marks `lab:editor-ready`). */
async function editorReady(browser: Browser, url: string): Promise<number> {
  const page = await newPage(browser);
  await page.goto(url);
  await page.locator('.monaco-editor .view-lines').getByText('Hello from Lambda').waitFor();
  await page.getByRole('textbox', { name: 'Code editor' }).waitFor({ state: 'attached' });
  const mark = await page.evaluate(() => performance.getEntriesByName('lab:editor-ready')[0]?.startTime ?? NaN);
  await page.context().close();
  return mark;
}

/** Invoke click → the new request id is in the Result panel and a frame has been drawn. */
async function invokeToResult(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const shown = (): string | null | undefined => document.querySelector('[aria-label="Result"] .request-id code')?.textContent;
        const before = shown();
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Invoke');
        if (button === undefined) throw new Error('no Invoke button');
        const observer = new MutationObserver(() => {
          const now = shown();
          if (now === undefined || now === null || now === before) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        const t0 = performance.now();
        button.click();
      }),
  );
}

interface ScrollStats {
  frames: number;
  fps: number;
  p95: number;
  worst: number;
  dropped: number;
  rowsPassed: number;
  placeholderShare: number;
}

/** Scrolls the history down by `pxPerFrame` every frame for `durationMs`, recording frame times. */
async function scrollHistory(page: Page, pxPerFrame: number, durationMs: number): Promise<ScrollStats> {
  return page.evaluate(
    ({ pxPerFrame: step, durationMs: duration }) =>
      new Promise<ScrollStats>((resolve) => {
        const scroller = document.querySelector<HTMLElement>('.history-scroller');
        if (scroller === null) throw new Error('no history list');
        const intervals: number[] = [];
        let placeholders = 0;
        let rows = 0;
        let last = performance.now();
        const start = last;
        const startTop = scroller.scrollTop;
        const frame = (now: number): void => {
          intervals.push(now - last);
          last = now;
          placeholders += scroller.querySelectorAll('.history-placeholder').length;
          rows += scroller.querySelectorAll('.history-item').length;
          if (now - start >= duration) {
            const sorted = [...intervals].slice(1).sort((a, b) => a - b);
            const budget = 1000 / 60;
            resolve({
              frames: sorted.length,
              fps: (sorted.length * 1000) / (now - start),
              p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
              worst: sorted[sorted.length - 1] ?? 0,
              dropped: sorted.reduce((n, t) => n + Math.max(0, Math.round(t / budget) - 1), 0),
              rowsPassed: Math.round((scroller.scrollTop - startTop) / 28),
              placeholderShare: rows === 0 ? 0 : placeholders / rows,
            });
            return;
          }
          scroller.scrollTop += step;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    { pxPerFrame, durationMs },
  );
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lambda-lab-ui-bench-'));
  let server: LabServer | undefined;
  let browser: Browser | undefined;
  try {
    const t = performance.now();
    seedHistory(dataDir, ROWS);
    process.stdout.write(`seeded ${ROWS.toLocaleString('en-US')} invocations in ${ms(performance.now() - t)}\n`);
    server = await startLabServer({ dataDir });
    browser = await launchChromium();

    // 1. Editor ready (the first load also warms the engine's caches; it is reported apart).
    const first = await editorReady(browser, server.url);
    const loads: number[] = [];
    for (let i = 0; i < EDITOR_RUNS; i++) loads.push(await editorReady(browser, server.url));

    // 2. Invoke → result, hello handler.
    const page = await newPage(browser);
    await page.goto(server.url);
    await page.locator('.monaco-editor .view-lines').getByText('Hello from Lambda').waitFor();
    const coldInvoke = await invokeToResult(page);
    const invokes: number[] = [];
    for (let i = 0; i < INVOKES; i++) invokes.push(await invokeToResult(page));
    await page.context().close();

    // 3. Scrolling 100,000 rows, in a history panel made tall (result and log panels small).
    const scrollPage = await newPage(browser, { sidebar: 210, panels: 420, tree: 150, event: 210, result: 120, log: 80 });
    await scrollPage.goto(server.url);
    await scrollPage.getByText(/^[\d,]{6,} invocations$/).waitFor(); // the seeded rows and the invocations above
    await scrollPage.locator('.history-button').first().waitFor();
    // The page has loaded: the editor is on screen (its chunks are compiled) and the language
    // workers have had a moment to start.
    await scrollPage.locator('.monaco-editor .view-lines').getByText('Hello from Lambda').waitFor();
    await scrollPage.waitForTimeout(Number(process.env['UI_BENCH_SETTLE_MS'] ?? 1000));
    const visibleRows = await scrollPage.locator('.history-item').count();
    const slow = await scrollHistory(scrollPage, 28 * 3, SCROLL_MS); // 3 rows a frame: reading speed skimming
    const fast = await scrollHistory(scrollPage, 28 * 40, SCROLL_MS); // 40 rows a frame: a fling
    // A jump to the middle (dragging the scrollbar thumb): until its rows are on screen.
    const jump = await scrollPage.evaluate(
      (rows) =>
        new Promise<number>((resolve) => {
          const scroller = document.querySelector<HTMLElement>('.history-scroller') as HTMLElement;
          const t0 = performance.now();
          scroller.scrollTop = Math.floor(rows / 2) * 28;
          const check = (): void => {
            if (scroller.querySelector('.history-placeholder') === null && scroller.querySelector('.history-button') !== null) resolve(performance.now() - t0);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      ROWS,
    );
    await scrollPage.context().close();

    const line = (name: string, value: string, target: string): string => `${name.padEnd(44)} ${value.padEnd(40)} ${target}`;
    process.stdout.write(
      [
        '',
        `Lambda Lab UI benchmark — Chromium ${browser.version()}, 1280×720, ${ROWS.toLocaleString('en-US')} invocations in the history`,
        line('measure', 'result', 'target'),
        line('page load → editable editor', `median ${ms(median(loads))} (min ${ms(Math.min(...loads))}, max ${ms(Math.max(...loads))}, n=${loads.length})`, '< 1500 ms'),
        line('  first load (engine caches cold)', ms(first), ''),
        line('Invoke click → result on screen (warm)', `median ${ms(median(invokes))}, p95 ${ms(pct(invokes, 0.95))} (n=${invokes.length})`, '< 100 ms'),
        line('  first invoke (cold start)', ms(coldInvoke), ''),
        line(`history scroll, 3 rows/frame (${slow.rowsPassed} rows)`, `${slow.fps.toFixed(1)} fps, ${slow.dropped} dropped, p95 ${ms(slow.p95)}, worst ${ms(slow.worst)}`, 'no dropped frames'),
        line(`history scroll, 40 rows/frame (${fast.rowsPassed} rows)`, `${fast.fps.toFixed(1)} fps, ${fast.dropped} dropped, p95 ${ms(fast.p95)}, worst ${ms(fast.worst)}`, 'no dropped frames'),
        line('  rows still loading while scrolling', `${(slow.placeholderShare * 100).toFixed(1)}% (slow), ${(fast.placeholderShare * 100).toFixed(1)}% (fling)`, ''),
        line('  jump to row 50,000 → rows on screen', ms(jump), ''),
        line('  rows in the page (virtualised)', String(visibleRows), ''),
        '',
      ].join('\n'),
    );
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
