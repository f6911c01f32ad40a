// Nothing selected: what this lab is about, and how to use the editor. Notes are shown as plain
// text (pre-wrapped), never as HTML.
import { useLab } from '../state/lab-store';

export function LabOverview() {
  const title = useLab((s) => s.lab.title);
  const notes = useLab((s) => s.lab.notes);
  const counts = useLab((s) => `${s.lab.devices.length} devices, ${s.lab.links.length} links`);
  return (
    <div className="panel">
      <p className="panel__kicker">Lab</p>
      <h2 className="panel__title">{title || 'Untitled lab'}</h2>
      <p className="muted">{counts}</p>
      {notes && <p className="notes">{notes}</p>}
      <h3 className="field__label">How to</h3>
      <ul className="howto">
        <li>
          <strong>Add a device:</strong> click Router, Host or NAT box on the left, or drag one onto the canvas.
        </li>
        <li>
          <strong>Link two devices:</strong> hover a device and drag its blue + knob onto another device, or use Link to in the device's panel. Select the link to choose its
          interfaces.
        </li>
        <li>
          <strong>Configure:</strong> select a device to rename it and edit its running-config here.
        </li>
        <li>
          <strong>Delete:</strong> select a device or link and press Delete, or right-click it.
        </li>
        <li>
          <strong>Undo:</strong> Ctrl+Z; redo: Ctrl+Shift+Z. Your lab is saved in this browser as you work.
        </li>
      </ul>
    </div>
  );
}
