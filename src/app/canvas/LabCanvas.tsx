// The canvas: React Flow showing the lab's devices and links. It holds React Flow's node objects
// locally (so drags and measurements stay smooth) and writes to the lab only through actions:
// one moveDevice per drag when the drag ends, addLink on connect, deletes on Delete/menu.
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  type OnBeforeDelete,
} from '@xyflow/react';
import type { DeviceKind } from '../../lab/types';
import { useLab } from '../state/lab-store';
import { useSession } from '../state/session-store';
import { useTheme } from '../state/theme';
import { addDeviceAt, deleteActions, linkDevices } from '../state/commands';
import { DeviceNode, type DeviceFlowNode } from './DeviceNode';
import { LinkEdge, type LinkFlowEdge } from './LinkEdge';
import { reuseEdges, syncNodes, toEdges, toTunnelEdges } from './flow-model';
import { TunnelEdge, type TunnelFlowEdge } from './TunnelEdge';
import { FIT_OPTIONS, ICON_CENTRE } from './geometry';
import { PALETTE_MIME } from './palette-mime';
import { useReadOnly } from '../present/mode';
import { OverviewContext, overviewOf } from './detail';
import './canvas.css';

const nodeTypes: NodeTypes = { device: DeviceNode };
const edgeTypes: EdgeTypes = { link: LinkEdge, tunnel: TunnelEdge };
type CanvasEdge = LinkFlowEdge | TunnelFlowEdge;
const isLinkId = (id: string) => id.startsWith('link-');
const DELETE_KEYS = ['Delete', 'Backspace'];
const KIND_COLOUR: Record<DeviceKind, string> = { router: 'var(--router)', host: 'var(--host)', nat: 'var(--nat)' };
// Props React Flow copies into its store when their identity changes, each copy a store update
// that every node and edge selector re-runs on. LabCanvas re-renders on every drag frame (the
// nodes are controlled), so everything it passes must keep its identity across renders.
const SNAP_GRID: [number, number] = [10, 10];
const PRO_OPTIONS = { hideAttribution: false };
const MINIMAP_STYLE = { width: 168, height: 108 };
const minimapColour = (n: { data: unknown }) => KIND_COLOUR[(n.data as { kind: DeviceKind }).kind];
const isValidConnection = (c: { source: string; target: string }) => c.source !== c.target;
const preventDefault = (e: { preventDefault(): void }) => e.preventDefault();

export function LabCanvas() {
  const lab = useLab((s) => s.lab);
  const selection = useSession((s) => s.selection);
  const select = useSession((s) => s.select);
  const openContextMenu = useSession((s) => s.openContextMenu);
  const setViewport = useSession((s) => s.setViewport);
  const theme = useTheme((s) => s.theme);
  const fitRequest = useSession((s) => s.fitRequest);
  // Presenting and embedded: nothing moves, links, deletes or opens a menu.
  const readOnly = useReadOnly();
  // Zoomed out on a crowded lab: labels are left out (detail.ts). Re-renders only when it flips.
  const overview = useStore(overviewOf);
  const { screenToFlowPosition, fitView } = useReactFlow();
  useEffect(() => {
    if (fitRequest === 0) return;
    // Wait a frame so the new lab's nodes are on the canvas before fitting them.
    const frame = requestAnimationFrame(() => void fitView({ ...FIT_OPTIONS, duration: 300 }));
    return () => cancelAnimationFrame(frame);
  }, [fitRequest, fitView]);

  const selectedDevice = selection?.kind === 'device' ? selection.name : null;
  const selectedLink = selection?.kind === 'link' ? selection.index : null;

  const [nodes, setNodes] = useState<DeviceFlowNode[]>(() => syncNodes([], lab.devices, selectedDevice));
  useEffect(() => {
    setNodes((previous) => syncNodes(previous, lab.devices, selectedDevice));
  }, [lab.devices, selectedDevice]);
  // Every lab change (a device moved) rebuilds the edges; reuse the unchanged ones so React Flow
  // re-renders only those that differ.
  const previousLinks = useRef<LinkFlowEdge[]>([]);
  const links = useMemo(() => (previousLinks.current = reuseEdges(previousLinks.current, toEdges(lab, selectedLink))), [lab, selectedLink]);
  // Tunnels depend only on the configs, so moving a device does not re-read them.
  const configs = useMemo(() => lab.devices.map((d) => d.config).join('\u0000'), [lab.devices]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- recompute when configs or links change, not on every move
  const tunnels = useMemo(() => toTunnelEdges(lab), [configs, lab.links]);
  const edges = useMemo<CanvasEdge[]>(() => [...tunnels, ...links], [tunnels, links]);

  const onNodesChange = useCallback(
    (changes: NodeChange<DeviceFlowNode>[]) => {
      // Removal goes through the lab (onBeforeDelete); everything else is view state.
      setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), ns));
      for (const change of changes) {
        if (change.type === 'select' && change.selected) select({ kind: 'device', name: change.id });
      }
    },
    [select],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      for (const change of changes) {
        if (change.type === 'select' && change.selected && isLinkId(change.id)) select({ kind: 'link', index: Number(change.id.slice('link-'.length)) });
      }
    },
    [select],
  );

  const onNodeDragStop = useCallback((_event: unknown, _node: DeviceFlowNode, dragged: DeviceFlowNode[]) => {
    const { lab: current, dispatchAll } = useLab.getState();
    const moves = dragged.flatMap((n) => {
      const device = current.devices.find((d) => d.name === n.id);
      const x = Math.round(n.position.x);
      const y = Math.round(n.position.y);
      return device && (device.x !== x || device.y !== y) ? [{ type: 'moveDevice' as const, name: n.id, x, y }] : [];
    });
    if (moves.length > 0) dispatchAll(moves);
  }, []);

  const onConnect = useCallback((connection: Connection) => linkDevices(connection.source, connection.target), []);

  const onBeforeDelete: OnBeforeDelete<DeviceFlowNode, CanvasEdge> = useCallback(async ({ nodes: gone, edges: cut }) => {
    deleteActions(
      gone.map((n) => n.id),
      cut.filter((e) => isLinkId(e.id)).map((e) => Number(e.id.slice('link-'.length))),
    );
    return false; // the lab change removes them from the canvas
  }, []);

  const onNodeContextMenu = useCallback(
    (event: MouseEvent, node: DeviceFlowNode) => {
      event.preventDefault();
      const target = { kind: 'device' as const, name: node.id };
      select(target);
      openContextMenu({ x: event.clientX, y: event.clientY, target });
    },
    [select, openContextMenu],
  );

  const onEdgeContextMenu = useCallback(
    (event: MouseEvent, edge: CanvasEdge) => {
      event.preventDefault();
      if (!isLinkId(edge.id)) return;
      const target = { kind: 'link' as const, index: Number(edge.id.slice('link-'.length)) };
      select(target);
      openContextMenu({ x: event.clientX, y: event.clientY, target });
    },
    [select, openContextMenu],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onPaneClick = useCallback(() => select(null), [select]);
  const onMoveStart = useCallback(() => openContextMenu(null), [openContextMenu]);
  const onMoveEnd = useCallback((_event: unknown, viewport: { x: number; y: number; zoom: number }) => setViewport(viewport), [setViewport]);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (kind !== 'router' && kind !== 'host' && kind !== 'nat') return;
      event.preventDefault();
      const p = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addDeviceAt(kind, p.x - ICON_CENTRE.x, p.y - ICON_CENTRE.y, true);
    },
    [screenToFlowPosition],
  );

  return (
    <OverviewContext.Provider value={overview}>
      <ReactFlow<DeviceFlowNode, CanvasEdge>
        className={overview ? 'lab-canvas lab-canvas--overview' : 'lab-canvas'}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onBeforeDelete={onBeforeDelete}
        onNodeContextMenu={readOnly ? preventDefault : onNodeContextMenu}
        onEdgeContextMenu={readOnly ? preventDefault : onEdgeContextMenu}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable={!readOnly}
        onPaneClick={onPaneClick}
        onPaneContextMenu={preventDefault}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        onDragOver={onDragOver}
        onDrop={readOnly ? undefined : onDrop}
        colorMode={theme}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={40}
        deleteKeyCode={readOnly ? null : DELETE_KEYS}
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
        snapToGrid
        snapGrid={SNAP_GRID}
        fitView
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.2}
        maxZoom={3}
        proOptions={PRO_OPTIONS}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} color="var(--canvas-dots)" />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap
          position="bottom-right"
          pannable
          zoomable
          ariaLabel="Mini map of the lab"
          nodeColor={minimapColour}
          nodeStrokeWidth={0}
          nodeBorderRadius={8}
          maskColor="var(--minimap-mask)"
          style={MINIMAP_STYLE}
        />
      </ReactFlow>
    </OverviewContext.Provider>
  );
}
