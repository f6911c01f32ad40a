// Shown on an empty canvas, so a blank lab still tells the learner what to do first.
import { useLab } from '../state/lab-store';

export function EmptyHint() {
  const empty = useLab((s) => s.lab.devices.length === 0);
  if (!empty) return null;
  return (
    <div className="empty-hint">
      <strong>This lab is empty.</strong>
      Add a router, a host or a NAT box from the palette on the left, then drag from a device's + knob to another device to link them.
    </div>
  );
}
