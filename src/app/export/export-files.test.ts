import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { captureToPcapng } from '../../sim';
import { skipWithout, tempDir, tshark } from '../../testing/tools';
import { prepareExport } from './export-engine';
import { configFiles, fileStem } from './export-files';
import { tsharkCommand } from './howto';
import { buildLabNetwork } from '../device/lab-simulation';
import { runTrafficOn } from '../traffic/engine';
import { exportRun } from './run-network';

const PING = { kind: 'ping' as const, source: 'H1', destination: 'H2', count: 5, size: 100 };

/** The default lab's live simulation after one ping from the form. */
function pinged() {
  const net = buildLabNetwork(DEFAULT_LAB);
  net.converge();
  expect(runTrafficOn(net, PING, 0).ok).toBe(true);
  return net;
}
const file = (files: { name: string; data: Uint8Array }[], name: string) => files.find((f) => f.name === name)!;

describe('export files', () => {
  it('writes the live simulation, deterministically: the same lab and ping give the same bytes', () => {
    const a = prepareExport(DEFAULT_LAB, pinged());
    const b = prepareExport(DEFAULT_LAB, pinged());
    expect(a.description).toContain('every ping and traceroute');
    expect(a.frames).toBeGreaterThan(0);
    expect(file(a.capture, 'ipsec-static-vti-between-two-sites.pcapng').data).toEqual(file(b.capture, 'ipsec-static-vti-between-two-sites.pcapng').data);
  });

  it('writes the key tables as the CLI does: one line each, newline-terminated', () => {
    const e = prepareExport(DEFAULT_LAB, pinged());
    const esp = strFromU8(file(e.capture, 'esp_sa').data);
    expect(esp.split('\n').filter(Boolean)).toHaveLength(e.espSas);
    if (e.espSas > 0) {
      expect(esp.endsWith('\n')).toBe(true);
      for (const line of esp.trimEnd().split('\n')) expect(line).toMatch(/^"IPv4","[\d.]+","[\d.]+","0x[0-9a-f]{8}","[^"]+","0x[0-9a-f]+","[^"]+","0x[0-9a-f]+"$/);
    }
    expect(strFromU8(file(e.capture, 'ikev1_decryption_table').data).split('\n').filter(Boolean)).toHaveLength(e.ikeSas);
  });

  it('exports each running-config verbatim and zips everything under one folder', () => {
    const configs = configFiles(DEFAULT_LAB);
    expect(configs.map((f) => f.name)).toEqual(['H1-running-config.txt', 'R1-running-config.txt', 'R2-running-config.txt', 'H2-running-config.txt']);
    expect(strFromU8(configs[1]!.data)).toBe(DEFAULT_LAB.devices[1]!.config);
    const e = prepareExport(DEFAULT_LAB, undefined);
    const zip = unzipSync(e.zip());
    expect(Object.keys(zip).sort()).toEqual(
      [...e.capture, ...e.configs].map((f) => `ipsec-static-vti-between-two-sites/${f.name}`).sort(),
    );
    expect(strFromU8(zip['ipsec-static-vti-between-two-sites/HOW-TO-OPEN-IN-WIRESHARK.txt']!)).toContain('esp.enable_encryption_decode:TRUE');
  });

  it('names files after the lab title, safely', () => {
    expect(fileStem('IPsec static VTI between two sites')).toBe('ipsec-static-vti-between-two-sites');
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(fileStem('***')).toBe('lab');
  });

  it('exports the lab converging when nothing has run yet', () => {
    const e = prepareExport(DEFAULT_LAB, undefined);
    expect(e.description).toMatch(/converging/);
  });

  it('tshark reads the exported capture and decrypts its ESP with the exported esp_sa', () => {
    const e = prepareExport(DEFAULT_LAB, pinged());
    if (skipWithout('tshark')) return;
    const dir = tempDir();
    const pcap = join(dir, 'run.pcapng');
    writeFileSync(pcap, file(e.capture, 'ipsec-static-vti-between-two-sites.pcapng').data);
    const plain = tshark(['-r', pcap, '-T', 'fields', '-e', 'frame.protocols', '-e', '_ws.malformed']).trim().split('\n');
    expect(plain).toHaveLength(e.frames);
    for (const row of plain) expect(row).not.toMatch(/malformed/);
    // The default lab's ping crosses the VTI: ESP on the R1 - R2 link, decrypted to ICMP with the keys.
    const espFrames = plain.filter((r) => r.includes(':esp')).length;
    expect(espFrames).toBeGreaterThan(0);
    const uat = strFromU8(file(e.capture, 'esp_sa').data).trimEnd().split('\n').flatMap((l) => ['-o', `uat:esp_sa:${l}`]);
    const decrypted = tshark(['-r', pcap, '-o', 'esp.enable_encryption_decode:TRUE', ...uat, '-Y', 'esp', '-T', 'fields', '-e', 'frame.protocols']).trim().split('\n');
    expect(decrypted).toHaveLength(espFrames);
    for (const row of decrypted) expect(row).toMatch(/:esp:ip:icmp(:data)?$/);
  });

  it('is the capture and key log of the engine, through the CLI\u2019s functions', () => {
    const net = pinged();
    const run = exportRun(DEFAULT_LAB, net);
    const e = prepareExport(DEFAULT_LAB, net);
    expect(file(e.capture, 'ipsec-static-vti-between-two-sites.pcapng').data).toEqual(captureToPcapng(run.network));
    expect(strFromU8(file(e.capture, 'esp_sa').data)).toBe(run.network.keyLog.espSa.map((l) => `${l}\n`).join(''));
  });

  it('the tshark command the dialog shows decrypts every ESP frame, in both directions', () => {
    const e = prepareExport(DEFAULT_LAB, pinged());
    if (skipWithout('tshark')) return;
    expect(e.espSas).toBeGreaterThanOrEqual(2);
    const dir = tempDir();
    for (const f of e.capture) writeFileSync(join(dir, f.name), f.data);
    const out = execFileSync('/bin/bash', ['-c', `${tsharkCommand(e.stem)} -Y esp -T fields -e ip.src -e frame.protocols`], { cwd: dir, encoding: 'utf8' });
    const rows = out.trim().split('\n');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/:esp:ip:icmp/);
    // Both R1 -> R2 and R2 -> R1 decrypt: the command passed both SAs, not only the first line.
    expect(new Set(rows.map((r) => r.split('\t')[0])).size).toBe(2);
  });
});
