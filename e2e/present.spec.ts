// Issue 7, presenting: presentation mode (large type, editing chrome hidden, arrow keys step
// through the packet events, Escape returns) and the read-only embed mode (?embed=1: canvas, Ping
// and playback only; nothing can be moved, linked, deleted or configured).
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { labToFragment } from '../src/lab/link';
import { DEFAULT_LAB } from '../src/lab/builtin/default-lab';
import { device, dragDevice, expectCleanPage, history, labJson, openApp, waitForCanvas, watchPage } from './helpers';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png` });
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

async function seriousAxe(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const runStatus = (page: Page) => page.getByRole('region', { name: 'Packets' }).getByRole('status');
const selectedEvent = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tunnelscopePlayback?: { state(): { selected: number | null } } }).__tunnelscopePlayback?.state().selected ?? null);

async function ping(page: Page, from: string, to: string): Promise<void> {
  await page.getByLabel('Source device').selectOption(from);
  await page.getByLabel('Destination address or device').fill(to);
  await page.getByRole('button', { name: 'Ping', exact: true }).click();
  await expect(runStatus(page)).toContainText(`from ${from}`);
}

test('presentation mode: large type, no editing chrome, arrow keys step through the packets, Escape returns', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  const before = await labJson(page);
  await page.getByRole('button', { name: 'Present' }).click();
  const bar = page.locator('.present-bar');
  await expect(bar.getByRole('heading', { level: 1 })).toHaveText(DEFAULT_LAB.title);
  expect(await bar.getByRole('heading', { level: 1 }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(28);
  expect(await device(page, 'Router R1').locator('.device__name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(18);
  // The editing chrome is gone.
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(page.locator('.palette')).toHaveCount(0);
  await expect(page.locator('.side-panel')).toHaveCount(0);

  await ping(page, 'H1', 'H2');
  await page.getByRole('button', { name: 'Pause' }).click().catch(() => undefined);
  // Arrow keys anywhere, the canvas included, step one packet event at a time.
  await page.locator('.react-flow__pane').click();
  const start = await selectedEvent(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selectedEvent(page)).not.toBe(start);
  const one = (await selectedEvent(page))!;
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selectedEvent(page)).toBeGreaterThan(one);
  const two = (await selectedEvent(page))!;
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => selectedEvent(page)).toBeLessThan(two);
  // Delete and undo do nothing while presenting.
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+z');
  expect(await labJson(page)).toBe(before);
  await shot(page, 'present-mode');
  expect(await seriousAxe(page)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(page.locator('.palette')).toBeVisible();
  expectCleanPage(watch);
});

test('?present=1 opens straight into presentation mode', async ({ page }) => {
  await page.goto('/?present=1');
  await waitForCanvas(page);
  await expect(page.locator('.present-bar')).toBeVisible();
  await page.getByRole('button', { name: 'Stop presenting' }).click();
  await expect(page.locator('.palette')).toBeVisible();
});

test('embed mode (?embed=1): canvas, Ping and playback only; no editing of any kind', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(`/?embed=1${labToFragment(DEFAULT_LAB)}`);
  await waitForCanvas(page);
  const before = await labJson(page);
  const undoDepth = await history(page);

  // What is there: the title, a way to the full editor, the canvas, Ping and playback.
  await expect(page.locator('.embed-bar').getByRole('heading', { level: 1 })).toHaveText(DEFAULT_LAB.title);
  await expect(page.getByRole('link', { name: 'Open in Tunnelscope' })).toHaveAttribute('href', /#lab=1\./);
  await expect(page.getByRole('button', { name: 'Ping', exact: true })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toBeVisible();
  // What is not: palette, header tools, side panel (config editing), context menu, link handles.
  await expect(page.locator('.palette')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Undo|Redo|Share|Library|Present|Export)$/ })).toHaveCount(0);
  await expect(page.locator('.side-panel')).toHaveCount(0);
  await expect(page.locator('textarea')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Compare encapsulations' })).toBeHidden();

  // Nothing moves, deletes, links or opens a menu.
  await dragDevice(page, 'Router R1', 120, 80);
  // Read-only nodes let the pointer through to the pane: force the clicks at the device anyway.
  await device(page, 'Router R1').click({ force: true });
  await page.keyboard.press('Delete');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+z');
  await device(page, 'Host H1').click({ button: 'right', force: true });
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.locator('.react-flow__node.draggable')).toHaveCount(0);
  await expect(page.locator('.device-handle:visible')).toHaveCount(0);
  expect(await labJson(page)).toBe(before);
  expect(await history(page)).toEqual(undoDepth);

  // Ping and playback work.
  await ping(page, 'H1', 'H2');
  await expect(runStatus(page)).toContainText('!');
  await expect(page.getByRole('button', { name: /^(Play|Pause)$/ })).toBeEnabled();
  expect(await labJson(page)).toBe(before);
  await shot(page, 'embed-mode');
  expect(await seriousAxe(page)).toEqual([]);
  expectCleanPage(watch);
});

test('the embed works inside an iframe of a course page', async ({ page, baseURL }) => {
  await openApp(page);
  const src = `${baseURL}/?embed=1${labToFragment(DEFAULT_LAB)}`;
  await page.setContent(`<h1>Week 3: IPsec VTIs</h1><iframe title="Tunnelscope lab" src="${src}" width="960" height="600"></iframe>`);
  const frame = page.frameLocator('iframe[title="Tunnelscope lab"]');
  await expect(frame.locator('.react-flow__node')).toHaveCount(4);
  await expect(frame.getByRole('button', { name: 'Ping', exact: true })).toBeVisible();
  await expect(frame.locator('.palette')).toHaveCount(0);
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/embed-iframe.png' });
});
