import { describe, expect, it } from 'vitest';
import { ICON_CENTRE, clearSide, deviceBox, linkGeometry, overlayArc, parallelOffset } from './geometry';

describe('link geometry', () => {
  const left = deviceBox({ x: 0, y: 0 }, 100);
  const right = deviceBox({ x: 300, y: 0 }, 100);
  const below = deviceBox({ x: 0, y: 300 }, 100);

  it('starts and ends a level link at the icons, labels just outside them', () => {
    const g = linkGeometry(left, right)!;
    expect(g.start.y).toBe(left.centre.y);
    expect(g.start.x).toBeGreaterThan(left.right);
    expect(g.end.x).toBeLessThan(right.left);
    expect(g.startLabel.x).toBeGreaterThan(g.start.x);
    expect(g.endLabel.x).toBeLessThan(g.end.x);
  });

  it('leaves a device going down below its name, not through it', () => {
    const g = linkGeometry(left, below)!;
    expect(g.start.y).toBeGreaterThan(left.bottom);
    expect(g.end.y).toBeLessThan(below.top);
  });

  it('keeps both ends and labels in order when devices nearly touch', () => {
    const near = deviceBox({ x: 60, y: 0 }, 100);
    const g = linkGeometry(left, near)!;
    expect(g.start.x).toBeLessThanOrEqual(g.end.x);
    expect(g.startLabel.x).toBeLessThan(g.endLabel.x);
  });

  it('sets the labels of a very short link to either side of it', () => {
    const near = deviceBox({ x: 100, y: 0 }, 100);
    const g = linkGeometry(left, near)!;
    expect(Math.abs(g.startLabel.y - g.endLabel.y)).toBeGreaterThanOrEqual(20);
  });

  it('moves a parallel link sideways, labels and all', () => {
    const straight = linkGeometry(left, right)!;
    const shifted = linkGeometry(left, right, 18)!;
    expect(shifted.start.y - straight.start.y).toBeCloseTo(18);
    expect(shifted.endLabel.y - straight.endLabel.y).toBeCloseTo(18);
    expect(parallelOffset(0, 2)).toBe(-9);
    expect(parallelOffset(1, 2)).toBe(9);
    expect(parallelOffset(0, 1)).toBe(0);
  });

  it('draws nothing for two devices on the same spot', () => {
    expect(linkGeometry(left, deviceBox({ x: 0, y: 0 }, 100))).toBeNull();
  });
});

describe('overlay arcs', () => {
  it('bows up between two level devices, its label above the line at the middle', () => {
    const { top, path } = overlayArc({ x: 0, y: 200 }, { x: 300, y: 200 }, 58);
    expect(top.x).toBeCloseTo(150 + ICON_CENTRE.x);
    expect(top.y).toBeCloseTo(200 + ICON_CENTRE.y - 22 - 58);
    expect(path.startsWith('M 48,212 Q')).toBe(true);
    expect(overlayArc({ x: 0, y: 200 }, { x: 300, y: 200 }, 58, -1).top.y).toBeCloseTo(200 + ICON_CENTRE.y - 22 + 58);
  });

  it('turns to the other side when its label would sit on a third device', () => {
    // The hub lab: HUB, ISP on the same row, S2 below right; the usual side puts the label on ISP.
    const hub = { x: 220, y: 300 };
    const s2 = { x: 700, y: 450 };
    const isp = { x: 460, y: 300 };
    expect(clearSide(hub, s2, 58, [isp])).toBe(-1);
    // With nothing in the way it keeps the usual side.
    expect(clearSide(hub, s2, 58, [{ x: 940, y: 150 }])).toBe(1);
    expect(clearSide(hub, s2, 58, [])).toBe(1);
  });
});
