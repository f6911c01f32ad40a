import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import type { LabV1 } from '../../lab/types';
import { freeSpot } from './placement';

const EMPTY: LabV1 = { ...DEFAULT_LAB, devices: [], links: [] };

describe('where a clicked palette device goes', () => {
  it('takes the wanted spot on an empty canvas, snapped to the grid', () => {
    expect(freeSpot(EMPTY, { x: 101, y: 57 })).toEqual({ x: 100, y: 60 });
  });

  it('moves off a link line and off other devices', () => {
    const r1 = DEFAULT_LAB.devices.find((d) => d.name === 'R1')!;
    const r2 = DEFAULT_LAB.devices.find((d) => d.name === 'R2')!;
    const between = { x: (r1.x + r2.x) / 2, y: r1.y };
    const spot = freeSpot(DEFAULT_LAB, between);
    expect(Math.abs(spot.y - r1.y)).toBeGreaterThanOrEqual(100);
    for (const d of DEFAULT_LAB.devices) expect(Math.abs(d.x - spot.x) >= 120 || Math.abs(d.y - spot.y) >= 120).toBe(true);
  });
});
