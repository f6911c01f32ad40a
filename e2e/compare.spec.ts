// Issue 6, compare view: every answer of the carries/protects table links to the lab event that
// proves it. Following a link opens the demonstrating lab (after asking, undoably), runs it through
// the normal engine path and leaves the proving packet selected in the inspector.
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { EVIDENCE } from '../src/app/compare/evidence';
import { expectCleanPage, history, lab, openApp, watchPage } from './helpers';

async function openCompare(page: Page) {
  await page.getByRole('button', { name: 'Compare encapsulations' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare encapsulations' });
  await expect(dialog).toBeVisible();
  return dialog;
}

const inspector = (page: Page) => page.getByRole('region', { name: 'Packet inspector' });
const layerProtocols = (page: Page) => inspector(page).locator('.layer').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-protocol')));

test('VTI carries multicast: the evidence link opens the OSPF lab and selects the hello encrypted into ESP', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  const before = await lab(page);
  const dialog = await openCompare(page);
  // One link per answer that has evidence, each with its own name.
  await expect(dialog.getByRole('button', { name: /^Evidence: / })).toHaveCount(EVIDENCE.length);
  await expect(dialog.locator('tr[data-row="crypto-map"] th')).toHaveText('Crypto map');

  await dialog.getByRole('button', { name: /^Evidence: IPsec VTI, Multicast \(OSPF\)/ }).click();
  // The lab on the canvas is the learner's: it changes only when they say so.
  const confirm = dialog.getByRole('group', { name: /runs in the lab/ });
  await expect(confirm).toContainText('OSPF over a VTI, and across a crypto map');
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/compare-evidence-table.png', fullPage: false });
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await confirm.getByRole('button', { name: 'Open lab and show the packet' }).click();

  await expect(dialog).toBeHidden();
  await expect(inspector(page).getByTestId('what-happened')).toContainText('HUB');
  await expect(inspector(page).getByTestId('what-happened')).toContainText('IPsec encryption on Tunnel1: ESP tunnel mode');
  await expect(page.locator('.event[aria-selected="true"]')).toHaveAttribute('data-point', 'Encap');
  // Opened decrypted: the ESP payload is the OSPF hello to 224.0.0.5.
  await expect(inspector(page).getByRole('button', { name: 'Decrypted with the SA keys' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => layerProtocols(page)).toEqual(['ipv4', 'ospf', 'esp-trailer']);
  await expect(inspector(page).locator('.layer[data-protocol="ipv4"]')).toContainText('Dst: 224.0.0.5');
  await page.screenshot({ path: 'test-results/compare-evidence-followed.png' });

  expect((await lab(page)).title).toBe('OSPF over a VTI, and across a crypto map');
  expect((await history(page)).undo).toBeGreaterThan(0);
  // Undo brings the learner's lab back.
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await lab(page)).toEqual(before);
  expectCleanPage(watch);
});

test('crypto map carries no multicast: on the same lab the link needs no question and shows the hello in clear', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  let dialog = await openCompare(page);
  await dialog.getByRole('button', { name: /^Evidence: IPsec VTI, Multicast/ }).click();
  await dialog.getByRole('button', { name: 'Open lab and show the packet' }).click();
  await expect(dialog).toBeHidden();
  const undoBefore = (await history(page)).undo;

  dialog = await openCompare(page);
  await dialog.getByRole('button', { name: /^Evidence: Crypto map, Multicast/ }).click();
  await expect(dialog).toBeHidden();
  await expect(inspector(page).getByTestId('what-happened')).toContainText('sent on GigabitEthernet1 to 01:00:5e:00:00:05');
  await expect(page.locator('.event[aria-selected="true"]')).toHaveAttribute('data-protocol', 'OSPF');
  await expect.poll(() => layerProtocols(page)).toEqual(['eth', 'ipv4', 'ospf']);
  await expect(inspector(page).locator('.layer[data-protocol="ipv4"]')).toContainText('Dst: 224.0.0.5');
  expect((await history(page)).undo).toBe(undoBefore);
  expectCleanPage(watch);
});

test('cancel keeps the lab and returns focus to the link', async ({ page }) => {
  await openApp(page);
  const before = await lab(page);
  const dialog = await openCompare(page);
  const link = dialog.getByRole('button', { name: /^Evidence: GRE, Non-IP/ });
  await link.click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(link).toBeFocused();
  expect(await lab(page)).toEqual(before);
});

test('GRE carries non-IP, shown honestly: the link selects a GRE packet and its Protocol Type field, and says why', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  const dialog = await openCompare(page);
  await expect(dialog.locator('tr[data-row="gre"] td[data-cell="nonIp"]')).toContainText('the engine sends only IPv4');
  await dialog.getByRole('button', { name: /^Evidence: GRE, Non-IP/ }).click();
  await dialog.getByRole('button', { name: 'Open lab and show the packet' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.event[aria-selected="true"]')).toHaveAttribute('data-protocol', 'GRE');
  await expect(inspector(page).getByTestId('what-happened')).toContainText('R1 GigabitEthernet1 - R2 GigabitEthernet1');
  await expect.poll(() => layerProtocols(page)).toEqual(['eth', 'ipv4', 'gre', 'ipv4', 'icmp']);
  await expect(inspector(page).locator('[data-field="Protocol Type"]')).toContainText('0x0800 (IPv4)');
  expect((await lab(page)).title).toBe('Plain GRE between two sites');
  expectCleanPage(watch);
});
