// Acceptance 4 of issue 2: damaged data fails cleanly and changes nothing. Each bad input, from
// the autosave or from a #lab= link, gives a clear message naming the problem, the previous lab
// stays, and no script runs.
import { test, expect, type Page } from '@playwright/test';
import { DEFAULT_LAB } from '../src/lab/builtin/default-lab';
import { labToFragment } from '../src/lab/link';
import type { LabV1 } from '../src/lab/types';
import { expectCleanPage, lab, labJson, openApp, storedLab, watchPage } from './helpers';

const EVIL_NAME = '<img src=x onerror=alert(1)>';

/** A valid lab the user "had": the previous lab that must survive a bad link. */
const SAVED: LabV1 = { ...DEFAULT_LAB, title: 'My own lab', notes: 'Saved earlier.' };

function renamed(lab: LabV1, from: string, to: string): LabV1 {
  return {
    ...lab,
    devices: lab.devices.map((d) => (d.name === from ? { ...d, name: to, config: d.config.replace(`hostname ${from}`, `hostname ${to}`) } : d)),
    links: lab.links.map((l) => ({ a: l.a.replace(`${from} `, `${to} `), b: l.b.replace(`${from} `, `${to} `) })),
  };
}

/** Damaged labs, as JSON values (some are not labs at all). */
const DAMAGED: Record<string, { data: unknown; expect: RegExp }> = {
  'JSON that is not a lab': { data: { hello: 'world', devices: 'many' }, expect: /not a Tunnelscope lab|devices/i },
  'an unknown device kind': {
    data: { ...DEFAULT_LAB, devices: DEFAULT_LAB.devices.map((d) => (d.name === 'R2' ? { ...d, kind: 'switch' } : d)) },
    expect: /R2/,
  },
  'a link to a missing interface': {
    data: { ...DEFAULT_LAB, links: [...DEFAULT_LAB.links.slice(0, 2), { a: 'R2 GigabitEthernet9', b: 'H2 Ethernet0' }] },
    expect: /GigabitEthernet9/,
  },
  'a device named like an HTML image tag': { data: renamed(DEFAULT_LAB, 'R1', EVIL_NAME), expect: /not a valid hostname/ },
};

async function expectNoInjectedMarkup(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => document.body.innerHTML.includes('<img src=x'))).toBe(false);
}

test.describe('damaged autosave', () => {
  for (const [name, bad] of Object.entries(DAMAGED)) {
    test(`${name}: a clear message, the built-in lab opens, no script runs`, async ({ page }) => {
      const watch = watchPage(page);
      const stored = JSON.stringify(bad.data);
      await openApp(page, { stored });

      const alert = page.getByRole('alert');
      await expect(alert).toContainText('The autosaved lab could not be restored');
      await expect(alert).toContainText(bad.expect);
      await expect(page.locator('.react-flow__node')).toHaveCount(4);
      expect(JSON.parse(await labJson(page))).toEqual(DEFAULT_LAB);
      // The damaged autosave is left as it was (nothing was edited), not silently overwritten.
      expect(await storedLab(page)).toBe(stored);
      await expectNoInjectedMarkup(page);

      await page.getByRole('button', { name: 'Dismiss message' }).click();
      await expect(page.getByRole('alert')).toHaveCount(0);
      expectCleanPage(watch);
    });
  }

  test('text that is not JSON at all', async ({ page }) => {
    const watch = watchPage(page);
    await openApp(page, { stored: '{"format":"tunnelscope-lab", oops' });
    await expect(page.getByRole('alert')).toContainText('not valid JSON');
    expect(JSON.parse(await labJson(page))).toEqual(DEFAULT_LAB);
    expectCleanPage(watch);
  });
});

test.describe('damaged #lab= link', () => {
  for (const [name, bad] of Object.entries(DAMAGED)) {
    test(`${name}: a clear message, the saved lab stays, no script runs`, async ({ page }) => {
      const watch = watchPage(page);
      const fragment = labToFragment(bad.data as LabV1);
      await openApp(page, { stored: JSON.stringify(SAVED), hash: fragment });

      const alert = page.getByRole('alert');
      await expect(alert).toContainText('The lab in this link could not be opened');
      await expect(alert).toContainText(bad.expect);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('My own lab');
      expect(JSON.parse(await labJson(page))).toEqual(SAVED);
      await expectNoInjectedMarkup(page);
      expectCleanPage(watch);
    });
  }

  test('a link pasted into an open app: refused, the lab untouched; a good one opens and is undoable', async ({ page }) => {
    const watch = watchPage(page);
    await openApp(page, { stored: JSON.stringify(SAVED) });
    const before = await labJson(page);

    await page.evaluate((hash) => (window.location.hash = hash), '#lab=1.not-really-deflate');
    await expect(page.getByRole('alert')).toContainText('could not be opened');
    expect(await labJson(page)).toBe(before);

    const shared: LabV1 = { ...DEFAULT_LAB, title: 'A shared lab' };
    await page.evaluate((hash) => (window.location.hash = hash), labToFragment(shared));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('A shared lab');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My own lab');
    expect(await labJson(page)).toBe(before);
    expectCleanPage(watch);
  });

  test('a good link wins over the autosave, and the autosave is one undo away', async ({ page }) => {
    const shared: LabV1 = { ...DEFAULT_LAB, title: 'A shared lab' };
    await openApp(page, { stored: JSON.stringify(SAVED), hash: labToFragment(shared) });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('A shared lab');
    expect(page.url()).not.toContain('#lab=');
    await page.getByRole('button', { name: 'Undo' }).click();
    expect((await lab(page)).title).toBe('My own lab');
  });
});

test('lab text is shown as text: markup in the title and notes stays inert', async ({ page }) => {
  const watch = watchPage(page);
  const marked: LabV1 = { ...DEFAULT_LAB, title: `<b>bold</b> ${EVIL_NAME}`, notes: `<script>alert(2)</script>\n${EVIL_NAME}` };
  await openApp(page, { stored: JSON.stringify(marked) });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(marked.title);
  await expect(page.locator('.notes')).toHaveText(marked.notes);
  await expect(page.locator('b', { hasText: 'bold' })).toHaveCount(0);
  await expectNoInjectedMarkup(page);
  expectCleanPage(watch);
});
