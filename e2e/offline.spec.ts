// Issue 7, offline: classroom networks fail. After the first visit the service worker has cached
// every file of the build, so the app loads with the network cut off, lazy chunks included.
import { test, expect } from '@playwright/test';
import { DEFAULT_LAB } from '../src/lab/builtin/default-lab';
import { builtinLab } from '../src/lab/builtin';
import { labToFragment } from '../src/lab/link';
import { expectCleanPage, lab, waitForCanvas, watchPage } from './helpers';

test('after the first visit the app loads and works with the network cut off', async ({ page, context }) => {
  const watch = watchPage(page);
  await page.goto('/');
  await waitForCanvas(page);
  // The worker installs after load and precaches the whole asset list; wait until it controls the page.
  const cached = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
    const keys = (await caches.keys()).filter((k) => k.startsWith('tunnelscope-'));
    const cache = await caches.open(keys[0]!);
    return { active: registration.active !== null, entries: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
  expect(cached.active).toBe(true);
  expect(cached.entries.some((p) => /\/assets\/PacketDock-.*\.js$/.test(p))).toBe(true);
  expect(cached.entries.some((p) => /\/assets\/ShareDialog-.*\.js$/.test(p))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await waitForCanvas(page);
  await expect(page.locator('.react-flow__node')).toHaveCount(DEFAULT_LAB.devices.length);
  expect((await lab(page)).title).toBe(DEFAULT_LAB.title);

  // Lazy chunks still load: the packet dock, the share dialog with its QR encoder, the library,
  // and a ping (the engine) all work offline.
  await expect(page.getByRole('button', { name: 'Ping', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const share = page.getByRole('dialog', { name: 'Share this lab' });
  await share.getByRole('button', { name: 'Show QR code' }).click();
  await expect(share.getByRole('img', { name: 'QR code of the share link' })).toBeVisible();
  await share.getByRole('button', { name: 'Close share' }).click();
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('dialog', { name: 'Lab library' })).toBeVisible();
  await page.getByRole('button', { name: 'Close library' }).click();
  await page.getByRole('button', { name: 'Ping', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Packets' }).getByRole('status')).toContainText('from H1', { timeout: 20_000 });

  // A new tab, offline, with a share link in the fragment: the link still opens.
  const other = await context.newPage();
  const gre = builtinLab('gre-ipsec-tunnel')!.lab;
  await other.goto(`/?embed=1${labToFragment(gre)}`);
  await waitForCanvas(other);
  await expect(other.locator('.embed-bar')).toBeVisible();
  expect((await lab(other)).title).toBe(gre.title);
  await context.setOffline(false);
  expectCleanPage(watch);
});
