// Config lines the lab does not understand are kept as written (a lab must round-trip) but never
// look applied: a link that brings them says so, and the Running-config editor lists them.
import { test, expect } from '@playwright/test';
import { DEFAULT_LAB } from '../src/lab/builtin/default-lab';
import { labToFragment } from '../src/lab/link';
import { device, expectCleanPage, lab, openApp, watchPage } from './helpers';

test('a typo in a config is kept, named in a notice when a link brings it, and listed under the Running-config', async ({ page }) => {
  const watch = watchPage(page);
  const typo = { ...DEFAULT_LAB, devices: DEFAULT_LAB.devices.map((d) => (d.name === 'R1' ? { ...d, config: `${d.config}\nflurble wibble 42\n` } : d)) };
  await openApp(page, { hash: labToFragment(typo) });
  const notice = page.getByRole('alert').filter({ hasText: 'opened, but one config line is not understood' });
  await expect(notice).toContainText('flurble wibble 42');
  await notice.getByRole('button', { name: 'Dismiss message' }).click();

  await device(page, 'Router R1').click();
  await page.getByRole('tab', { name: 'Running-config' }).click();
  const warnings = page.getByRole('status').filter({ hasText: 'nothing in the lab' });
  await expect(warnings).toContainText('"flurble wibble 42"');

  // A new typo applied from the editor joins the list; the text keeps it, as IOS configs in labs must round-trip.
  const text = page.getByLabel('Running-config');
  await text.fill(`${await text.inputValue()}ip addres 1.2.3.4\n`);
  await page.getByRole('button', { name: 'Apply config' }).click();
  await expect(warnings).toContainText('2 lines do nothing');
  await expect(warnings).toContainText('"ip addres 1.2.3.4"');
  expect((await lab(page)).devices.find((d) => d.name === 'R1')!.config).toContain('ip addres 1.2.3.4');
  expectCleanPage(watch);
});
