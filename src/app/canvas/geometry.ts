// Where a device's icon sits inside its node, shared by the node's CSS and the edges, so links
// run from icon centre to icon centre and stop at the icon's rim.
export const NODE_WIDTH = 96;
export const ICON_CENTRE = { x: NODE_WIDTH / 2, y: 34 };
/** Links stop this far from an icon's centre, so the line meets the icon's edge. */
export const ICON_RADIUS = 30;
/** Interface labels sit this far from the icon's centre along the link. */
export const LABEL_DISTANCE = 58;

export interface Point {
  x: number;
  y: number;
}

/** The point `distance` along the segment from `from` towards `to` (clamped to its middle). */
export function along(from: Point, to: Point, distance: number): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return from;
  const d = Math.min(distance, length / 2);
  return { x: from.x + (dx / length) * d, y: from.y + (dy / length) * d };
}
