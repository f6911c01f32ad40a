// Issue 7, sharing: the link (copy, length, QR), opening a link in a new page for every reference
// and built-in lab, damaged links refused with the lab untouched, the lab as a .json file (save,
// open, drop on the canvas), and the topology picture as PNG and SVG.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { labToFragment } from '../src/lab/link';
import { restoreLab } from '../src/lab/restore';
import { BUILTIN_LABS } from '../src/lab/builtin';
import type { Lab } from '../src/lab/types';
import { expectCleanPage, history, labJson, openApp, waitForCanvas, watchPage } from './helpers';

const SHARED_LABS = join(import.meta.dirname, '../../shared/labs');

function restored(input: unknown): Lab {
  const r = restoreLab(input, 'file');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.lab;
}

const sharedLabs = readdirSync(SHARED_LABS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, restored(JSON.parse(readFileSync(join(SHARED_LABS, f), 'utf8')))] as const);

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png` });
}

async function openShare(page: Page) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this lab' });
  await expect(dialog).toBeVisible();
  return dialog;
}

const notice = (page: Page) => page.locator('.notice');

test('Copy link copies the lab link, shows its length, and a new page opens the same lab', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const watch = watchPage(page);
  await openApp(page);
  const before = await labJson(page);
  const dialog = await openShare(page);
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#lab=1\./);
  await expect(dialog.getByTestId('link-length')).toContainText(`${link.length.toLocaleString('en')} characters`);
  await expect(dialog.getByTestId('link-length')).toContainText('Fits in a chat message');
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const other = await context.newPage();
  await other.goto(link);
  await waitForCanvas(other);
  expect(await labJson(other)).toBe(before);
  await other.close();
  expectCleanPage(watch);
});

test('a long lab link is flagged past 2,000 characters', async ({ page }) => {
  const big = sharedLabs[0]![1];
  // Notes of varied words compress poorly, which pushes the link over the warning.
  const notes = Array.from({ length: 900 }, (_, i) => `w${(i * 7919) % 100003}`).join(' ');
  await openApp(page, { hash: labToFragment({ ...big, notes }) });
  const dialog = await openShare(page);
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link.length).toBeGreaterThan(2000);
  await expect(dialog.getByTestId('link-length')).toHaveClass(/share__warn/);
  await expect(dialog.getByTestId('link-length')).toContainText('chat apps and some mail clients cut links there');
});

test('every reference lab and every built-in lab opens from its link in a new page, unchanged', async ({ context }) => {
  const labs: Array<readonly [string, Lab]> = [...sharedLabs, ...BUILTIN_LABS.map((b) => [b.id, restored(b.lab)] as const)];
  const page = await context.newPage();
  for (const [name, lab] of labs) {
    await page.goto('about:blank');
    await page.goto(`/${labToFragment(lab)}`);
    await waitForCanvas(page);
    expect(JSON.parse(await labJson(page)), name).toEqual(lab);
    await expect(page.locator('.react-flow__node')).toHaveCount(lab.devices.length);
  }
});

test('QR code dialog for a projector; axe finds no serious problems in the share dialog', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  const dialog = await openShare(page);
  await dialog.getByRole('button', { name: 'Show QR code' }).click();
  const qr = dialog.getByRole('img', { name: 'QR code of the share link' });
  await expect(qr).toBeVisible();
  const box = (await qr.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(300);
  await shot(page, 'share-dialog-qr');
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expectCleanPage(watch);
});

const scriptedLab = (): Lab => {
  const base = sharedLabs.find(([f]) => f === 'vti-basic.json')![1];
  return { ...base, devices: base.devices.map((d, i) => (i === 0 ? { ...d, name: '<img src=x onerror=alert(1)>' } : d)) };
};

const damaged = (): Array<[string, string]> => {
  const good = labToFragment(sharedLabs[0]![1]);
  const randomB64 = Array.from({ length: 400 }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[(i * 37 + 11) % 64]).join('');
  return [
    ['a truncated link', good.slice(0, Math.floor(good.length * 0.6))],
    ['a wrong version', good.replace('#lab=1.', '#lab=7.')],
    ['random base64', `#lab=1.${randomB64}`],
    ['a lab with a script in a device name', labToFragment(scriptedLab())],
  ];
};

for (const [what, fragment] of damaged()) {
  test(`opening ${what} is refused with a message; the current lab stays`, async ({ page }) => {
    const watch = watchPage(page);
    await openApp(page);
    const before = await labJson(page);
    // Opened as a new page...
    await page.goto('about:blank');
    await page.goto(`/${fragment}`);
    await waitForCanvas(page);
    await expect(notice(page)).toContainText('The lab in this link could not be opened. Your current lab is unchanged.');
    expect(await labJson(page)).toBe(before);
    await notice(page).getByRole('button', { name: 'Dismiss message' }).click();
    // ...and pasted into the address bar of the running app.
    await page.evaluate((f) => (window.location.hash = f), fragment);
    await expect(notice(page)).toContainText('could not be opened');
    expect(await labJson(page)).toBe(before);
    expect(await history(page)).toEqual({ undo: 0, redo: 0 });
    expectCleanPage(watch);
  });
}

test('a 5 MB link pasted into the share dialog is refused quickly; the lab stays', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  const before = await labJson(page);
  const dialog = await openShare(page);
  const huge = `https://tunnelscope.example/#lab=1.${'A'.repeat(5 * 1024 * 1024)}`;
  // Pasted in one go (typing 5 MB through the test driver would take minutes).
  await dialog.getByRole('textbox', { name: 'Link to open' }).evaluate((el, value) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setValue.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, huge);
  const started = Date.now();
  await dialog.getByRole('button', { name: 'Open link' }).click();
  await expect(dialog.getByRole('status')).toContainText('That link was refused');
  expect(Date.now() - started).toBeLessThan(5000);
  await expect(dialog.getByRole('status')).toContainText('KB long; a lab link is at most 512 KB. Your lab is unchanged.');
  await dialog.getByRole('button', { name: 'Close share' }).click();
  await expect(notice(page)).toContainText('KB long; a lab link is at most 512 KB');
  expect(await labJson(page)).toBe(before);
  await notice(page).getByRole('button', { name: 'Dismiss message' }).click();

  // In the address bar of the running app (Chromium will not even navigate to a new page with a
  // URL over 2 MB, so a new page cannot carry it; the running app's hash can).
  await page.evaluate((h) => (window.location.hash = h), huge.slice(huge.indexOf('#')));
  await expect(notice(page)).toContainText('The lab in this link could not be opened. Your current lab is unchanged.');
  await expect(notice(page)).toContainText('5120 KB long');
  expect(await labJson(page)).toBe(before);
  expectCleanPage(watch);
});

test('a pasted good link opens the lab, and Undo brings the previous one back', async ({ page }) => {
  await openApp(page);
  const before = await labJson(page);
  const [, target] = sharedLabs.find(([f]) => f === 'nat-t-static-nat.json')!;
  const dialog = await openShare(page);
  await dialog.getByRole('textbox', { name: 'Link to open' }).fill(`https://elsewhere.example/${labToFragment(target)}`);
  await dialog.getByRole('button', { name: 'Open link' }).click();
  await expect(dialog).toBeHidden();
  expect(JSON.parse(await labJson(page))).toEqual(target);
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await labJson(page)).toBe(before);
});

test('save the lab as .json, open it back from a file, refuse a bad file', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  const before = await labJson(page);
  let dialog = await openShare(page);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save lab (.json)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/\.json$/);
  const text = readFileSync((await saved.path())!, 'utf8');
  expect(JSON.parse(text)).toEqual(JSON.parse(before));

  // Another lab from a file: it opens, and Undo brings the saved one back.
  const [, other] = sharedLabs.find(([f]) => f === 'ospf-over-vti.json')!;
  await dialog.getByLabel('Lab file to open').setInputFiles({ name: 'ospf.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await expect(dialog).toBeHidden();
  expect(JSON.parse(await labJson(page))).toEqual(other);
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await labJson(page)).toBe(before);

  // A file that is not a lab: refused, with the reason, and nothing changes.
  dialog = await openShare(page);
  await dialog.getByLabel('Lab file to open').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await expect(dialog.getByRole('status')).toContainText('That file was refused: the file is not a Tunnelscope lab');
  await expect(notice(page)).toContainText('The file "notes.json" could not be opened. Your current lab is unchanged.');
  await expect(notice(page)).toContainText('not a Tunnelscope lab');
  expect(await labJson(page)).toBe(before);
  expectCleanPage(watch);
});

async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([fileName, content]) => {
      const stage = document.querySelector('.stage')!;
      const data = new DataTransfer();
      data.items.add(new File([content!], fileName!, { type: 'application/json' }));
      const at = { bubbles: true, cancelable: true, dataTransfer: data, clientX: 600, clientY: 400 };
      stage.dispatchEvent(new DragEvent('dragenter', at));
      stage.dispatchEvent(new DragEvent('dragover', at));
      stage.dispatchEvent(new DragEvent('drop', at));
    },
    [name, text],
  );
}

test('dropping a .json file on the canvas opens it; a bad file is refused, the lab untouched', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  const before = await labJson(page);
  await dropFile(page, 'broken.json', '{"format":"tunnelscope-lab","version":1,"title":"x","notes":"","devices":[{"name":"R1","kind":"toaster","x":0,"y":0,"config":""}],"links":[]}');
  await expect(notice(page)).toContainText('The file "broken.json" could not be opened. Your current lab is unchanged.');
  expect(await labJson(page)).toBe(before);
  await dropFile(page, 'not-json.json', 'this is not JSON');
  await expect(notice(page).nth(1)).toContainText('not valid JSON');
  expect(await labJson(page)).toBe(before);

  const [, gre] = sharedLabs.find(([f]) => f === 'gre-over-ipsec-transport.json')!;
  await dropFile(page, 'gre.json', JSON.stringify(gre));
  await expect.poll(async () => JSON.parse(await labJson(page))).toEqual(gre);
  expect((await history(page)).undo).toBe(1);
  expectCleanPage(watch);
});

test('the topology picture as PNG and SVG', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  const dialog = await openShare(page);
  const png = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save picture (PNG)' }).click();
  const pngFile = readFileSync((await (await png).path())!);
  expect([...pngFile.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = pngFile.readUInt32BE(16);
  const height = pngFile.readUInt32BE(20);
  expect(width).toBeGreaterThan(600);
  expect(height).toBeGreaterThan(200);

  const svg = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save picture (SVG)' }).click();
  const svgDownload = await svg;
  expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
  const svgText = readFileSync((await svgDownload.path())!, 'utf8');
  for (const name of ['H1', 'R1', 'R2', 'H2']) expect(svgText).toContain(`>${name}</text>`);
  expect(svgText).toContain('IPsec VTI');

  // Look at the picture as a learner would: render the SVG on its own and screenshot it.
  const view = await page.context().newPage();
  await view.setContent(`<body style="margin:0;background:#fff">${svgText}</body>`);
  mkdirSync('test-results', { recursive: true });
  await view.screenshot({ path: 'test-results/share-topology-picture.png' });
  await view.close();
  expectCleanPage(watch);
});
