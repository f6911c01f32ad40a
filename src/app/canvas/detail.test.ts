import { describe, expect, it } from 'vitest';
import { CROWDED_DEVICES, LABEL_MIN_ZOOM, isOverview, overviewOf } from './detail';

describe('level of detail', () => {
  it('leaves labels out only for a crowded lab seen from below the label zoom', () => {
    expect(isOverview(LABEL_MIN_ZOOM - 0.01, CROWDED_DEVICES)).toBe(true);
    expect(isOverview(0.2, 300)).toBe(true);
    expect(isOverview(LABEL_MIN_ZOOM, 300)).toBe(false);
    expect(isOverview(1, 300)).toBe(false);
  });

  it('keeps the labels of a small lab at any zoom (the default lab has 4 devices)', () => {
    expect(isOverview(0.2, 4)).toBe(false);
    expect(isOverview(0.2, CROWDED_DEVICES - 1)).toBe(false);
  });

  it('reads the zoom and the device count from the React Flow store', () => {
    const state = (zoom: number, devices: number) => ({ transform: [0, 0, zoom] as [number, number, number], nodeLookup: new Map(Array.from({ length: devices }, (_, i) => [`D${i}`, {}])) as never });
    expect(overviewOf(state(0.5, 100))).toBe(true);
    expect(overviewOf(state(0.9, 100))).toBe(false);
    expect(overviewOf(state(0.5, 4))).toBe(false);
  });
});
