// The share dialog's "Open a link" over damaged links: whatever the damage, it never throws, and a
// refused link leaves the lab and its undo history exactly as they were, with a message on screen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { labToFragment } from '../../lab/link';
import { builtinLab } from '../../lab/builtin';
import { useLab } from '../state/lab-store';
import { useSession } from '../state/session-store';
import { openLinkText } from './open-link';

const good = `https://tunnelscope.example/${labToFragment(builtinLab('nat-t-static')!.lab)}`;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Damage lands in the fragment (a change to the address before it leaves the lab intact). */
const AT = good.indexOf('#');

describe('opening a pasted link', () => {
  it('opens a good link as one undoable step', () => {
    useLab.getState().reset(DEFAULT_LAB, []);
    expect(openLinkText(`  ${good}  `)).toBe(true);
    expect(useLab.getState().lab.title).toBe(builtinLab('nat-t-static')!.lab.title);
    useLab.getState().undo();
    expect(useLab.getState().lab).toEqual(DEFAULT_LAB);
  });

  it('refuses text without a lab', () => {
    useLab.getState().reset(DEFAULT_LAB, []);
    expect(openLinkText('https://example.org/page')).toBe(false);
    expect(useSession.getState().notices.at(-1)?.problems[0]?.message).toMatch(/not a Tunnelscope link/);
  });

  it('10,000 damaged links (cut, flipped, spliced): never throws; refused ones change nothing', () => {
    useLab.getState().reset(DEFAULT_LAB, []);
    const start = useLab.getState().lab;
    const damage = fc.oneof(
      fc.integer({ min: AT, max: good.length - 1 }).map((n) => good.slice(0, n)),
      fc.tuple(fc.integer({ min: AT, max: good.length - 1 }), fc.constantFrom(...B64)).map(([i, c]) => good.slice(0, i) + c + good.slice(i + 1)),
      fc.tuple(fc.integer({ min: AT, max: good.length }), fc.string({ minLength: 1, maxLength: 40 })).map(([i, s]) => good.slice(0, i) + s + good.slice(i)),
      fc.stringMatching(/^#lab=[0-9]{1,2}\.[A-Za-z0-9_-]{0,300}$/),
    );
    let refused = 0;
    fc.assert(
      fc.property(damage, (text) => {
        const notices = useSession.getState().notices.length;
        const opened = openLinkText(text);
        if (opened) {
          // A damage that still decodes must be a valid lab; put the start back for the next case.
          useLab.getState().reset(start, []);
          return;
        }
        refused++;
        expect(useLab.getState().lab).toBe(start);
        expect(useLab.getState().past).toEqual([]);
        expect(useSession.getState().notices.length).toBe(notices + 1);
        if (useSession.getState().notices.length > 50) useSession.setState({ notices: [] });
      }),
      { numRuns: 10_000 },
    );
    expect(refused).toBeGreaterThan(5_000);
  });
});
