import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from './builtin/default-lab';
import { labToFragment, readLabFragment } from './link';
import { restoreLab } from './restore';

const SHARED_LABS = join(__dirname, '../../../shared/labs');
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('share link', () => {
  it('round-trips the default lab and every reference lab', () => {
    const labs = [DEFAULT_LAB, ...readdirSync(SHARED_LABS).map((f) => JSON.parse(readFileSync(join(SHARED_LABS, f), 'utf8')))];
    for (const input of labs) {
      const restored = restoreLab(input, 'file');
      if (!restored.ok) throw new Error('reference lab failed to load');
      const back = readLabFragment(labToFragment(restored.lab));
      expect(back).toEqual({ ok: true, lab: restored.lab, warnings: restored.warnings });
    }
  });
  it('returns null when the URL carries no lab', () => {
    expect(readLabFragment('')).toBeNull();
    expect(readLabFragment('#section-2')).toBeNull();
  });
  it('refuses damaged links with a reason', () => {
    const good = labToFragment(DEFAULT_LAB);
    const reason = (hash: string) => {
      const r = readLabFragment(hash);
      return r && !r.ok ? r.problems[0]!.message : 'accepted';
    };
    expect(reason(good.slice(0, good.length - 40))).toMatch(/damaged/);
    expect(reason('#lab=7.' + good.slice(7))).toMatch(/encoding version/);
    expect(reason('#lab=1.' + b64url(new Uint8Array(300).map((_, i) => (i * 7919) % 256)))).toMatch(/damaged/);
    expect(reason('#lab=1.' + 'A'.repeat(5 * 1024 * 1024))).toMatch(/at most 512 KB/);
    const evil = { ...DEFAULT_LAB, devices: DEFAULT_LAB.devices.map((d, i) => (i === 0 ? { ...d, name: '<script>alert(1)</script>' } : d)) };
    expect(reason('#lab=1.' + b64url(deflateSync(new TextEncoder().encode(JSON.stringify(evil)))))).toMatch(/not a valid hostname/);
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024).fill(32));
    expect(reason('#lab=1.' + b64url(bomb))).toMatch(/expands to more/);
  });
  it('never throws on arbitrary fragments', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (tail) => {
        const r = readLabFragment('#lab=1.' + tail);
        expect(r === null || typeof r.ok === 'boolean').toBe(true);
        if (r && r.ok) expect(r.lab.format).toBe('tunnelscope-lab');
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('generated labs', () => {
  it('builds a valid 20-device hub-and-spoke lab whose link stays under 1,900 characters', async () => {
    const { generateHubSpokeLab } = await import('./generate');
    for (const ospf of [false, true]) {
      const lab = generateHubSpokeLab({ spokes: 9, hosts: true, ospf });
      const r = restoreLab(lab, 'builtin');
      expect(r.ok ? [] : r.problems).toEqual([]);
      expect(lab.devices).toHaveLength(20);
      expect(labToFragment(lab).length).toBeLessThanOrEqual(1900);
      expect(readLabFragment(labToFragment(lab))).toMatchObject({ ok: true, lab });
    }
    expect(restoreLab(generateHubSpokeLab({ spokes: 100, ospf: true }), 'builtin').ok).toBe(true);
  });
});
