import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from './builtin/default-lab';
import { restoreLab } from './restore';

describe('config warnings on load', () => {
  it('loads garbage config lines as unsupported, naming device and line', () => {
    const lab = { ...DEFAULT_LAB, devices: DEFAULT_LAB.devices.map((d) => (d.name === 'R2' ? { ...d, config: `${d.config}frobnicate the widgets\nsnmp-server community public RO\n` } : d)) };
    const r = restoreLab(lab, 'file');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const lines = r.lab.devices.find((d) => d.name === 'R2')!.config.split('\n').length;
    const warnings = r.warnings.map((w) => `${w.where}: ${w.message}`);
    expect(warnings.some((w) => w.startsWith(`device R2, config line ${lines - 2}:`) && w.includes('frobnicate the widgets'))).toBe(true);
    expect(warnings.some((w) => w.startsWith(`device R2, config line ${lines - 1}:`) && w.includes('snmp-server community public RO'))).toBe(true);
    expect(r.lab.devices.find((d) => d.name === 'R2')!.config).toContain('frobnicate the widgets');
  });
  it('has nothing to say about the default lab', () => {
    const r = restoreLab(DEFAULT_LAB, 'builtin');
    expect(r.ok && r.warnings).toEqual([]);
  });
});
