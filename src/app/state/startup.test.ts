import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { labToFragment } from '../../lab/link';
import type { LabV1 } from '../../lab/types';
import { chooseStartupLab } from './startup';

const saved: LabV1 = { ...DEFAULT_LAB, title: 'My saved lab' };
const linked: LabV1 = { ...DEFAULT_LAB, title: 'A shared lab' };

describe('startup load order', () => {
  it('opens the built-in lab when there is nothing else', () => {
    const choice = chooseStartupLab({ hash: '', stored: null });
    expect(choice.source).toBe('builtin');
    expect(choice.lab.title).toBe(DEFAULT_LAB.title);
    expect(choice.notices).toEqual([]);
  });

  it('prefers the autosave over the built-in lab', () => {
    const choice = chooseStartupLab({ hash: '', stored: JSON.stringify(saved) });
    expect(choice.source).toBe('storage');
    expect(choice.lab.title).toBe('My saved lab');
  });

  it('prefers a #lab= link over the autosave, keeping the autosave on the undo stack', () => {
    const choice = chooseStartupLab({ hash: labToFragment(linked), stored: JSON.stringify(saved) });
    expect(choice.source).toBe('link');
    expect(choice.lab.title).toBe('A shared lab');
    expect(choice.past.map((l) => l.title)).toEqual(['My saved lab']);
  });

  it('reports a damaged autosave and falls back to the built-in lab', () => {
    const choice = chooseStartupLab({ hash: '', stored: '{"hello":1}' });
    expect(choice.source).toBe('builtin');
    expect(choice.notices).toHaveLength(1);
    expect(choice.notices[0]!.problems.length).toBeGreaterThan(0);
  });

  it('reports a damaged link and keeps the autosave', () => {
    const choice = chooseStartupLab({ hash: '#lab=1.garbage!!', stored: JSON.stringify(saved) });
    expect(choice.source).toBe('storage');
    expect(choice.lab.title).toBe('My saved lab');
    expect(choice.notices[0]!.title).toMatch(/link could not be opened/);
  });

  it('refuses a linked lab with markup in a device name', () => {
    const evil = { ...DEFAULT_LAB, devices: DEFAULT_LAB.devices.map((d, i) => (i === 0 ? { ...d, name: '<img src=x onerror=alert(1)>' } : d)) };
    const choice = chooseStartupLab({ hash: labToFragment(evil), stored: null });
    expect(choice.source).toBe('builtin');
    expect(choice.notices).toHaveLength(1);
  });

  it('opens a linked lab with config lines it does not understand, and names each line', () => {
    const typo = { ...linked, devices: linked.devices.map((d) => (d.name === 'R1' ? { ...d, config: `${d.config}\nflurble wibble 42\n` } : d)) };
    const choice = chooseStartupLab({ hash: labToFragment(typo), stored: null });
    expect(choice.source).toBe('link');
    expect(choice.lab.devices.find((d) => d.name === 'R1')!.config).toContain('flurble wibble 42');
    expect(choice.notices).toHaveLength(1);
    expect(choice.notices[0]!.title).toMatch(/^The lab in this link opened, but one config line is not understood by this lab/);
    expect(choice.notices[0]!.problems[0]!.where).toMatch(/^device R1, config line \d+$/);
    expect(choice.notices[0]!.problems[0]!.message).toContain('"flurble wibble 42"');
  });
});
