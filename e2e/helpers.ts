// Shared steps for the end-to-end tests: open the app with a given autosave and/or link, watch
// for anything that would mean a script ran or the page broke, and read the document.
import { expect, type Page } from '@playwright/test';
import type { LabV1 } from '../src/lab/types';

export const AUTOSAVE_KEY = 'tunnelscope:autosave';

export interface PageWatch {
  pageErrors: string[];
  consoleErrors: string[];
  dialogs: string[];
}

/** Records page errors, console errors and dialogs (an alert() from injected markup would be one). */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { pageErrors: [], consoleErrors: [], dialogs: [] };
  page.on('pageerror', (e) => watch.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  return watch;
}

export function expectCleanPage(watch: PageWatch): void {
  expect(watch.pageErrors, 'page errors').toEqual([]);
  expect(watch.consoleErrors, 'console errors').toEqual([]);
  expect(watch.dialogs, 'dialogs').toEqual([]);
}

/** Opens the app; with `stored`, the autosave holds that text before the app starts. */
export async function openApp(page: Page, options: { stored?: string; hash?: string } = {}): Promise<void> {
  if (options.stored !== undefined) {
    await page.goto('/');
    await page.evaluate(([key, value]) => window.localStorage.setItem(key!, value!), [AUTOSAVE_KEY, options.stored]);
    // Leave the app, so the next navigation is a fresh start even when only the hash differs.
    await page.goto('about:blank');
  }
  await page.goto(`/${options.hash ?? ''}`);
  await waitForCanvas(page);
}

export async function waitForCanvas(page: Page): Promise<void> {
  await expect(page.locator('.react-flow__renderer')).toBeVisible();
}

export async function labJson(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __tunnelscope: { labJson(): string } }).__tunnelscope.labJson());
}

export async function lab(page: Page): Promise<LabV1> {
  return JSON.parse(await labJson(page)) as LabV1;
}

export async function history(page: Page): Promise<{ undo: number; redo: number }> {
  return page.evaluate(() => (window as unknown as { __tunnelscope: { history(): { undo: number; redo: number } } }).__tunnelscope.history());
}

/** The autosave as stored, once the debounce has written it. */
export async function storedLab(page: Page): Promise<string | null> {
  return page.evaluate((key) => window.localStorage.getItem(key), AUTOSAVE_KEY);
}

export async function waitForAutosave(page: Page): Promise<void> {
  const current = await labJson(page);
  await expect.poll(() => storedLab(page)).toBe(current);
}

export const device = (page: Page, label: string) => page.getByRole('group', { name: label, exact: true });

/** Draws a link by dragging from one device's + knob onto another device. */
export async function dragLink(page: Page, fromLabel: string, toLabel: string): Promise<void> {
  const from = device(page, fromLabel);
  await from.hover();
  const handle = from.locator('.device-handle');
  const h = (await handle.boundingBox())!;
  const t = (await device(page, toLabel).locator('.device__icon').boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + 30, h.y + 30, { steps: 5 });
  await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 10 });
  await page.mouse.up();
}

/** Drags a device by its icon by (dx, dy) screen pixels. */
export async function dragDevice(page: Page, label: string, dx: number, dy: number): Promise<void> {
  const icon = (await device(page, label).locator('.device__icon').boundingBox())!;
  const x = icon.x + icon.width / 2;
  const y = icon.y + icon.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}
