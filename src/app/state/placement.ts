// Where a device added from the palette by a click goes: near the middle of the view, but not on
// top of another device or across a link, so the new device is plainly visible and easy to grab.
import { splitEndpoint } from '../../lab/names';
import type { LabV1 } from '../../lab/types';
import { ICON_CENTRE } from '../canvas/geometry';

const GRID = 10;
const STEP = 140;
/** Two devices closer than this (centre to centre, per axis) would overlap. */
const DEVICE_CLEARANCE = { x: 120, y: 120 };
/** A device this close to a link's line would sit on it. */
const LINK_CLEARANCE = 56;

interface Point {
  x: number;
  y: number;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Candidate offsets, nearest first: the spot itself, then rings below, above and beside it. */
function* candidates(): Generator<Point> {
  yield { x: 0, y: 0 };
  for (let ring = 1; ring <= 6; ring++) {
    const d = ring * STEP;
    yield* [
      { x: 0, y: d },
      { x: 0, y: -d },
      { x: d, y: d },
      { x: -d, y: d },
      { x: d, y: -d },
      { x: -d, y: -d },
      { x: d, y: 0 },
      { x: -d, y: 0 },
    ];
  }
}

/** The top-left position for a new device near `wanted` (also a top-left position). */
export function freeSpot(lab: LabV1, wanted: Point): Point {
  const centres = new Map(lab.devices.map((d) => [d.name, { x: d.x + ICON_CENTRE.x, y: d.y + ICON_CENTRE.y }]));
  const segments = lab.links.flatMap((l) => {
    const a = centres.get(splitEndpoint(l.a)?.device ?? '');
    const b = centres.get(splitEndpoint(l.b)?.device ?? '');
    return a && b ? [[a, b] as const] : [];
  });
  const snap = (v: number) => Math.round(v / GRID) * GRID;
  for (const offset of candidates()) {
    const spot = { x: snap(wanted.x + offset.x), y: snap(wanted.y + offset.y) };
    const centre = { x: spot.x + ICON_CENTRE.x, y: spot.y + ICON_CENTRE.y };
    const onDevice = [...centres.values()].some((c) => Math.abs(c.x - centre.x) < DEVICE_CLEARANCE.x && Math.abs(c.y - centre.y) < DEVICE_CLEARANCE.y);
    const onLink = segments.some(([a, b]) => distanceToSegment(centre, a, b) < LINK_CLEARANCE);
    if (!onDevice && !onLink) return spot;
  }
  return { x: snap(wanted.x), y: snap(wanted.y) };
}
