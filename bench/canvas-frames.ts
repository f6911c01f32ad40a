// Canvas frame times in headless Chromium (DESIGN.md: 100 devices with 50 packets in flight, 95th
// percentile frame at most 16.7 ms; 300 devices at most 33 ms). Loads a generated hub-and-spokes
// lab through a `#lab=` link into the built app, animates 50 packets on its links through the
// playback hook, and records requestAnimationFrame timestamps: first while the packets animate,
// then while a device is dragged with the packets still moving.
// Run after `npx vite build`: npx tsx bench/canvas-frames.ts [devices...]   (default 100 300)
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { generateHubSpokeLab } from '../src/lab/generate';
import { labToFragment } from '../src/lab/link';

const PORT = 4197;
const BASE = `http://127.0.0.1:${PORT}/`;
const PACKETS = 50;
const BUDGET: Record<number, number> = { 100: 16.7, 300: 33 };
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

function startPreview(): Promise<ChildProcess> {
  // vite itself, not through npx, so killing the child stops the server.
  const child = spawn(join(import.meta.dirname, '..', 'node_modules', '.bin', 'vite'), ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start in 30 s')), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes(String(PORT))) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
  });
}

/** Frame intervals (ms) from requestAnimationFrame over `ms` milliseconds, while `during` runs. */
async function frames(page: Page, ms: number, during?: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__framesDone = false;
    const start = performance.now();
    const tick = (t) => {
      window.__frames.push(t);
      if (t - start < ${ms}) requestAnimationFrame(tick);
      else window.__framesDone = true;
    };
    requestAnimationFrame(tick);
  })()`);
  if (during) await during();
  await page.waitForFunction(() => (window as unknown as { __framesDone: boolean }).__framesDone, undefined, { timeout: ms + 30_000 });
  const stamps = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
  return stamps.slice(1).map((t, i) => t - stamps[i]!);
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** rAF timestamps jitter by a few tenths around the 16.67 ms vsync, so compare with that slack. */
const TIMER_SLACK_MS = 0.3;

function report(label: string, intervals: number[], budget: number | undefined): void {
  const p95 = percentile(intervals, 95);
  const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
  const verdict = budget === undefined ? '' : `   budget ${budget} ms: ${p95 <= budget + TIMER_SLACK_MS ? 'within' : 'OVER'}`;
  console.log(`  ${label.padEnd(34)} frames ${String(intervals.length).padStart(4)}  mean ${mean.toFixed(1).padStart(5)} ms  p95 ${p95.toFixed(1).padStart(5)} ms  max ${Math.max(...intervals).toFixed(1).padStart(6)} ms${verdict}`);
}

async function measure(page: Page, devices: number): Promise<void> {
  // Hub and spokes with a host behind each spoke: 1 + 2*spokes + 1 devices.
  const spokes = Math.max(1, Math.round((devices - 2) / 2));
  const lab = generateHubSpokeLab({ spokes, hosts: true });
  await page.goto('about:blank');
  await page.goto(`${BASE}${labToFragment(lab)}`);
  await page.locator('.react-flow__node').nth(lab.devices.length - 1).waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForFunction(() => 'animateSynthetic' in ((window as unknown as { __tunnelscopePlayback?: object }).__tunnelscopePlayback ?? {}), undefined, { timeout: 30_000 });
  await page.waitForTimeout(500);
  console.log(`${lab.devices.length} devices, ${lab.links.length} links, ${PACKETS} packets in flight (headless Chromium ${page.context().browser()?.version()}, viewport 1440x900):`);

  report('idle canvas', await frames(page, 1500), undefined);
  // Drag a spoke in circles: first alone (the canvas's own cost), later with the packets moving.
  const box = (await page.locator('.react-flow__node[data-id="S1"] .device__icon').boundingBox()) ?? (await page.locator('.react-flow__node').nth(1).boundingBox());
  if (!box) throw new Error('no device to drag');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const drag = async () => {
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let k = 0; k < 160; k++) await page.mouse.move(x + 60 * Math.sin(k / 8), y + 60 * Math.cos(k / 8) - 60, { steps: 1 });
    await page.mouse.up();
  };
  report('dragging a device, no packets', await frames(page, 3000, drag), undefined);
  const transits = await page.evaluate((n) => (window as unknown as { __tunnelscopePlayback: { animateSynthetic(n: number): number } }).__tunnelscopePlayback.animateSynthetic(n), PACKETS);
  if (transits < PACKETS) throw new Error(`only ${transits} transits were loaded`);
  await page.waitForSelector('.packet-dot');
  const inFlight = await page.locator('.packet-dot').count();
  report(`${inFlight} packets animating`, await frames(page, 4000), BUDGET[lab.devices.length]);

  report('dragging a device + packets', await frames(page, 3000, drag), BUDGET[lab.devices.length]);
}

// Frame times are wall-clock: other work on the machine shows up in them, so say how busy it was.
console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min)`);
const server = await startPreview();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  for (const n of sizes.length > 0 ? sizes : [100, 300]) await measure(page, n);
} finally {
  await browser.close();
  server.kill();
}
console.log(`machine load average after: ${loadavg()[0]!.toFixed(1)}`);
