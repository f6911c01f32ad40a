// Acceptance 3 of issue 2: a lab built by hand (3 routers, 2 hosts, 1 NAT box, 5 links) survives
// a reload unchanged, and 10 undos followed by 10 redos return exactly the same document.
import { test, expect, type Page } from '@playwright/test';
import { device, dragLink, expectCleanPage, history, lab, labJson, openApp, storedLab, waitForAutosave, watchPage } from './helpers';

async function dropFromPalette(page: Page, kind: 'Add router' | 'Add host' | 'Add NAT box', x: number, y: number) {
  // (x, y) is relative to the canvas's top-left corner.
  await page.getByRole('button', { name: kind }).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
}

test('a hand-made lab survives a reload, and 10 undos then 10 redos return it exactly', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);

  // Clear the default lab, one device at a time.
  for (const name of ['Host H1', 'Router R1', 'Router R2', 'Host H2']) {
    await device(page, name).click();
    await page.keyboard.press('Delete');
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // Place six devices by dragging them from the palette onto the canvas.
  const placements: [Parameters<typeof dropFromPalette>[1], number, number, string][] = [
    ['Add host', 80, 420, 'Host H1'],
    ['Add router', 250, 420, 'Router R1'],
    ['Add NAT box', 420, 420, 'NAT box NAT1'],
    ['Add router', 590, 420, 'Router R2'],
    ['Add host', 760, 420, 'Host H2'],
    ['Add router', 250, 200, 'Router R3'],
  ];
  for (const [kind, x, y, label] of placements) {
    await dropFromPalette(page, kind, x, y);
    await expect(device(page, label)).toBeVisible();
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(6);

  // Five links: three drawn on the canvas, two from the device panel.
  await dragLink(page, 'Host H1', 'Router R1');
  await dragLink(page, 'Router R1', 'NAT box NAT1');
  await dragLink(page, 'NAT box NAT1', 'Router R2');
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(3);
  await device(page, 'Router R2').click();
  await page.getByLabel('Link R2 to').selectOption('H2');
  await page.getByRole('button', { name: 'Link to H2' }).click();
  await device(page, 'Router R3').click();
  await page.getByLabel('Link R3 to').selectOption('R1');
  await page.getByRole('button', { name: 'Link to R1' }).click();
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(5);

  const built = await lab(page);
  expect(built.devices.map((d) => `${d.kind}:${d.name}`).sort()).toEqual(
    ['host:H1', 'host:H2', 'nat:NAT1', 'router:R1', 'router:R2', 'router:R3'].sort(),
  );
  expect(built.links).toEqual([
    { a: 'H1 Ethernet0', b: 'R1 GigabitEthernet1' },
    { a: 'R1 GigabitEthernet2', b: 'NAT1 GigabitEthernet0/0' },
    { a: 'NAT1 GigabitEthernet0/1', b: 'R2 GigabitEthernet1' },
    { a: 'R2 GigabitEthernet2', b: 'H2 Ethernet0' },
    { a: 'R3 GigabitEthernet1', b: 'R1 GigabitEthernet3' },
  ]);
  const builtJson = await labJson(page);
  expect((await history(page)).undo).toBe(4 + 6 + 5);

  // 10 undos, then 10 redos: exactly the same document.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  for (let i = 0; i < 10; i++) await page.keyboard.press('Control+z');
  expect(await history(page)).toEqual({ undo: 5, redo: 10 });
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  for (let i = 0; i < 10; i++) await page.keyboard.press('Control+Shift+Z');
  expect(await labJson(page)).toBe(builtJson);
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(5);

  // Reload: the autosave restores it unchanged.
  await waitForAutosave(page);
  expect(await storedLab(page)).toBe(builtJson);
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.locator('.react-flow__edge-link')).toHaveCount(5);
  expect(await labJson(page)).toBe(builtJson);
  await page.screenshot({ path: 'test-results/hand-made-lab.png' });
  expectCleanPage(watch);
});
