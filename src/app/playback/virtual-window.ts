// Which rows of a fixed-height list are in view (plus `overscan` rows each side).
export function windowOf(count: number, rowHeight: number, scrollTop: number, viewHeight: number, overscan: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewHeight) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}
