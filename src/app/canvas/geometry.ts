// Where links meet devices. A link runs from icon centre to icon centre, but is drawn only
// outside each device's box (icon, name and kind), so a link leaving downwards does not cross
// the device's name. Each interface label sits just outside that box, on the link.
export const NODE_WIDTH = 96;
export const ICON_CENTRE = { x: NODE_WIDTH / 2, y: 34 };
/** Half the width of the part of a device a link must not cross (the icon, not the whole node). */
const HALF_BODY_WIDTH = 36;
const BODY_TOP = 4;
/** Used until React Flow has measured the node. */
export const DEFAULT_NODE_HEIGHT = 100;
/** Gap between a device's box and the start of the line. */
const GAP = 3;
/** Half the size of an interface label, so it can be placed clear of the box. */
const LABEL_HALF = { x: 17, y: 10 };

export interface Point {
  x: number;
  y: number;
}

export interface DeviceBox {
  centre: Point;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function deviceBox(position: Point, height: number | undefined): DeviceBox {
  const centre = { x: position.x + ICON_CENTRE.x, y: position.y + ICON_CENTRE.y };
  return {
    centre,
    left: centre.x - HALF_BODY_WIDTH,
    right: centre.x + HALF_BODY_WIDTH,
    top: position.y + BODY_TOP,
    bottom: position.y + (height ?? DEFAULT_NODE_HEIGHT) - 2,
  };
}

/** How far from the box's centre, along the unit direction (ux, uy), the ray leaves the box. */
function exitDistance(box: DeviceBox, ux: number, uy: number): number {
  const c = box.centre;
  const tx = ux > 0 ? (box.right - c.x) / ux : ux < 0 ? (box.left - c.x) / ux : Infinity;
  const ty = uy > 0 ? (box.bottom - c.y) / uy : uy < 0 ? (box.top - c.y) / uy : Infinity;
  return Math.min(tx, ty);
}

export interface LinkGeometry {
  start: Point;
  end: Point;
  startLabel: Point;
  endLabel: Point;
}

/** Labels closer than this along a short link are pushed to either side of it. */
const LABEL_CLASH = 40;

/**
 * The visible segment of a link between two devices, and where its two labels go. `offset`
 * moves the whole link sideways, so parallel links between the same two devices stay apart.
 */
export function linkGeometry(a: DeviceBox, b: DeviceBox, offset = 0): LinkGeometry | null {
  const dx = b.centre.x - a.centre.x;
  const dy = b.centre.y - a.centre.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return null;
  const ux = dx / length;
  const uy = dy / length;
  const nx = -uy;
  const ny = ux;
  // The label's centre must be far enough along the line that the label clears the box.
  const labelOffset = Math.abs(ux) * LABEL_HALF.x + Math.abs(uy) * LABEL_HALF.y + 4;
  const at = (d: number, side = 0): Point => ({
    x: a.centre.x + ux * d + nx * (offset + side),
    y: a.centre.y + uy * d + ny * (offset + side),
  });
  const startD = exitDistance(a, ux, uy) + GAP;
  const endD = length - exitDistance(b, -ux, -uy) - GAP;
  const mid = length / 2;
  const startLabelD = Math.min(startD + labelOffset, mid - 2);
  const endLabelD = Math.max(endD - labelOffset, mid + 2);
  // On a very short link the two labels would overlap: set them off to opposite sides.
  const side = endLabelD - startLabelD < LABEL_CLASH ? LABEL_HALF.y + 2 : 0;
  return {
    start: at(Math.min(startD, mid)),
    end: at(Math.max(endD, mid)),
    startLabel: at(startLabelD, -side),
    endLabel: at(endLabelD, side),
  };
}

/** Sideways offsets for n parallel links: centred on the straight line, `spacing` apart. */
export function parallelOffset(index: number, count: number, spacing = 18): number {
  return (index - (count - 1) / 2) * spacing;
}

/** How the canvas fits the lab in view (React Flow's first fit; fit.ts refines it). */
export const FIT_OPTIONS = { padding: 0.12, maxZoom: 1.4 } as const;

/** How far a tunnel's arc stands off the straight line between its two devices. */
export const TUNNEL_BOW = 58;

/** Overlays (tunnels, crypto maps) start and end this far above the icon's centre. */
const ARC_LIFT = 22;

export interface OverlayArc {
  path: string;
  /** The arc's highest point (its middle), where its label goes. */
  top: Point;
}

/**
 * The arc an overlay is drawn as between two devices' positions: a quadratic curve standing `bow`
 * off the straight line, towards the top of the screen (or the right, for a vertical pair), or
 * the other way with `side` -1.
 */
export function overlayArc(from: Point, to: Point, bow: number, side: 1 | -1 = 1): OverlayArc {
  const a = { x: from.x + ICON_CENTRE.x, y: from.y + ICON_CENTRE.y - ARC_LIFT };
  const b = { x: to.x + ICON_CENTRE.x, y: to.y + ICON_CENTRE.y - ARC_LIFT };
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  let n = { x: dy / length, y: -dx / length };
  if (n.y > 0 || (n.y === 0 && n.x < 0)) n = { x: -n.x, y: -n.y };
  n = { x: n.x * side, y: n.y * side };
  // A quadratic curve's midpoint lies halfway to its control point, so the control point sits at 2 × bow.
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const control = { x: mid.x + n.x * 2 * bow, y: mid.y + n.y * 2 * bow };
  return { path: `M ${a.x},${a.y} Q ${control.x},${control.y} ${b.x},${b.y}`, top: { x: mid.x + n.x * bow, y: mid.y + n.y * bow } };
}

/** A label this close to another device's icon would sit on it or its name. */
const LABEL_CLEARANCE = 75;

/**
 * The side an overlay bows to: the usual one (up) unless its label would land on another device
 * (`others`: the other devices' positions) and the other side is clearer. A hub's crypto map to a
 * spoke below and to the right of the ISP router would otherwise put its label on the ISP.
 */
export function clearSide(from: Point, to: Point, bow: number, others: Iterable<Point>): 1 | -1 {
  const clearance = (side: 1 | -1) => {
    const { top } = overlayArc(from, to, bow, side);
    let nearest = Infinity;
    for (const o of others) nearest = Math.min(nearest, Math.hypot(o.x + ICON_CENTRE.x - top.x, o.y + ICON_CENTRE.y - top.y));
    return nearest;
  };
  const up = clearance(1);
  return up >= LABEL_CLEARANCE || up >= clearance(-1) ? 1 : -1;
}
