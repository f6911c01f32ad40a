// Building a lab by hand on the canvas: every edit is an action, undoable, and autosaved.
import { test, expect } from '@playwright/test';
import { device, dragDevice, dragLink, expectCleanPage, history, lab, labJson, openApp, waitForAutosave, watchPage } from './helpers';

test('add a router, link it, undo and redo, reload: the lab is as it was', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  const original = await labJson(page);

  await page.getByRole('button', { name: 'Add router' }).click();
  await expect(device(page, 'Router R3')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(5);

  await dragLink(page, 'Router R3', 'Router R2');
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(4);
  const linked = await lab(page);
  expect(linked.links.at(-1)).toEqual({ a: 'R3 GigabitEthernet1', b: 'R2 GigabitEthernet3' });
  await expect(page.locator('.link-label', { hasText: 'Gi3' })).toHaveCount(1);
  const linkedJson = await labJson(page);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  expect(await labJson(page)).toBe(original);

  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(4);
  expect(await labJson(page)).toBe(linkedJson);

  await waitForAutosave(page);
  await page.reload();
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(4);
  await expect(device(page, 'Router R3')).toBeVisible();
  expect(await labJson(page)).toBe(linkedJson);
  expectCleanPage(watch);
});

test('a drag is one undo step, and Ctrl+Y redoes it', async ({ page }) => {
  await openApp(page);
  const before = await lab(page);
  await dragDevice(page, 'Router R1', 0, 120);
  await expect.poll(async () => (await lab(page)).devices.find((d) => d.name === 'R1')!.y).toBeGreaterThan(before.devices[1]!.y + 60);
  expect(await history(page)).toEqual({ undo: 1, redo: 0 });
  const moved = await labJson(page);
  await page.keyboard.press('Control+z');
  expect(await lab(page)).toEqual(before);
  await page.keyboard.press('Control+y');
  expect(await labJson(page)).toBe(moved);
});

test('Delete key and the context menu remove devices and links; undo brings them back', async ({ page }) => {
  await openApp(page);
  const original = await labJson(page);

  await device(page, 'Host H2').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(2);

  await device(page, 'Host H1').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Delete H1' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);

  const edge = page.locator('.react-flow__edge-link').first();
  const box = (await edge.locator('.react-flow__edge-interaction').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
  await page.getByRole('menuitem', { name: /Delete link R1 GigabitEthernet1/ }).click();
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(0);

  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Undo' }).click();
  expect(await labJson(page)).toBe(original);

  // A link selected on the canvas goes with the Delete key too.
  const link = (await page.locator('.react-flow__edge-link').nth(1).locator('.react-flow__edge-interaction').boundingBox())!;
  await page.mouse.click(link.x + link.width / 2, link.y + link.height / 2);
  await expect(page.getByRole('heading', { name: 'R1 Gi1 – R2 Gi1' })).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(2);
  expect((await lab(page)).links.some((l) => l.a === 'R1 GigabitEthernet1')).toBe(false);
});

test('renaming a device changes its hostname and its links; a bad name is refused with a reason', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  await device(page, 'Router R1').click();
  const name = page.getByLabel('Name (hostname)');

  await name.fill('<b>x</b>');
  await name.press('Enter');
  await expect(page.getByRole('alert')).toContainText('not a valid hostname');
  expect((await lab(page)).devices.map((d) => d.name)).toContain('R1');

  await name.fill('HQ-EDGE');
  await name.press('Enter');
  await expect(device(page, 'Router HQ-EDGE')).toBeVisible();
  await expect(page.getByLabel('Running-config')).toHaveValue(/^hostname HQ-EDGE\n/);
  const renamed = await lab(page);
  expect(renamed.links.some((l) => l.a === 'HQ-EDGE GigabitEthernet1' || l.b === 'HQ-EDGE GigabitEthernet1')).toBe(true);
  expectCleanPage(watch);
});

test('the running-config applies on blur, and an invalid config is refused with a message', async ({ page }) => {
  await openApp(page);
  await device(page, 'Host H1').click();
  const config = page.getByLabel('Running-config');
  const before = await config.inputValue();

  await config.fill(before.replace('ip default-gateway 10.1.1.1', 'ip default-gateway 10.1.1.254'));
  await page.getByLabel('Name (hostname)').focus(); // blur applies
  await expect.poll(async () => (await lab(page)).devices.find((d) => d.name === 'H1')!.config).toContain('10.1.1.254');

  // Removing the interface a link uses would leave the link dangling: refused, lab unchanged.
  const applied = await labJson(page);
  await config.fill('hostname H1\nno ip routing\n');
  await page.getByRole('button', { name: 'Apply config' }).click();
  await expect(page.getByRole('alert')).toContainText('not applied');
  expect(await labJson(page)).toBe(applied);
  await page.getByRole('button', { name: 'Revert' }).click();
  await expect(config).toHaveValue(/10\.1\.1\.254/);
});

test('a selected link shows its ends, and its interfaces can be changed', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add router' }).click();
  await expect(page.getByRole('heading', { name: 'R3' })).toBeVisible();
  await page.getByLabel('Link R3 to').selectOption('R2');
  await page.getByRole('button', { name: 'Link to R2' }).click();

  // The new link is selected: its panel offers R3's free interfaces for R3's end.
  const r3End = page.getByLabel('Interface on R3');
  await expect(r3End).toHaveValue('GigabitEthernet1');
  expect(await r3End.locator('option').allTextContents()).toEqual([
    'GigabitEthernet1 (Gi1)',
    'GigabitEthernet2 (Gi2)',
    'GigabitEthernet3 (Gi3)',
    'GigabitEthernet4 (Gi4)',
  ]);
  await r3End.selectOption('GigabitEthernet3');
  await expect.poll(async () => (await lab(page)).links.at(-1)!.a).toBe('R3 GigabitEthernet3');
  await expect(page.getByRole('group', { name: /^Link from R3 GigabitEthernet3 to R2 / })).toBeAttached();
  await expect(page.locator('.link-label', { hasText: 'Gi3' })).toHaveCount(2);
});

test('the lab title and notes can be edited, as one undo step', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Edit title and notes' }).click();
  await page.getByLabel('Title').fill('My first tunnel');
  await page.getByLabel('Notes').fill('Try `show crypto ipsec sa` on R1.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My first tunnel');
  await expect(page.locator('.notes code')).toHaveText('show crypto ipsec sa');
  expect(await history(page)).toEqual({ undo: 1, redo: 0 });
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('IPsec static VTI between two sites');
});

test('an empty lab says what to do first', async ({ page }) => {
  await openApp(page);
  await expect(page.getByText('This lab is empty.')).toHaveCount(0);
  for (const name of ['Host H1', 'Router R1', 'Router R2', 'Host H2']) {
    await device(page, name).click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^Delete / }).click();
  }
  await expect(page.getByText('This lab is empty.')).toBeVisible();
  await page.screenshot({ path: 'test-results/empty-lab.png' });
});
