// Issue 6, acceptance 2, as a learner does it: in the consoles, turn the default lab's VTI into
// GRE (`tunnel mode gre ip`, protection kept), ping again, and see ESP now carrying GRE; the
// compare view's number for GRE/IPsec in tunnel mode is the length of the packet the engine sent.
import { expect, test, type Page } from '@playwright/test';
import { device, expectCleanPage, openApp, watchPage } from './helpers';

async function consoleRun(page: Page, deviceLabel: string, commands: string[]): Promise<void> {
  await device(page, deviceLabel).click();
  await page.getByRole('tab', { name: 'Console', exact: true }).click();
  const input = page.getByRole('textbox', { name: /^Command for / });
  for (const command of commands) {
    await expect(input).toBeEnabled();
    await input.fill(command);
    await input.press('Enter');
    await expect(input).toHaveValue('');
  }
}

test('VTI changed to GRE in the consoles: the ping now shows ESP carrying GRE, and the compare view agrees with the wire', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page);
  await openApp(page);
  for (const r of ['Router R1', 'Router R2']) {
    await consoleRun(page, r, ['configure terminal', 'interface Tunnel0', 'tunnel mode gre ip', 'end']);
  }
  const labJson = await page.evaluate(() => (window as unknown as { __tunnelscope: { labJson(): string } }).__tunnelscope.labJson());
  const configs = (JSON.parse(labJson) as { devices: { config: string }[] }).devices.map((d) => d.config).join('\n');
  expect(configs).not.toContain('tunnel mode ipsec ipv4');
  expect(configs).toContain('tunnel protection ipsec profile PROF');

  await page.getByLabel('Source device').selectOption('H1');
  await page.getByLabel('Destination address or device').fill('H2');
  await page.getByRole('button', { name: 'Ping', exact: true }).click();
  const status = page.getByRole('region', { name: 'Packets' }).getByRole('status');
  await expect(status).toContainText('from H1');
  await expect(status).toContainText('!');

  const esp = page.locator('.event[data-device="R1"][data-point="Tx"][data-protocol="ESP"]').last();
  await esp.click();
  const layers = page.locator('.inspector .layer');
  expect(await layers.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-protocol')))).toEqual(['eth', 'ipv4', 'esp']);
  const onWire = Number(await layers.nth(1).locator('[data-field="Total Length"]').locator('.pkt-field__value').textContent());

  // Decrypted: the transform set is in tunnel mode, so ESP carries the whole GRE delivery packet.
  await page.getByRole('button', { name: 'Decrypted with the SA keys' }).click();
  expect(await layers.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-protocol')))).toEqual(['ipv4', 'gre', 'ipv4', 'icmp', 'esp-trailer']);
  await expect(layers.nth(1)).toContainText('0x0800');

  await page.getByRole('button', { name: 'Compare encapsulations' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare encapsulations' });
  const row = dialog.locator('tr[data-variant="gre-ipsec-tunnel"][data-nat-t="false"] [data-total]');
  await expect(row).toHaveAttribute('data-total', String(onWire));
  // Outer IPv4 20, ESP header 8, IV 16, then the 124-byte GRE packet padded with its 2-byte trailer
  // to 128 (a multiple of the AES block), and a 12-byte ICV.
  expect(onWire).toBe(20 + 8 + 16 + 128 + 12);
  expectCleanPage(watch);
});
