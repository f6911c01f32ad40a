// Acceptance for share links through the headless command: every reference lab and every built-in
// lab goes through `tunnelscope link` then `unlink` unchanged, and each kind of damaged link makes
// `unlink` exit 2 with one clear line.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labToFragment, restoreLab, type Lab } from '../lab';
import { BUILTIN_LABS } from '../lab/builtin';
import { tempDir } from '../testing/tools';
import { main } from './main';

const SHARED_LABS = join(import.meta.dirname, '../../../shared/labs');

function run(...argv: string[]): { code: number; out: string; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { stdout: (t) => out.push(t), stderr: (l) => err.push(l) });
  return { code, out: out.join('\n'), err };
}

/** The lab as restoreLab normalises it: what the app and the CLI both hold after loading. */
function restored(lab: unknown): Lab {
  const r = restoreLab(lab, 'file');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.lab;
}

const dir = tempDir();
const labs: Array<[string, string]> = [
  ...readdirSync(SHARED_LABS)
    .filter((f) => f.endsWith('.json'))
    .map((f): [string, string] => [`shared ${f}`, join(SHARED_LABS, f)]),
  ...BUILTIN_LABS.flatMap((b) =>
    [['lab', b.lab] as const, ['solved', b.variants.solved] as const, ['broken', b.variants.broken] as const]
      .filter(([, lab]) => lab !== undefined)
      .map(([variant, lab]): [string, string] => {
        const file = join(dir, `${b.id}-${variant}.json`);
        writeFileSync(file, JSON.stringify(lab));
        return [`built-in ${b.id} (${variant})`, file];
      }),
  ),
];

describe('tunnelscope link then unlink: every lab comes back unchanged', () => {
  it('covers the four reference labs and every built-in lab', () => {
    expect(labs.filter(([n]) => n.startsWith('shared')).length).toBeGreaterThanOrEqual(4);
    expect(labs.filter(([n]) => n.startsWith('built-in')).length).toBeGreaterThanOrEqual(BUILTIN_LABS.length * 2);
  });
  for (const [name, file] of labs) {
    it(name, () => {
      const link = run('link', file);
      expect(link.code).toBe(0);
      expect(link.out).toMatch(/^#lab=1\.[A-Za-z0-9_-]+$/);
      const back = run('unlink', `https://tunnelscope.example/app/${link.out}`);
      expect(back.err).toEqual([]);
      expect(back.code).toBe(0);
      expect(JSON.parse(back.out)).toEqual(restored(JSON.parse(readFileSync(file, 'utf8'))));
    });
  }
});

describe('tunnelscope unlink refuses damaged links: exit 2, one clear line', () => {
  const good = labToFragment(restored(JSON.parse(readFileSync(join(SHARED_LABS, 'vti-basic.json'), 'utf8'))));
  const base = restored(JSON.parse(readFileSync(join(SHARED_LABS, 'vti-basic.json'), 'utf8')));
  const scripted: Lab = { ...base, devices: base.devices.map((d, i) => (i === 0 ? { ...d, name: '<script>alert(1)</script>' } : d)) };
  // Fixed pseudo-random base64url (no Math.random: the test must be the same every run).
  const randomB64 = Array.from({ length: 400 }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[(i * 37 + 11) % 64]).join('');
  const cases: Array<[string, string, RegExp]> = [
    ['a truncated link', good.slice(0, Math.floor(good.length * 0.6)), /damaged|cut short/],
    ['a wrong version', good.replace('#lab=1.', '#lab=9.'), /encoding version "9"/],
    ['random base64', `#lab=1.${randomB64}`, /damaged/],
    ['a lab with a script in a device name', labToFragment(scripted), /device|name|hostname/i],
    ['a 5 MB link', `#lab=1.${'A'.repeat(5 * 1024 * 1024)}`, /KB long/],
  ];
  for (const [what, fragment, message] of cases) {
    it(what, () => {
      const r = run('unlink', `https://tunnelscope.example/${fragment}`);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(message);
      // One line, no stack trace ("at file.ts:12:3").
      expect(r.err[0]).not.toMatch(/\n|\bat \S+:\d+:\d+/);
    });
  }
});
