import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from './builtin/default-lab';
import { parseLabText, restoreLab } from './restore';
import type { Lab } from './types';

const SHARED_LABS = join(__dirname, '../../../shared/labs');
const clone = (lab: Lab): Lab => JSON.parse(JSON.stringify(lab)) as Lab;
const messages = (r: ReturnType<typeof restoreLab>) => (r.ok ? [] : r.problems.map((p) => `${p.where}: ${p.message}`));

describe('restoreLab on the reference labs', () => {
  const files = readdirSync(SHARED_LABS).filter((f) => f.endsWith('.json'));
  it('finds the reference labs', () => expect(files.length).toBeGreaterThanOrEqual(4));
  for (const file of files) {
    it(`loads ${file} unchanged`, () => {
      const text = readFileSync(join(SHARED_LABS, file), 'utf8');
      const result = parseLabText(text, 'file');
      expect(messages(result)).toEqual([]);
      if (!result.ok) return;
      expect(result.warnings).toEqual([]);
      const original = JSON.parse(text) as Record<string, unknown>;
      expect(result.lab.devices).toEqual(original.devices);
      expect(result.lab.links).toEqual(original.links);
      expect(result.lab.title).toBe(original.title);
    });
  }
  it('loads the built-in default lab', () => {
    const r = restoreLab(clone(DEFAULT_LAB), 'builtin');
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.lab.devices.length).toBe(4);
    expect(r.ok && r.lab.links.length).toBe(3);
  });
});

describe('restoreLab refuses damaged data, saying where', () => {
  it('refuses text that is not JSON', () => {
    expect(messages(parseLabText('{"format": tunnel', 'storage'))[0]).toMatch(/^lab: the saved lab is not valid JSON/);
  });
  it('refuses JSON that is not a lab', () => {
    expect(messages(restoreLab([1, 2, 3], 'file'))[0]).toMatch(/does not hold a Tunnelscope lab/);
    expect(messages(restoreLab({ hello: 'world' }, 'file'))[0]).toMatch(/^field format: .*not a Tunnelscope lab/);
  });
  it('names the device and field of an unknown kind', () => {
    const lab = clone(DEFAULT_LAB) as unknown as { devices: { kind: string }[] };
    lab.devices[1]!.kind = 'switch';
    expect(messages(restoreLab(lab, 'file'))).toEqual(['device R1 (field kind): must be one of router, host, nat']);
  });
  it('names the link whose interface is missing', () => {
    const lab = clone(DEFAULT_LAB);
    lab.links[1]!.b = 'R2 GigabitEthernet7';
    expect(messages(restoreLab(lab, 'link'))).toEqual(['link 2 (field b): R2 has no interface GigabitEthernet7 in its config']);
  });
  it('refuses markup in a device name and never echoes it raw', () => {
    const lab = clone(DEFAULT_LAB);
    const evil = '<img src=x onerror=alert(1)>';
    lab.devices[0]!.name = evil;
    const out = messages(restoreLab(lab, 'link'));
    expect(out.length).toBeGreaterThan(0);
    expect(out[0]).toMatch(/not a valid hostname/);
  });
  it('names the config line whose hostname disagrees with the device', () => {
    const lab = clone(DEFAULT_LAB);
    lab.devices[0]!.config = lab.devices[0]!.config.replace('hostname H1', 'hostname HX');
    expect(messages(restoreLab(lab, 'file'))).toEqual(['device H1, config line 1: the config says "hostname HX" but the device is named H1']);
  });
  it('refuses duplicate names, self links and an interface used twice', () => {
    const lab = clone(DEFAULT_LAB);
    lab.links.push({ a: 'R1 GigabitEthernet1', b: 'H2 Ethernet0' });
    expect(messages(restoreLab(lab, 'file'))).toEqual([
      'link 4 (field a): R1 GigabitEthernet1 is already used by link 2',
      'link 4 (field b): H2 Ethernet0 is already used by link 3',
    ]);
  });
  it('says plainly which field is missing', () => {
    const { links: _links, ...rest } = clone(DEFAULT_LAB);
    expect(messages(restoreLab(rest, 'file'))).toEqual(['field links: is missing']);
    const lab = clone(DEFAULT_LAB) as unknown as { devices: Record<string, unknown>[] };
    delete lab.devices[2]!.config;
    expect(messages(restoreLab(lab, 'file'))).toEqual(['device R2 (field config): is missing']);
  });
  it('refuses a lab from a newer version and a huge text', () => {
    expect(messages(restoreLab({ ...clone(DEFAULT_LAB), version: 9 }, 'file'))[0]).toMatch(/newer Tunnelscope \(format version 9\)/);
    expect(messages(parseLabText(' '.repeat(5 * 1024 * 1024), 'file'))[0]).toMatch(/at most 4 MB/);
  });
  it('drops unknown fields and fills defaults', () => {
    const r = restoreLab({ ...clone(DEFAULT_LAB), title: undefined, notes: undefined, extra: 1 }, 'file');
    expect(r.ok && r.lab).toMatchObject({ title: 'Untitled lab', notes: '' });
    expect(r.ok && 'extra' in r.lab).toBe(false);
  });
});
