// Whether an evidence link needs to replace the canvas lab: only when devices, configs or links differ.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { sameTopology } from './follow-evidence';

describe('sameTopology', () => {
  it('ignores positions, titles and the order of devices and link ends', () => {
    const moved = {
      ...DEFAULT_LAB,
      title: 'renamed',
      devices: [...DEFAULT_LAB.devices].reverse().map((d) => ({ ...d, x: d.x + 40 })),
      links: DEFAULT_LAB.links.map((l) => ({ ...l, a: l.b, b: l.a })),
    };
    expect(sameTopology(DEFAULT_LAB, moved)).toBe(true);
  });

  it('sees a changed config or a missing link', () => {
    const edited = { ...DEFAULT_LAB, devices: DEFAULT_LAB.devices.map((d, i) => (i === 0 ? { ...d, config: `${d.config}\n!` } : d)) };
    expect(sameTopology(DEFAULT_LAB, edited)).toBe(false);
    expect(sameTopology(DEFAULT_LAB, { ...DEFAULT_LAB, links: DEFAULT_LAB.links.slice(1) })).toBe(false);
  });
});
