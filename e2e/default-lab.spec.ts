// The first thing a newcomer sees: the built-in lab, drawn by the built app with no errors.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { device, expectCleanPage, openApp, watchPage } from './helpers';

test('the default lab opens with 4 devices and 3 labelled links, without page errors', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);

  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  for (const name of ['Host H1', 'Router R1', 'Router R2', 'Host H2']) await expect(device(page, name)).toBeVisible();
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(3);
  await expect(page.getByRole('group', { name: 'Link from R1 GigabitEthernet1 to R2 GigabitEthernet1' })).toBeAttached(); // a level line has no height, so not 'visible'

  const labels = await page.locator('.link-label').allTextContents();
  expect(labels.sort()).toEqual(['Et0', 'Et0', 'Gi1', 'Gi1', 'Gi2', 'Gi2']);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('IPsec static VTI between two sites');
  // The VTI its configs build is drawn over the R1 - R2 link.
  await expect(page.locator('.tunnel-label')).toHaveText('R1 Tu0 – R2 Tu0IPsec VTI');

  // Every device is on screen after the initial fit.
  const viewport = page.viewportSize()!;
  for (const box of await Promise.all((await page.locator('.react-flow__node').all()).map((n) => n.boundingBox()))) {
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  }
  expectCleanPage(watch);
});

test('screenshot of the main screen for review', async ({ page }, testInfo) => {
  const watch = watchPage(page);
  await openApp(page);
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(3);
  await page.waitForTimeout(300); // let the initial fit settle
  const path = testInfo.outputPath('main-screen.png');
  await page.screenshot({ path });
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/main-screen.png' });
  // The README's picture: refreshed on request, so ordinary test runs leave the work tree clean.
  if (process.env.UPDATE_SCREENSHOT === '1' || !existsSync('docs/screenshot.png')) {
    mkdirSync('docs', { recursive: true });
    copyFileSync(path, 'docs/screenshot.png');
  }

  await device(page, 'Router R1').click();
  await expect(page.getByLabel('Running-config')).toHaveValue(/hostname R1/);
  await page.screenshot({ path: 'test-results/device-selected.png' });
  expectCleanPage(watch);
});

async function seriousViolations(page: Page, view: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${view}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe finds no serious or critical violations on the main screen', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  const views: Record<string, () => Promise<unknown>> = {
    'nothing selected': async () => undefined,
    'device selected': async () => device(page, 'Router R1').click(),
    'link selected': async () => page.getByRole('button', { name: /Gi1 to R2 Gi1/ }).click(),
    'context menu open': async () => device(page, 'Host H2').click({ button: 'right' }),
    'title and notes form': async () => {
      await page.keyboard.press('Escape');
      await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
      await page.getByRole('button', { name: 'Edit title and notes' }).click();
    },
  };
  const found: string[] = [];
  for (const [view, open] of Object.entries(views)) {
    await open();
    found.push(...(await seriousViolations(page, view)));
  }
  expect(found).toEqual([]);
});

test('axe finds no serious or critical violations with an error message on screen', async ({ page }) => {
  await openApp(page, { stored: '{"format":"tunnelscope-lab","version":1}' });
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(page, 'load error')).toEqual([]);
});

test('by keyboard alone: add a router, link it, open a device and delete it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add router' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'R3', level: 2 })).toBeVisible();
  // Screen readers hear what each edit did.
  await expect(page.getByRole('status').filter({ hasText: 'Router R3 added.' })).toBeAttached();
  await page.getByLabel('Link R3 to').focus();
  await page.keyboard.press('End'); // the last device in the list: H2
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Link to H2');
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(4);
  await expect(page.getByRole('status').filter({ hasText: /^Linked R3 GigabitEthernet1 to H2 / })).toBeAttached();

  // Canvas nodes take focus with their names; Enter selects, Delete removes.
  await device(page, 'Router R3').focus();
  await expect(device(page, 'Router R3')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'R3', level: 2 })).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted R3.' })).toBeAttached();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone.' })).toBeAttached();
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
});

test('dark theme: switched from the header, kept across a reload, and axe-clean', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  const toggle = page.getByRole('button', { name: 'Dark' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await device(page, 'Router R1').click();
  await page.screenshot({ path: 'test-results/main-screen-dark.png' });
  expect(await seriousViolations(page, 'dark theme')).toEqual([]);
  expectCleanPage(watch);
});
