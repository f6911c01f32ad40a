// Editing commands shared by the canvas, the palette, the context menu and the side panel. Each
// builds actions (data), sends them through the document store, and reports a refusal on screen,
// so every entry point behaves the same way.
import type { LabAction } from '../../lab/actions';
import type { DeviceKind } from '../../lab/types';
import { useLab } from './lab-store';
import { useSession } from './session-store';
import { freeSpot } from './placement';
import { KIND_LABEL } from '../canvas/icons';

function refuse(title: string, message: string) {
  useSession.getState().notify(title, [{ where: 'edit', message }]);
}

/**
 * Adds a device and selects it. `exact` places it where it was dropped; otherwise it goes to the
 * nearest free spot, clear of other devices and links.
 */
export function addDeviceAt(kind: DeviceKind, x: number, y: number, exact = false): void {
  const { lab, dispatch } = useLab.getState();
  const spot = exact ? { x: Math.round(x / 10) * 10, y: Math.round(y / 10) * 10 } : freeSpot(lab, { x, y });
  const result = dispatch({ type: 'addDevice', kind, x: spot.x, y: spot.y });
  if (!result.ok) return refuse('The device could not be added.', result.message);
  const added = useLab.getState().lab.devices.at(-1);
  if (added) {
    useSession.getState().select({ kind: 'device', name: added.name });
    useSession.getState().announce(`${KIND_LABEL[added.kind]} ${added.name} added.`);
  }
}

/** Links two devices on their first free interfaces (the lab adds one when none is free). */
export function linkDevices(a: string, b: string, aIface?: string, bIface?: string): void {
  if (a === b) return;
  const { dispatch } = useLab.getState();
  const result = dispatch({ type: 'addLink', a: aIface ? `${a} ${aIface}` : a, b: bIface ? `${b} ${bIface}` : b });
  if (!result.ok) return refuse(`${a} and ${b} could not be linked.`, result.message);
  const links = useLab.getState().lab.links;
  const link = links.at(-1);
  useSession.getState().select({ kind: 'link', index: links.length - 1 });
  if (link) useSession.getState().announce(`Linked ${link.a} to ${link.b}.`);
}

/** Deletes devices and links as one undo step. Links go first, by descending index, so indices stay valid. */
export function deleteActions(devices: string[], links: number[]): void {
  const { lab, dispatchAll } = useLab.getState();
  const goneDevices = new Set(devices);
  const touchesGone = (index: number) => {
    const link = lab.links[index];
    return link !== undefined && [link.a, link.b].some((end) => goneDevices.has(end.split(' ')[0]!));
  };
  const cutLinks = [...new Set(links)].filter((i) => !touchesGone(i)).sort((x, y) => y - x);
  const actions: LabAction[] = [
    ...cutLinks.map((index) => ({ type: 'deleteLink' as const, index })),
    ...devices.map((name) => ({ type: 'deleteDevice' as const, name })),
  ];
  if (actions.length === 0) return;
  const result = dispatchAll(actions);
  if (!result.ok) return refuse('That could not be deleted.', result.message);
  useSession.getState().select(null);
  useSession.getState().openContextMenu(null);
  // A device's own links go with it; only the links cut on their own are counted.
  const what = [...devices, ...(cutLinks.length > 0 ? [cutLinks.length === 1 ? 'a link' : `${cutLinks.length} links`] : [])].join(', ');
  useSession.getState().announce(`Deleted ${what}.`);
}

/** Undo and redo, from the buttons or the keyboard, said out loud for screen readers. */
export function undo(): void {
  if (useLab.getState().past.length === 0) return;
  useLab.getState().undo();
  useSession.getState().announce('Undone.');
}

export function redo(): void {
  if (useLab.getState().future.length === 0) return;
  useLab.getState().redo();
  useSession.getState().announce('Redone.');
}
