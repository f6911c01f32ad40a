// Every config in ../shared/labs and ../shared/reference parses without an exception; what each
// reference reports as unsupported is pinned so a regression (a line newly lost or newly
// misread) shows up in review.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse';
import { renderConfig } from './render';

const SHARED = join(__dirname, '../../../shared');
const REF_DIRS = ['reference/batfish', 'reference/batfish_lab_validation'].map((d) => join(SHARED, d));
const isConfig = (f: string): boolean => !f.endsWith('.json') && (!f.includes('show_') || f.includes('running-config'));

describe('reference configs', () => {
  const files = REF_DIRS.flatMap((d) => readdirSync(d).filter(isConfig).map((f) => join(d, f))).sort();

  it('finds the reference configs', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  for (const file of files) {
    const name = file.slice(SHARED.length + 1);
    it(`${name}: parses, keeps every line, and round-trips`, () => {
      const text = readFileSync(file, 'utf8');
      const r = parseConfig(text);
      expect(r.errors).toEqual([]);
      const again = parseConfig(renderConfig(r.config));
      expect(again.config).toEqual(r.config);
      // Nothing is lost: every unsupported line is written back by render.
      const rendered = renderConfig(r.config);
      for (const u of r.unsupported) expect(rendered).toContain(u.text);
      expect(r.unsupported.map((u) => `${u.lineNo}: ${u.section ? `[${u.section}] ` : ''}${u.text}`)).toMatchSnapshot();
    });
  }
});

describe('lab configs', () => {
  const labs = readdirSync(join(SHARED, 'labs')).filter((f) => f.endsWith('.json'));
  for (const lab of labs) {
    it(`${lab}: every device config is fully supported and round-trips`, () => {
      const doc = JSON.parse(readFileSync(join(SHARED, 'labs', lab), 'utf8')) as { devices: { name: string; config: string }[] };
      for (const d of doc.devices) {
        const r = parseConfig(d.config);
        expect(r.unsupported, d.name).toEqual([]);
        expect(r.errors, d.name).toEqual([]);
        expect(r.config.hostname).toBe(d.name);
        expect(parseConfig(renderConfig(r.config)).config).toEqual(r.config);
      }
    });
  }
});
