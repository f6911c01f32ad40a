// The crypto-map half of the hub lesson is visible: the canvas draws HUB's crypto map to S2 beside
// its VTI to S1, names both for screen readers, and warns when one side's map goes away.
import { test, expect } from '@playwright/test';
import { BUILTIN_LABS } from '../src/lab/builtin';
import { labToFragment } from '../src/lab/link';
import { device, expectCleanPage, openApp, watchPage } from './helpers';

test('the hub lab shows its crypto map to S2 next to its VTI to S1, and a one-sided map is flagged', async ({ page }) => {
  const watch = watchPage(page);
  const hub = BUILTIN_LABS.find((l) => l.id === 'hub-vti-and-crypto-map')!.lab;
  await openApp(page, { hash: labToFragment(hub) });
  await expect(page.locator('.cryptomap-label')).toContainText('HUB Gi1 – S2 Gi1');
  await expect(page.locator('.cryptomap-label')).toContainText('crypto map CMAP 10 (ACL 101)');
  await expect(page.getByLabel('VPN from HUB GigabitEthernet1 to S2 GigabitEthernet1, crypto map CMAP 10 (ACL 101)')).toHaveCount(1);
  await expect(page.getByLabel(/^Tunnel from HUB Tunnel1 to S1 Tunnel0, IPsec VTI$/)).toHaveCount(1);

  // Take the map off HUB's interface at its console: the arc stays, marked one-sided.
  await device(page, 'Router HUB').click();
  await page.getByRole('tab', { name: 'Console', exact: true }).click();
  const input = page.getByRole('textbox', { name: 'Command for HUB' });
  for (const line of ['conf t', 'interface GigabitEthernet1', 'no crypto map CMAP', 'end']) {
    await expect(input).toBeEnabled();
    await input.fill(line);
    await input.press('Enter');
  }
  await expect(page.locator('.cryptomap-label--warn')).toContainText('no map back from HUB');
  expectCleanPage(watch);
});
