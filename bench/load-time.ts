// How soon the default lab is interactive after navigation, on localhost, in headless Chromium
// (DESIGN.md budget: within 1 s). Each run is a first visit (a fresh browser context, empty cache
// and storage). Interactive means: the canvas shows the default lab's 4 devices and the Ping
// button is enabled. Also prints first contentful paint. Times are from the navigation's start
// (performance.timeOrigin), read inside the page.
// Run after `npx vite build`: npx tsx bench/load-time.ts   (RUNS=n, BENCH_PORT, BENCH_DIST)
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { startPreview } from './preview';

const PORT = Number(process.env.BENCH_PORT ?? 4199);
const RUNS = Number(process.env.RUNS ?? 7);
const BUDGET_MS = 1000;

const READY = `document.querySelectorAll('.react-flow__node').length === 4 && [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Ping' && !b.disabled)`;

const server = await startPreview(PORT);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const interactive: number[] = [];
  const fcp: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'commit' });
    await page.waitForFunction(READY, undefined, { polling: 'raf', timeout: 30_000 });
    const ms = (await page.evaluate('performance.now()')) as number;
    const paint = (await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1`)) as number;
    interactive.push(ms);
    fcp.push(paint);
    console.log(`run ${k + 1}: interactive at ${ms.toFixed(0)} ms, first contentful paint ${paint.toFixed(0)} ms`);
    await context.close();
  }
  const sorted = [...interactive].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`default lab interactive after navigation: median ${median.toFixed(0)} ms, best ${sorted[0]!.toFixed(0)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`budget: within ${BUDGET_MS} ms: ${median <= BUDGET_MS ? 'OK' : 'OVER BUDGET'} (median)`);
} finally {
  await browser.close();
  server.kill();
}
