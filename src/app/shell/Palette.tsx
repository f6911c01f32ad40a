// The device palette: click to add a device in the middle of the view, or drag it onto the canvas.
import type { DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { DeviceKind } from '../../lab/types';
import { DeviceIcon, KIND_LABEL } from '../canvas/icons';
import { PALETTE_MIME } from '../canvas/palette-mime';
import { ICON_CENTRE } from '../canvas/geometry';
import { addDeviceAt } from '../state/commands';

const KINDS: { kind: DeviceKind; hint: string }[] = [
  { kind: 'router', hint: 'Routes, tunnels, IPsec' },
  { kind: 'host', hint: 'A PC to ping from' },
  { kind: 'nat', hint: 'Translates addresses' },
];

export function Palette() {
  const { screenToFlowPosition } = useReactFlow();

  const addInView = (kind: DeviceKind) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const centre = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 400, y: 300 };
    const p = screenToFlowPosition(centre);
    addDeviceAt(kind, p.x - ICON_CENTRE.x, p.y - ICON_CENTRE.y);
  };

  const onDragStart = (event: DragEvent, kind: DeviceKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label="Add devices">
      <h2 className="palette__heading">Add</h2>
      {KINDS.map(({ kind, hint }) => (
        <button
          key={kind}
          type="button"
          className="palette__item"
          draggable
          onDragStart={(e) => onDragStart(e, kind)}
          onClick={() => addInView(kind)}
          aria-label={`Add ${KIND_LABEL[kind].toLowerCase()}`}
          title={`Add a ${KIND_LABEL[kind].toLowerCase()} (click, or drag onto the canvas)`}
        >
          <DeviceIcon kind={kind} size={40} />
          <span className="palette__label">{KIND_LABEL[kind]}</span>
          <span className="palette__hint">{hint}</span>
        </button>
      ))}
    </nav>
  );
}
