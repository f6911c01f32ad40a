// Fitting the lab in view: every device inside the canvas, clear of the controls and the mini map
// that sit over its bottom corners, with the same margins React Flow's fit gives a small lab (so
// the default lab looks as it always has). Overlay labels (tunnels, crypto maps) are brought in
// too when they would otherwise fall off the canvas. Pure, so it is tested on numbers.
import { FIT_OPTIONS } from './geometry';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FitSpec {
  /** The canvas's size in screen pixels. */
  width: number;
  height: number;
  /** Screen rectangles, relative to the canvas, standing over its bottom edge (controls, mini map). */
  obstacles?: readonly Rect[];
  /** The share of the canvas left as a margin, as React Flow's `padding`. */
  padding?: number;
  minZoom?: number;
  maxZoom?: number;
}

/** The lowest zoom a fit may use: a 300-device lab in a small window still fits whole. */
export const FIT_MIN_ZOOM = 0.05;
/** Space left between content and an obstacle above which it is kept. */
const OBSTACLE_GAP = 12;

function union(rects: readonly Rect[]): Rect {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** React Flow's margin for a number padding, so a plain fit here is the fit React Flow made. */
const margin = (size: number, padding: number) => Math.floor((size - size / (1 + padding)) * 0.5);

interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Centre `bounds` in the canvas less the margins, as large as fits between minZoom and maxZoom. */
function fitIn(bounds: Rect, spec: Required<Omit<FitSpec, 'obstacles'>>, m: Margins): Viewport {
  const w = Math.max(1, spec.width - m.left - m.right);
  const h = Math.max(1, spec.height - m.top - m.bottom);
  const zoom = Math.min(spec.maxZoom, Math.max(spec.minZoom, Math.min(w / Math.max(bounds.width, 1), h / Math.max(bounds.height, 1))));
  return {
    x: m.left + w / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: m.top + h / 2 - (bounds.y + bounds.height / 2) * zoom,
    zoom,
  };
}

export function toScreen(r: Rect, v: Viewport): Rect {
  return { x: r.x * v.zoom + v.x, y: r.y * v.zoom + v.y, width: r.width * v.zoom, height: r.height * v.zoom };
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (r: Rect, width: number, height: number) => r.x >= 0 && r.y >= 0 && r.x + r.width <= width && r.y + r.height <= height;

/**
 * The viewport showing every device (`devices`, flow coordinates), and the overlay labels
 * (`labels`) when they would not otherwise be on the canvas, kept clear of the obstacles. Null for
 * an empty lab or a canvas not laid out yet.
 */
export function fitViewport(devices: readonly Rect[], labels: readonly Rect[], spec: FitSpec): Viewport | null {
  if (devices.length === 0 || spec.width <= 0 || spec.height <= 0) return null;
  const s = { width: spec.width, height: spec.height, padding: spec.padding ?? FIT_OPTIONS.padding, minZoom: spec.minZoom ?? FIT_MIN_ZOOM, maxZoom: spec.maxZoom ?? FIT_OPTIONS.maxZoom };
  const mx = margin(s.width, s.padding);
  const my = margin(s.height, s.padding);
  const m: Margins = { top: my, right: mx, bottom: my, left: mx };

  let content = devices;
  let bounds = union(content);
  let view = fitIn(bounds, s, m);
  if (labels.some((l) => !inside(toScreen(l, view), s.width, s.height))) {
    content = [...devices, ...labels];
    bounds = union(content);
    view = fitIn(bounds, s, m);
  }

  // Anything under the controls or the mini map: make room beside or above each obstacle the lab
  // meets, whichever leaves the lab larger (a round lab in a wide canvas moves aside; a wide one
  // moves up). Failing both, keep the whole lab above every obstacle.
  const obstacles = (spec.obstacles ?? []).filter((o) => o.width > 0 && o.height > 0);
  const clear = (v: Viewport) => !content.some((r) => obstacles.some((o) => overlaps(toScreen(r, v), o)));
  if (clear(view)) return view;
  const hit = obstacles.filter((o) => content.some((r) => overlaps(toScreen(r, view), o)));
  let best: Viewport | null = null;
  for (let choice = 0; choice < 1 << hit.length; choice++) {
    const room = { ...m };
    hit.forEach((o, i) => {
      if ((choice & (1 << i)) === 0) room.bottom = Math.max(room.bottom, s.height - o.y + OBSTACLE_GAP);
      else if (o.x + o.width / 2 > s.width / 2) room.right = Math.max(room.right, s.width - o.x + OBSTACLE_GAP);
      else room.left = Math.max(room.left, o.x + o.width + OBSTACLE_GAP);
    });
    const candidate = fitIn(bounds, s, room);
    if (clear(candidate) && (best === null || candidate.zoom > best.zoom + 1e-9)) best = candidate;
  }
  if (best) return best;
  m.bottom = Math.max(m.bottom, ...obstacles.map((o) => s.height - o.y + OBSTACLE_GAP));
  view = fitIn(bounds, s, m);
  return view;
}
