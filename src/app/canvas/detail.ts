// Level of detail. A crowded lab seen from far away shows its devices, links, tunnels and packets
// but not the small text beside them (interface and tunnel labels, device kinds): at that zoom
// they are a few pixels high, unreadable, and on a 300-device lab they are 1,000 more boxes for
// the browser to lay out and paint every drag frame. Zoom in and they are back. A small lab keeps
// its labels at any zoom: they are few, and a small lab zoomed out (an embed, a small window) is
// still meant to be read.
import { createContext } from 'react';
import type { ReactFlowState } from '@xyflow/react';

/** Below this zoom an 11 px label is under 7 px on screen. */
export const LABEL_MIN_ZOOM = 0.6;
/** From this many devices a lab is crowded enough to drop its labels when zoomed out. */
export const CROWDED_DEVICES = 40;

export function isOverview(zoom: number, devices: number): boolean {
  return zoom < LABEL_MIN_ZOOM && devices >= CROWDED_DEVICES;
}

/** A React Flow store selector: a boolean, so subscribers re-render only when it flips. */
export const overviewOf = (s: Pick<ReactFlowState, 'transform' | 'nodeLookup'>): boolean => isOverview(s.transform[2], s.nodeLookup.size);

/** True while the canvas shows the overview (labels left out). Provided by LabCanvas. */
export const OverviewContext = createContext(false);
