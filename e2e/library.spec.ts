// Issue 7, the lab library and challenge mode: open a challenge from the library, Check says
// which part of the goal fails and where, hints come one at a time, the learner fixes the lab at
// R2's console, and Check passes.
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { BUILTIN_LABS, builtinLab } from '../src/lab/builtin';
import { device, expectCleanPage, history, lab, labJson, openApp, watchPage } from './helpers';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png` });
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

async function seriousAxe(page: Page, selector: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

/** Hints quote commands in backticks, which the card shows as code. */
const plain = (text: string) => text.replace(/`/g, '');

async function run(page: Page, command: string) {
  const input = page.getByRole('textbox', { name: /^Command for / });
  await expect(input).toBeEnabled();
  await input.fill(command);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

test('the library lists every built-in lab with its question and notes; axe is clean', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Library' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lab library' });
  await expect(dialog).toBeVisible();
  for (const entry of BUILTIN_LABS) await expect(dialog.getByRole('button', { name: `Open ${entry.lab.title}`, exact: true })).toBeVisible();
  await dialog.getByText('What to try, what to look for').first().click();
  await expect(dialog.locator('.library__notes').first()).toContainText('Goal:');
  await shot(page, 'library-dialog');
  expect(await seriousAxe(page, 'dialog')).toEqual([]);
  expectCleanPage(watch);
});

test('challenge: Check fails with the failing part and where, hints one at a time, fix at the console, Check passes', async ({ page }) => {
  const watch = watchPage(page);
  const entry = builtinLab('hosts-cannot-ping')!;
  await openApp(page);
  const before = await labJson(page);
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: `Open ${entry.lab.title}`, exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Lab library' })).toBeHidden();
  expect((await lab(page)).title).toBe(entry.lab.title);
  expect((await history(page)).undo).toBe(1);

  const card = page.getByRole('region', { name: 'Challenge' });
  await expect(card).toContainText(entry.goal.summary);
  await card.getByRole('button', { name: 'Check', exact: true }).click();
  const message = card.getByTestId('goal-message');
  await expect(message).toContainText('Not yet: H1 reaches H2 (10.2.2.10) fails on H1 (ping 10.2.2.10).', { timeout: 20_000 });
  await expect(message.locator('code')).toHaveText('ping 10.2.2.10');
  await expect(card.getByRole('listitem').filter({ hasText: 'R1 reaches R2' })).toContainText('(passes)');
  await expect(card.getByRole('listitem').filter({ hasText: 'H1 reaches H2' })).toContainText('(fails)');
  await card.getByText('What H1 printed').click();
  await expect(card.getByLabel('Output of ping 10.2.2.10 on H1')).toContainText('Success rate is 0 percent');

  // Hints: one per press, in order, until there are no more.
  await expect(card.getByRole('list', { name: 'Hints' })).toHaveCount(0);
  await card.getByRole('button', { name: `Show a hint (1 of ${entry.hints.length})` }).click();
  await expect(card.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveText([plain(entry.hints[0]!)]);
  await card.getByRole('button', { name: `Show a hint (2 of ${entry.hints.length})` }).click();
  await expect(card.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveText(entry.hints.slice(0, 2).map(plain));
  await shot(page, 'challenge-not-yet');
  expect(await seriousAxe(page, '.goal-card')).toEqual([]);

  // The fix, typed at R2's console as a learner would.
  await device(page, 'Router R2').click();
  await page.getByRole('tab', { name: 'Console', exact: true }).click();
  for (const c of ['configure terminal', 'ip route 10.1.1.0 255.255.255.0 Tunnel0', 'end']) await run(page, c);
  await expect.poll(async () => (await lab(page)).devices.find((d) => d.name === 'R2')!.config).toContain('ip route 10.1.1.0 255.255.255.0 Tunnel0');

  await card.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(message).toContainText(`Goal reached: ${entry.goal.summary}`, { timeout: 20_000 });
  await expect(card.getByRole('listitem').filter({ hasText: 'H1 reaches H2' })).toContainText('(passes)');
  await shot(page, 'challenge-solved');

  // The lab before the library is still one Undo away (after the console's change).
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await labJson(page)).toBe(before);
  expectCleanPage(watch);
});
