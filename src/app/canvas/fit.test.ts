import { describe, expect, it } from 'vitest';
import { getViewportForBounds } from '@xyflow/react';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { generateHubSpokeLab } from '../../lab/generate';
import type { LabV1 } from '../../lab/types';
import { FIT_MIN_ZOOM, fitViewport, toScreen, type Rect, type Viewport } from './fit';
import { DEFAULT_NODE_HEIGHT, FIT_OPTIONS, NODE_WIDTH } from './geometry';

const rects = (lab: LabV1): Rect[] => lab.devices.map((d) => ({ x: d.x, y: d.y, width: NODE_WIDTH, height: DEFAULT_NODE_HEIGHT }));
/** The canvas of a 1440 × 900 window with the side panels and the closed packet dock. */
const CANVAS = { width: 928, height: 765 };
/** React Flow's controls (bottom left) and mini map (bottom right), as LabCanvas places them. */
const obstaclesOf = ({ width, height }: { width: number; height: number }): Rect[] => [
  { x: 15, y: height - 15 - 82, width: 28, height: 82 },
  { x: width - 15 - 168, y: height - 15 - 108, width: 168, height: 108 },
];

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function expectAllShown(devices: Rect[], view: Viewport, canvas: { width: number; height: number }, obstacles: Rect[]) {
  for (const d of devices) {
    const r = toScreen(d, view);
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(canvas.width);
    expect(r.y + r.height).toBeLessThanOrEqual(canvas.height);
    for (const o of obstacles) expect(overlaps(r, o)).toBe(false);
  }
}

describe('fitting the lab in view', () => {
  it('fits the default lab exactly as React Flow did, the mini map and controls being clear of it', () => {
    const devices = rects(DEFAULT_LAB);
    const bounds = { x: 0, y: 200, width: 820 + NODE_WIDTH, height: DEFAULT_NODE_HEIGHT };
    const before = getViewportForBounds(bounds, CANVAS.width, CANVAS.height, 0.2, FIT_OPTIONS.maxZoom, FIT_OPTIONS.padding);
    const view = fitViewport(devices, [], { ...CANVAS, obstacles: obstaclesOf(CANVAS) })!;
    expect(view.zoom).toBeCloseTo(before.zoom, 6);
    expect(view.x).toBeCloseTo(before.x, 6);
    expect(view.y).toBeCloseTo(before.y, 6);
    // Its tunnel label, above R1 and R2, is on the canvas already: it does not move the view.
    const tunnelLabel = { x: 330, y: 140, width: 160, height: 22 };
    expect(fitViewport(devices, [tunnelLabel], { ...CANVAS, obstacles: obstaclesOf(CANVAS) })).toEqual(view);
  });

  it('shows all 302 devices of the 150-spoke lab with hosts, above the mini map and controls', () => {
    const devices = rects(generateHubSpokeLab({ spokes: 150, hosts: true }));
    expect(devices).toHaveLength(302);
    const obstacles = obstaclesOf(CANVAS);
    const view = fitViewport(devices, [], { ...CANVAS, obstacles })!;
    expectAllShown(devices, view, CANVAS, obstacles);
    // Not smaller than it needs to be: the ring fills most of the height left above the mini map.
    const ring = toScreen({ x: -50, y: -150, width: 1300 + NODE_WIDTH, height: 1300 + DEFAULT_NODE_HEIGHT }, view);
    expect(ring.height).toBeGreaterThan(0.7 * CANVAS.height);
  });

  it('goes below the old 0.2 minimum zoom when the window is small, so the whole lab still shows', () => {
    const small = { width: 420, height: 300 };
    const devices = rects(generateHubSpokeLab({ spokes: 150, hosts: true }));
    const obstacles = obstaclesOf(small);
    const view = fitViewport(devices, [], { ...small, obstacles })!;
    expect(view.zoom).toBeLessThan(0.2);
    expect(view.zoom).toBeGreaterThanOrEqual(FIT_MIN_ZOOM);
    expectAllShown(devices, view, small, obstacles);
  });

  it('moves a lab whose bottom row would sit under the mini map up, and keeps it as large as the space allows', () => {
    // Two rows, wide: a plain fit puts the bottom right device under the mini map.
    const devices = [0, 300, 600, 900].flatMap((x) => [{ x, y: 0, width: NODE_WIDTH, height: DEFAULT_NODE_HEIGHT }, { x, y: 700, width: NODE_WIDTH, height: DEFAULT_NODE_HEIGHT }]);
    const obstacles = obstaclesOf(CANVAS);
    const plain = fitViewport(devices, [], CANVAS)!;
    expect(devices.some((d) => obstacles.some((o) => overlaps(toScreen(d, plain), o)))).toBe(true);
    const view = fitViewport(devices, [], { ...CANVAS, obstacles })!;
    expectAllShown(devices, view, CANVAS, obstacles);
    const lowest = Math.max(...devices.map((d) => toScreen(d, view).y + toScreen(d, view).height));
    expect(lowest).toBeCloseTo(obstacles[1]!.y - 12, 0);
  });

  it('moves a round lab in a wide canvas aside from the mini map rather than up, when that leaves it larger', () => {
    const wide = { width: 770, height: 585 };
    const devices = rects(generateHubSpokeLab({ spokes: 150, hosts: true }));
    const obstacles = obstaclesOf(wide);
    const view = fitViewport(devices, [], { ...wide, obstacles })!;
    expectAllShown(devices, view, wide, obstacles);
    // Keeping it above the mini map instead would have made it smaller.
    const aboveOnly = fitViewport(devices, [], { ...wide, obstacles: [{ x: 0, y: obstacles[1]!.y, width: wide.width, height: 123 }] })!;
    expect(view.zoom).toBeGreaterThan(aboveOnly.zoom * 1.1);
  });

  it('brings an overlay label into view when it would be off the canvas', () => {
    // A wide, flat lab fills the width; the tunnel label standing above it would be cut off at the top.
    const devices = [{ x: 0, y: 0, width: NODE_WIDTH, height: DEFAULT_NODE_HEIGHT }, { x: 1000, y: 0, width: NODE_WIDTH, height: DEFAULT_NODE_HEIGHT }];
    const label = { x: 420, y: -200, width: 200, height: 22 };
    const flat = { width: 900, height: 200 };
    const without = fitViewport(devices, [], flat)!;
    expect(toScreen(label, without).y).toBeLessThan(0);
    const view = fitViewport(devices, [label], flat)!;
    const shown = toScreen(label, view);
    expect(shown.y).toBeGreaterThanOrEqual(0);
    expectAllShown(devices, view, flat, []);
  });

  it('has nothing to fit for an empty lab or a canvas not laid out yet', () => {
    expect(fitViewport([], [], CANVAS)).toBeNull();
    expect(fitViewport(rects(DEFAULT_LAB), [], { width: 0, height: 0 })).toBeNull();
  });
});
