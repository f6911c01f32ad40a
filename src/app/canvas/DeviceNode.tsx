// One device on the canvas. Memoised and fed only its own small data object (name, kind), as the
// React Flow performance guide asks, so dragging one device re-renders only that device.
import { memo, useContext } from 'react';
import { Handle, Position, useConnection, type Node, type NodeProps } from '@xyflow/react';
import type { DeviceKind } from '../../lab/types';
import { DeviceIcon, KIND_LABEL } from './icons';
import { OverviewContext } from './detail';

export type DeviceNodeData = { name: string; kind: DeviceKind };
export type DeviceFlowNode = Node<DeviceNodeData, 'device'>;

function DeviceNodeView({ data, selected }: NodeProps<DeviceFlowNode>) {
  // While a link is being drawn, the whole device becomes a drop target (see .device-drop).
  const connecting = useConnection((c) => c.inProgress);
  // Zoomed out on a crowded lab the icon says the kind; the small caption is left out (detail.ts).
  const overview = useContext(OverviewContext);
  return (
    <div className={`device device--${data.kind}${selected ? ' device--selected' : ''}`}>
      <div className="device__icon">
        <DeviceIcon kind={data.kind} />
      </div>
      <div className="device__name">{data.name}</div>
      {!overview && <div className="device__kind">{KIND_LABEL[data.kind]}</div>}
      <Handle
        type="source"
        position={Position.Right}
        id="link"
        className="device-handle"
        title={`Drag to another device to link it to ${data.name}`}
      />
      <Handle
        type="target"
        position={Position.Left}
        id="drop"
        className={`device-drop${connecting ? ' device-drop--active' : ''}`}
        isConnectableStart={false}
      />
    </div>
  );
}

export const DeviceNode = memo(DeviceNodeView);
