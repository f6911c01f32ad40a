// The device side of the learning UI: R1's IOS console, the config forms, undo across both,
// the export (tshark reads the capture), accessibility, keyboard use and both themes.
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { unzipSync, strFromU8 } from 'fflate';
import { device, expectCleanPage, lab, openApp, watchPage } from './helpers';
import { skipWithout, tshark } from '../src/testing/tools';

const r1Config = async (page: Page) => (await lab(page)).devices.find((d) => d.name === 'R1')!.config;

async function openTab(page: Page, deviceLabel: string, tab: 'Console' | 'Config' | 'Running-config') {
  await device(page, deviceLabel).click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
}

async function run(page: Page, command: string) {
  const input = page.getByRole('textbox', { name: /^Command for / });
  await expect(input).toBeEnabled();
  await input.fill(command);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

const consoleOutput = (page: Page) => page.getByRole('log', { name: /console output$/ });

test('R1 console: show ip interface brief prints IOS output', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  await openTab(page, 'Router R1', 'Console');
  await run(page, 'show ip interface brief');
  const out = consoleOutput(page);
  await expect(out).toContainText('R1#show ip interface brief');
  await expect(out).toContainText(/Interface\s+IP-Address\s+OK\? Method Status\s+Protocol/);
  await expect(out).toContainText(/GigabitEthernet1\s+203\.0\.113\.1\s+YES NVRAM\s+up\s+up/);
  // One session per device, kept while the lab is open: R2 has its own, R1's is still there after.
  await device(page, 'Router R2').click();
  await expect(page.getByRole('textbox', { name: 'Command for R2' })).toBeEnabled();
  await expect(consoleOutput(page)).not.toContainText('R1#');
  await run(page, 'conf t');
  await device(page, 'Router R1').click();
  await expect(consoleOutput(page)).toContainText('R1#show ip interface brief');
  await device(page, 'Router R2').click();
  await expect(page.locator('.console__prompt')).toHaveText(/R2\(config\)#/);
  expectCleanPage(watch);
});

test('console config commands change the Running-config tab and undo reverts them', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  await openTab(page, 'Router R1', 'Console');
  for (const c of ['conf t', 'interface Tunnel0', 'tunnel mode gre ip']) await run(page, c);
  await expect(page.locator('.console__prompt')).toHaveText(/R1\(config-if\)#/);
  // The device logs as IOS does, right in the console.
  await run(page, 'shutdown');
  await expect(consoleOutput(page)).toContainText('%LINK-5-CHANGED: Interface Tunnel0, changed state to administratively down');
  await run(page, 'no shutdown');
  await run(page, 'end');
  expect(await r1Config(page)).not.toContain('tunnel mode ipsec ipv4');

  await page.getByRole('tab', { name: 'Running-config' }).click();
  const text = page.getByLabel('Running-config');
  await expect(text).not.toHaveValue(/tunnel mode ipsec ipv4/);
  // The canvas reads the configs: the VTI is now a GRE tunnel on R1 only (a mismatch).
  await expect(page.locator('.tunnel-label')).not.toHaveText(/IPsec VTI$/);

  // Three console commands changed the config: three undo steps take it back.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Running-config')).toHaveValue(/tunnel mode ipsec ipv4/);
  await expect(page.getByLabel('Running-config')).not.toHaveValue(/shutdown/);
  expectCleanPage(watch);
});

test('hostname at the console renames the device; the console follows it', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  await openTab(page, 'Router R1', 'Console');
  await run(page, 'conf t');
  await run(page, 'hostname EDGE1');
  await expect(page.getByRole('heading', { level: 2, name: 'EDGE1' })).toBeVisible();
  await expect(device(page, 'Router EDGE1')).toBeVisible();
  await expect(page.locator('.console__prompt')).toHaveText(/EDGE1\(config\)#/);
  await expect(consoleOutput(page)).toContainText('R1(config)#hostname EDGE1');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(device(page, 'Router R1')).toBeVisible();
  expectCleanPage(watch);
});

test('a form change shows at once in show running-config; undo reverts it; bad input gets the caret', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  await openTab(page, 'Router R1', 'Config');
  await page.getByText('IPsec: transform sets').click();
  const form = page.getByRole('form', { name: 'Transform set TSET' });
  await form.getByLabel('Mode').selectOption('transport');
  await expect(form.getByText('mode transport')).toBeVisible(); // the preview of the IOS lines
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => r1Config(page)).toContain(' mode transport');

  await page.getByRole('tab', { name: 'Console' }).click();
  await run(page, 'show running-config');
  await expect(consoleOutput(page)).toContainText(/crypto ipsec transform-set TSET esp-aes esp-sha-hmac\s+mode transport/);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => r1Config(page)).toContain(' mode tunnel');
  await run(page, 'show running-config');
  const last = (await consoleOutput(page).textContent())!.split('R1#show running-config').at(-1)!;
  expect(last).toMatch(/transform-set TSET esp-aes esp-sha-hmac\s+mode tunnel/);

  // Invalid input: the console's own message with the caret under the bad word.
  await page.getByRole('tab', { name: 'Config', exact: true }).click();
  const iface = page.getByRole('form', { name: /^Interface / });
  await page.getByLabel('Interface', { exact: true }).selectOption('GigabitEthernet1');
  const before = await r1Config(page);
  await iface.getByLabel('IP address').fill('10.0.0.300');
  await iface.getByRole('button', { name: 'Apply' }).click();
  const alert = iface.getByRole('alert');
  await expect(alert).toContainText("% Invalid input detected at '^' marker.");
  const [cmd, caret] = (await alert.textContent())!.split('\n');
  expect(cmd).toBe('R1(config-if)#ip address 10.0.0.300 255.255.255.252');
  expect(caret!.indexOf('^')).toBe(cmd!.indexOf('10.0.0.300'));
  expect(await r1Config(page)).toBe(before);
  await expect(iface.getByLabel('IP address')).toHaveAttribute('aria-invalid', 'true');
  await expect(iface.getByLabel('Mask')).toHaveAttribute('aria-invalid', 'false');
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/device-form-error-light.png' });
  expectCleanPage(watch);
});

test('export: the pcapng downloads and tshark reads it; key files and configs as the CLI writes them', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  // Traffic at R1's console: the export then holds the consoles' simulation (ARP, ICMP).
  await openTab(page, 'Router R1', 'Console');
  await run(page, 'ping 203.0.113.2');
  await expect(consoleOutput(page)).toContainText('Success rate is');
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export capture, keys and configs' });
  await expect(dialog).toBeVisible();
  const pcapButton = dialog.getByRole('button', { name: /^Download .*\.pcapng$/ });
  const [pcap] = await Promise.all([page.waitForEvent('download'), pcapButton.click()]);
  const pcapPath = test.info().outputPath(pcap.suggestedFilename());
  await pcap.saveAs(pcapPath);
  const bytes = readFileSync(pcapPath);
  expect(bytes.readUInt32LE(0)).toBe(0x0a0d0d0a); // pcapng section header block

  const [zip] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download all (.zip)' }).click()]);
  const zipPath = test.info().outputPath(zip.suggestedFilename());
  await zip.saveAs(zipPath);
  const files = unzipSync(readFileSync(zipPath));
  const names = Object.keys(files).map((n) => n.split('/').at(-1));
  expect(names).toEqual(expect.arrayContaining(['esp_sa', 'ikev1_decryption_table', 'HOW-TO-OPEN-IN-WIRESHARK.txt', 'R1-running-config.txt', 'H2-running-config.txt']));
  const r1 = Object.entries(files).find(([n]) => n.endsWith('R1-running-config.txt'))![1];
  expect(strFromU8(r1)).toBe(await r1Config(page));
  await page.screenshot({ path: 'test-results/device-export-dialog.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expectCleanPage(watch);

  if (skipWithout('tshark')) return;
  const rows = tshark(['-r', pcapPath, '-T', 'fields', '-e', 'frame.protocols', '-e', '_ws.malformed']).trim().split('\n');
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).not.toMatch(/malformed/);
  expect(rows.some((r) => r.startsWith('eth:ethertype:arp'))).toBe(true);
  expect(rows.some((r) => r.startsWith('eth:ethertype:ip:icmp'))).toBe(true);
});

test('the Ping form and the consoles share one lab: the counters count the form\u2019s pings, a console ping plays on the canvas', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  const pingButton = page.getByRole('button', { name: 'Ping', exact: true });
  const runStatus = page.getByRole('region', { name: 'Packets' }).getByRole('status');
  await pingButton.click();
  await expect(runStatus).toContainText('..!!!');
  await pingButton.click();
  await expect(runStatus).toContainText('!!!!!');
  await openTab(page, 'Router R1', 'Console');
  await run(page, 'show crypto ipsec sa');
  // 4 echoes of the first ping reached R1 (one was lost to ARP at H1), 5 of the second.
  await expect(consoleOutput(page)).toContainText('#pkts encaps: 9, #pkts encrypt: 9');
  await run(page, 'ping 10.2.2.10');
  await expect(consoleOutput(page)).toContainText('Success rate is 100 percent (5/5)');
  await expect(runStatus).toContainText('ping 10.2.2.10 from R1');
  await expect(page.locator('.event[data-device="R1"][data-point="Encap"]').first()).toBeAttached();
  expectCleanPage(watch);
});

test('export after a Ping run: tshark decrypts the downloaded capture with the downloaded esp_sa', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page);
  const ping = page.getByRole('button', { name: 'Ping', exact: true });
  await ping.click();
  await expect(ping).toBeEnabled();
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export capture, keys and configs' });
  await expect(dialog).toContainText('Everything since the lab started: convergence, every ping and traceroute');
  const save = async (name: RegExp) => {
    const [d] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name }).click()]);
    const path = test.info().outputPath(d.suggestedFilename());
    await d.saveAs(path);
    return path;
  };
  const pcapPath = await save(/^Download .*\.pcapng$/);
  const espPath = await save(/^Download esp_sa$/);
  const keys = readFileSync(espPath, 'utf8').trimEnd().split('\n').filter(Boolean);
  expect(keys.length).toBeGreaterThan(0);
  expectCleanPage(watch);

  if (skipWithout('tshark')) return;
  const uat = keys.flatMap((l) => ['-o', `uat:esp_sa:${l}`]);
  const rows = tshark(['-r', pcapPath, '-o', 'esp.enable_encryption_decode:TRUE', ...uat, '-Y', 'esp', '-T', 'fields', '-e', 'frame.protocols']).trim().split('\n');
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toMatch(/:esp:ip:icmp/);
});

test('keyboard alone: open R1, its console, run a command', async ({ page }) => {
  await openApp(page);
  // Tab into the canvas until R1 has focus, then Enter selects it.
  const r1 = device(page, 'Router R1');
  for (let i = 0; i < 40 && !(await r1.evaluate((el) => el.closest('.react-flow__node') === document.activeElement?.closest('.react-flow__node'))); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  const consoleTab = page.getByRole('tab', { name: 'Console' });
  await expect(consoleTab).toBeVisible();
  await page.getByRole('tab', { selected: true }).focus();
  // Arrow keys move between tabs; Tab moves into the panel.
  while ((await consoleTab.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('ArrowRight');
  const input = page.getByRole('textbox', { name: 'Command for R1' });
  await expect(input).toBeEnabled();
  for (let i = 0; i < 5 && !(await input.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await page.keyboard.type('sh ip ro');
  await page.keyboard.press('Tab'); // completes "ro" to "route"
  await expect(input).toHaveValue('sh ip route ');
  await page.keyboard.press('Enter');
  await expect(consoleOutput(page)).toContainText('Gateway of last resort');
  // ? shows help at once, without Enter, and keeps the line.
  await page.keyboard.type('show ip ');
  await page.keyboard.press('?');
  await expect(consoleOutput(page)).toContainText(/R1#show ip \?\n[\s\S]*arp\s+IP ARP table/);
  await expect(input).toHaveValue('show ip ');
  // History: Up brings the last command back.
  await input.fill('');
  await page.keyboard.press('ArrowUp');
  await expect(input).toHaveValue('sh ip route ');
});

test('axe: no serious or critical violations with the console, the forms and the export open; screenshots in both themes', async ({ page }) => {
  await openApp(page);
  const found: string[] = [];
  const check = async (view: string) => {
    const results = await new AxeBuilder({ page }).analyze();
    found.push(
      ...results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${view}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    );
  };
  mkdirSync('test-results', { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => {
      window.localStorage.setItem('tunnelscope:theme', t);
    }, theme);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await openTab(page, 'Router R1', 'Console');
    for (const c of ['show ip interface brief', 'conf t', 'interface GigabitEthernet9', 'ip address 10.0.0.300 255.0.0.0', 'end']) await run(page, c);
    await check(`${theme} console`);
    await page.screenshot({ path: `test-results/device-console-${theme}.png` });
    await page.getByRole('tab', { name: 'Config', exact: true }).click();
    await page.getByText('Tunnels', { exact: true }).click();
    await page.getByText('IPsec: transform sets').click();
    await check(`${theme} forms`);
    await page.screenshot({ path: `test-results/device-forms-${theme}.png` });
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByRole('tab', { name: 'Console' }).click();
      await page.screenshot({ path: `test-results/device-console-${theme}-${w}x${h}.png` });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('dialog')).toContainText('frames');
    await check(`${theme} export`);
    await page.screenshot({ path: `test-results/device-export-${theme}.png` });
    await page.keyboard.press('Escape');
  }
  expect(found).toEqual([]);
});
