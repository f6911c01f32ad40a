import { describe, expect, it } from 'vitest';
import { migrate } from './migrations';

describe('migrate', () => {
  const steps = {
    1: (d: Record<string, unknown>) => ({ ...d, title: `${String(d.name)}` }),
    2: (d: Record<string, unknown>) => ({ ...d, notes: 'added by step 2' }),
  };
  it('runs the numbered steps in order up to the current version', () => {
    const r = migrate({ version: 1, name: 'old' }, steps, 3);
    expect(r).toEqual({ ok: true, from: 1, doc: { version: 3, name: 'old', title: 'old', notes: 'added by step 2' } });
  });
  it('leaves a current document alone', () => {
    expect(migrate({ version: 3, a: 1 }, steps, 3)).toEqual({ ok: true, from: 3, doc: { version: 3, a: 1 } });
  });
  it('refuses a missing step, a newer version and a bad version', () => {
    expect(migrate({ version: 1 }, { 2: steps[2] }, 3)).toMatchObject({ ok: false, message: 'no migration from format version 1 to 2' });
    expect(migrate({ version: 4 }, steps, 3)).toMatchObject({ ok: false });
    expect(migrate({ version: '1' }, steps, 3)).toMatchObject({ ok: false, message: 'the lab has no valid version number' });
  });
});
