// Opening a lab file: every file goes through parseLabText -> restoreLab; a refused file changes
// nothing and says why.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { builtinLab } from '../../lab/builtin';
import { useLab } from '../state/lab-store';
import { useSession } from '../state/session-store';
import { labFileName, labFileText, openLabFile } from './lab-file';

const lastProblem = () => useSession.getState().notices.at(-1)?.problems[0]?.message ?? '';

describe('lab files', () => {
  it('names the file after the title and writes the lab as JSON that opens back unchanged', async () => {
    const lab = builtinLab('gre-ipsec-tunnel')!.lab;
    expect(labFileName(lab)).toBe('gre-over-ipsec-transform-set-in-tunnel-mode.json');
    expect(labFileName({ ...lab, title: '<>' })).toBe('lab.json');
    useLab.getState().reset(DEFAULT_LAB, []);
    expect(await openLabFile(new File([labFileText(lab)], 'x.json'))).toBe(true);
    expect(useLab.getState().lab).toEqual(lab);
    expect(useLab.getState().past).toEqual([DEFAULT_LAB]);
  });

  for (const [what, file, reason] of [
    ['not JSON', new File(['hello'], 'a.json'), /not valid JSON/],
    ['not UTF-8', new File([Uint8Array.of(0xff, 0xfe, 0x00, 0xc3)], 'b.json'), /not a text file/],
    ['an unknown device kind', new File([JSON.stringify({ ...DEFAULT_LAB, devices: [{ ...DEFAULT_LAB.devices[0], kind: 'toaster' }] })], 'c.json'), /one of router, host, nat/],
    ['over the size limit', new File([new Uint8Array(4 * 1024 * 1024 + 1)], 'd.json'), /at most 4 MB/],
  ] as const) {
    it(`refuses a file that is ${what}, leaving the lab as it was`, async () => {
      useLab.getState().reset(DEFAULT_LAB, []);
      const before = useLab.getState().lab;
      expect(await openLabFile(file)).toBe(false);
      expect(useLab.getState().lab).toBe(before);
      expect(useLab.getState().past).toEqual([]);
      expect(useSession.getState().notices.at(-1)?.title).toMatch(/could not be opened\. Your current lab is unchanged\./);
      expect(lastProblem()).toMatch(reason);
    });
  }
});
