// Issue 6: traffic, playback, inspector and compare view, driven as a learner drives them.
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { labToFragment } from '../src/lab/link';
import { plainGreDefaultLab } from '../src/app/traffic/lab-variants';
import { compareRows } from '../src/app/compare/compare-model';
import { generateHubSpokeLab } from '../src/lab/generate';
import { expectCleanPage, openApp, watchPage } from './helpers';

const GRE_LINK = labToFragment(plainGreDefaultLab());

/** Saved under test-results/ for review, and with the test's own artifacts (which other runs keep). */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png` });
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

async function ping(page: Page, from: string, to: string): Promise<void> {
  await page.getByLabel('Source device').selectOption(from);
  await page.getByLabel('Destination address or device').fill(to);
  await page.getByRole('button', { name: 'Ping', exact: true }).click();
  await expect(runStatus(page)).toContainText(`from ${from}`);
}

/** The dock's line that reports the run (the app has other status regions). */
const runStatus = (page: Page) => page.getByRole('region', { name: 'Packets' }).getByRole('status');

const dotPosition = (page: Page) => page.locator('.packet-dot').first().evaluate((el) => (el as HTMLElement).style.transform);

test('default lab: ping H2 from H1, the packet crosses R1 -> R2 as ESP, the inspector shows and decrypts it', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  await ping(page, 'H1', 'H2');
  // Playback starts by itself: a dot is on a wire and moves along it.
  await expect(page.locator('.packet-dot').first()).toBeAttached();
  const first = await dotPosition(page);
  await expect.poll(() => dotPosition(page).catch(() => 'gone')).not.toBe(first);

  const events = page.getByRole('listbox', { name: /Events/ });
  await expect(events.locator('[data-device="H1"][data-point="Originate"]').first()).toBeVisible();
  await expect(events.locator('[data-device="R1"][data-point="Rx"]').first()).toBeAttached();

  // The R1 -> R2 hop is IPv4 (protocol 50) > ESP.
  const esp = events.locator('[data-device="R1"][data-point="Tx"][data-protocol="ESP"]').first();
  await esp.click();
  await expect(esp).toHaveAttribute('aria-selected', 'true');
  const layers = page.locator('.inspector .layer');
  expect(await layers.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-protocol')))).toEqual(['eth', 'ipv4', 'esp']);
  await expect(layers.nth(1)).toContainText('Protocol: Encap Security Payload (50)');
  // Hovering the SPI lights up exactly its 4 bytes, right after Ethernet (14) and IPv4 (20).
  await page.locator('.inspector [data-field="ESP SPI"]').hover();
  const spi = page.locator('.bytes .byte[data-highlighted="true"]');
  await expect(spi).toHaveCount(4);
  expect(await spi.evaluateAll((bs) => bs.map((b) => Number(b.getAttribute('data-offset'))))).toEqual([34, 35, 36, 37]);
  await expect(page.locator('.bytes .byte[data-band~="encrypted"]').first()).toBeAttached();
  await expect(page.locator('.bytes .byte[data-band~="authenticated"]').first()).toBeAttached();

  // The packet visibly crosses R1 -> R2: from this moment, play moves the ESP dot along the link.
  const dot = page.locator('.packet-dot[data-from="R1"][data-to="R2"]').first();
  await expect(dot).toHaveAttribute('data-encap', 'esp');
  const atStart = await dot.evaluate((el) => (el as HTMLElement).style.transform);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => dot.evaluate((el) => (el as HTMLElement).style.transform).catch(() => 'arrived')).not.toBe(atStart);
  await page.getByRole('button', { name: 'Pause' }).click();

  // Decrypted with (a copy of) the SA: inner IPv4 > ICMP.
  await esp.click();
  await page.getByRole('button', { name: 'Decrypted with the SA keys' }).click();
  expect(await layers.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-protocol')))).toEqual(['ipv4', 'icmp', 'esp-trailer']);
  await expect(layers.nth(1)).toContainText('Echo (ping) request');
  await shot(page, 'packets-default-lab-decrypted');
  await page.getByRole('button', { name: 'As on the wire' }).click();
  await expect(layers.last()).toHaveAttribute('data-protocol', 'esp');
  await shot(page, 'packets-default-lab');
  expectCleanPage(watch);
});

test('GRE lab: the R1 -> R2 hop shows Ethernet > IPv4 (47) > GRE > IPv4 > ICMP and hovering a field highlights its bytes', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page, { hash: GRE_LINK });
  await ping(page, 'H1', 'H2');
  await expect(runStatus(page)).toContainText('...!!');
  const hop = page.locator('.event[data-device="R1"][data-point="Tx"][data-protocol="GRE"]').first();
  await hop.click();
  await expect(hop).toHaveAttribute('aria-selected', 'true');
  const layers = page.locator('.inspector .layer');
  await expect(layers).toHaveCount(5);
  expect(await layers.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-protocol')))).toEqual(['eth', 'ipv4', 'gre', 'ipv4', 'icmp']);
  await expect(layers.nth(1)).toContainText('Protocol: Generic Routing Encapsulation (47)');

  // Hover the outer IPv4 Protocol field: exactly byte 14 + 9 = 23 lights up.
  await layers.nth(1).locator('[data-field="Protocol"]').hover();
  const lit = page.locator('.bytes .byte[data-highlighted="true"]');
  await expect(lit).toHaveCount(1);
  await expect(lit).toHaveAttribute('data-offset', '23');
  await expect(lit).toHaveText('2f');
  // The Ethernet header is the part added at this hop.
  await expect(page.locator('.bytes .byte[data-band~="added"]')).toHaveCount(14);
  await shot(page, 'packets-gre-inspector');

  // The Encap step at R1: a before and after, 100 -> 124 bytes, GRE added.
  await page.locator('.event[data-device="R1"][data-point="Encap"]').first().click();
  await expect(page.getByRole('group', { name: 'Before and after this step' })).toContainText('100 bytes');
  await expect(page.getByRole('group', { name: 'Before and after this step' })).toContainText('124 bytes');
  await expect(page.locator('.bytes .byte[data-band~="added"]')).toHaveCount(24);
  expectCleanPage(watch);
});

test('compare view: its numbers are the lengths of the packets the engine builds', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, { hash: GRE_LINK });
  await page.getByRole('button', { name: 'Compare encapsulations' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare encapsulations' });
  await expect(dialog).toBeVisible();
  const expected = compareRows(100, { cipher: 'esp-aes', integrity: 'esp-sha-hmac' });
  for (const r of expected) {
    const row = dialog.locator(`tr[data-variant="${r.variant}"][data-nat-t="${r.natT}"]`);
    await expect(row.locator('[data-total]')).toHaveAttribute('data-total', String(r.packet.length));
    await expect(row.locator('[data-mtu]')).toHaveAttribute('data-mtu', String(r.plaintextMtu));
    const parts = await row.locator('.compare__segment').evaluateAll((ss) => ss.reduce((n, s) => n + Number(s.getAttribute('data-bytes')), 0));
    expect(parts).toBe(r.packet.length);
  }
  // Known values a learner can check against IOS: VTI with esp-aes esp-sha-hmac, 1438 plaintext MTU;
  // GRE/IPsec tunnel mode: 1414 inner, which IOS prints as plaintext mtu 1438 (the GRE packet).
  await expect(dialog.locator('tr[data-variant="vti"][data-nat-t="false"] [data-mtu]')).toHaveText('1438IOS plaintext mtu 1438');
  await expect(dialog.locator('tr[data-variant="gre-ipsec-tunnel"][data-nat-t="false"] [data-mtu]')).toHaveText('1414IOS plaintext mtu 1438');
  await expect(dialog.locator('tr[data-variant="gre"] [data-total]')).toHaveText('124');
  await shot(page, 'packets-compare-1920');

  // GCM changes the numbers (8-byte IV, 16-byte ICV, no HMAC).
  await dialog.getByLabel('ESP cipher').selectOption('esp-gcm');
  const gcm = compareRows(100, { cipher: 'esp-gcm', integrity: null }).find((r) => r.variant === 'vti' && !r.natT)!;
  await expect(dialog.locator('tr[data-variant="vti"][data-nat-t="false"] [data-total]')).toHaveText(String(gcm.total));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('axe: no serious or critical violations with the inspector open', async ({ page }) => {
  await openApp(page, { hash: GRE_LINK });
  await ping(page, 'H1', 'H2');
  await page.locator('.event[data-device="R1"][data-point="Tx"][data-protocol="GRE"]').first().click();
  await expect(page.locator('.inspector .layer').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  await page.getByRole('button', { name: 'Compare encapsulations' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const inDialog = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(inDialog.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('keyboard alone: run a ping, pause, step through the events', async ({ page }) => {
  await openApp(page, { hash: GRE_LINK });
  await page.getByLabel('Source device').focus();
  await page.keyboard.press('Tab'); // destination
  await page.keyboard.press('Tab'); // count
  await page.keyboard.press('Tab'); // size
  await page.keyboard.press('Tab'); // with start-up
  await page.keyboard.press('Tab'); // Ping
  await expect(page.getByRole('button', { name: 'Ping', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(runStatus(page)).toContainText('...!!');
  // Into the event list; arrows select the next and previous moment and stop playback.
  const events = page.getByRole('listbox', { name: /Events/ });
  await events.focus();
  await page.keyboard.press('Home');
  await expect(events.locator('[aria-selected="true"]')).toHaveAttribute('data-index', '0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(events.locator('[aria-selected="true"]')).toHaveAttribute('data-index', '2');
  await page.keyboard.press('ArrowUp');
  await expect(events.locator('[aria-selected="true"]')).toHaveAttribute('data-index', '1');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Space on the page (not on a button) plays; the inspector follows the packet.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(async () => Number(await events.locator('[aria-selected="true"]').getAttribute('data-index'))).toBeGreaterThan(3);
});

for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`screenshot ${w}x${h}: GRE hop in the inspector while a packet is on the wire`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await openApp(page, { hash: GRE_LINK });
    await ping(page, 'H1', 'H2');
    const hop = page.locator('.event[data-device="R1"][data-point="Tx"][data-protocol="GRE"]').first();
    await hop.click();
    // Nudge playback half a beat into the wire so a dot is visible mid-link.
    await page.evaluate(() => {
      const h = (window as unknown as { __tunnelscopePlayback: { state(): { position: number } } }).__tunnelscopePlayback;
      return h.state().position;
    });
    await page.locator('.inspector [data-field="Protocol"]').first().hover();
    await shot(page, `packets-${w}x${h}`);
  });
}

test('a larger lab runs on its live simulation: the second ping finds ARP up', async ({ page }) => {
  const lab = generateHubSpokeLab({ spokes: 7, hosts: true });
  await openApp(page, { hash: labToFragment(lab) });
  // H1 behind spoke S1 to H0 behind the hub: the first echoes wait for ARP on both LANs.
  await ping(page, 'H1', '10.0.0.10');
  await expect(runStatus(page)).toContainText('..!!!');
  await expect(page.locator('.event[data-device="HUB"][data-point="Rx"]').first()).toBeAttached();
  await ping(page, 'H1', '10.0.0.10');
  await expect(runStatus(page)).toContainText('!!!!!');
  await expect(page.locator('.event[data-device="S1"][data-point="Encap"]').first()).toBeAttached();
});

test('a count or size out of range is refused with a message, not silently changed', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  await page.getByLabel('Count').fill('0');
  await page.getByRole('button', { name: 'Ping', exact: true }).click();
  await expect(runStatus(page)).toHaveText('Count must be a whole number from 1 to 20 (it is "0").');
  await page.getByLabel('Count').fill('3');
  await page.getByLabel('Size in bytes').fill('100000');
  await page.getByRole('button', { name: 'Ping', exact: true }).click();
  await expect(runStatus(page)).toHaveText('Size must be a whole number of bytes from 36 to 18024 (it is "100000").');
  await page.getByLabel('Size in bytes').fill('1400');
  await page.getByRole('button', { name: 'Ping', exact: true }).click();
  await expect(runStatus(page)).toContainText('from H1:');
  // Three echoes of 1400 bytes (the first ones wait for ARP on the way).
  await expect(runStatus(page)).toContainText(/Success rate is \d+ percent \(\d\/3\)/);
  expectCleanPage(watch);
});

