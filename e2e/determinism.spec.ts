// Determinism across runtimes: the same labs and seed give byte-identical captures in Chromium
// (the built app) and in Node (this test process), compared by SHA-256.
import { expect, test } from '@playwright/test';
import { engineFingerprint } from '../src/app/determinism/fingerprint';
import { openApp } from './helpers';

test('the engine writes the same bytes in Chromium as in Node for the same seed', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const inBrowser = await page.evaluate(async () => {
    const hook = (window as unknown as { __tunnelscope: { engineFingerprint(seed: number): Promise<unknown> } }).__tunnelscope;
    return hook.engineFingerprint(7);
  });
  const inNode = engineFingerprint(7);
  expect(inNode.every((f) => f.frames > 20)).toBe(true);
  expect(inBrowser).toEqual(inNode);
  // A different seed gives different bytes, so the comparison above could fail.
  expect(engineFingerprint(8).map((f) => f.sha256)).not.toEqual(inNode.map((f) => f.sha256));
});
