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
  useStoreApi,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  type OnBeforeDelete,
  type ReactFlowState,
} from '@xyflow/react';
import type { DeviceKind } from '../../lab/types';
import { useLab } from '../state/lab-store';
import { useSession } from '../state/session-store';
import { useTheme } from '../state/theme';
import { addDeviceAt, deleteActions, linkDevices } from '../state/commands';
import { DeviceNode, type DeviceFlowNode } from './DeviceNode';
import { LinkEdge, type LinkFlowEdge } from './LinkEdge';
import { reuseEdges, syncNodes, toCryptoMapEdges, toEdges, toTunnelEdges } from './flow-model';
import { TunnelEdge, type TunnelFlowEdge } from './TunnelEdge';
import { CryptoMapEdge, type CryptoMapFlowEdge } from './CryptoMapEdge';
import { DEFAULT_NODE_HEIGHT, FIT_OPTIONS, ICON_CENTRE, NODE_WIDTH, TUNNEL_BOW, clearSide, overlayArc } from './geometry';
import { FIT_MIN_ZOOM, fitViewport, type Rect, type Viewport } from './fit';
import { PALETTE_MIME } from './palette-mime';
import { useReadOnly } from '../present/mode';
import { OverviewContext, overviewOf } from './detail';
import './canvas.css';

const nodeTypes: NodeTypes = { device: DeviceNode };
const edgeTypes: EdgeTypes = { link: LinkEdge, tunnel: TunnelEdge, cryptomap: CryptoMapEdge };
type OverlayEdge = TunnelFlowEdge | CryptoMapFlowEdge;
type CanvasEdge = LinkFlowEdge | OverlayEdge;
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

/** The controls and the mini map, which stand over the canvas's bottom corners, relative to the canvas. */
function obstaclesIn(canvas: HTMLDivElement | null): Rect[] {
  if (!canvas) return [];
  const box = canvas.getBoundingClientRect();
  return [...canvas.querySelectorAll('.react-flow__minimap, .react-flow__controls')].map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - box.left, y: r.top - box.top, width: r.width, height: r.height };
  });
}

/** Where each overlay's label stands (flow coordinates), estimated from its text: 11.5 px semibold. */
function overlayLabels(overlays: readonly OverlayEdge[], devices: ReadonlyMap<string, { x: number; y: number }>): Rect[] {
  return overlays.flatMap((e) => {
    const a = devices.get(e.source);
    const b = devices.get(e.target);
    if (!a || !b || !e.data) return [];
    const others = () => [...devices].filter(([name]) => name !== e.source && name !== e.target).map(([, p]) => p);
    const { top } = 'bow' in e.data ? overlayArc(a, b, e.data.bow, clearSide(a, b, e.data.bow, others())) : overlayArc(a, b, TUNNEL_BOW);
    const width = (e.data.label.length + e.data.kind.length) * 6.6 + 40;
    return [{ x: top.x - width / 2, y: top.y - 12, width, height: 24 }];
  });
}

const sameView = (t: ReactFlowState['transform'], v: Viewport) => Math.abs(t[0] - v.x) < 1 && Math.abs(t[1] - v.y) < 1 && Math.abs(t[2] - v.zoom) < 1e-3;

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
  const { screenToFlowPosition, setViewport: setFlowViewport } = useReactFlow();
  const store = useStoreApi<DeviceFlowNode, CanvasEdge>();
  // The overlays drawn now, for the fit to keep their labels in view.
  const overlaysNow = useRef<OverlayEdge[]>([]);
  // The last fit, for as long as the view is still it (the user has not panned or zoomed since).
  const lastFit = useRef<{ target: Viewport; until: number } | null>(null);

  /** Fits the whole lab in the canvas, clear of the controls and mini map (fit.ts). */
  const fitNow = useCallback(
    (duration: number) => {
      const s = store.getState();
      if (!s.panZoom) return;
      const { devices } = useLab.getState().lab;
      const boxes = devices.map((d) => {
        const measured = s.nodeLookup.get(d.name)?.measured;
        return { x: d.x, y: d.y, width: measured?.width ?? NODE_WIDTH, height: measured?.height ?? DEFAULT_NODE_HEIGHT };
      });
      const labels = overlayLabels(overlaysNow.current, new Map(devices.map((d) => [d.name, d])));
      const view = fitViewport(boxes, labels, { width: s.width, height: s.height, obstacles: obstaclesIn(s.domNode) });
      if (!view) return;
      lastFit.current = { target: view, until: performance.now() + duration + 200 };
      void setFlowViewport(view, { duration });
    },
    [store, setFlowViewport],
  );

  useEffect(() => {
    if (fitRequest === 0) return;
    // Wait a frame so the new lab's nodes are on the canvas before fitting them.
    const frame = requestAnimationFrame(() => fitNow(300));
    return () => cancelAnimationFrame(frame);
  }, [fitRequest, fitNow]);

  // React Flow's own first fit (the fitView prop, once the devices are measured) does not know the
  // mini map and controls; redo it with ours, before the frame is painted. And while the view is
  // still a fit, keep it one when the canvas changes size: the packet dock loads after the canvas
  // and takes the bottom of the window, and would otherwise cover the bottom of the lab.
  useEffect(() => {
    const unsubscribe = store.subscribe((s, prev) => {
      const firstFitDone = prev.fitViewQueued && !s.fitViewQueued;
      const resized = s.width !== prev.width || s.height !== prev.height;
      const fit = lastFit.current;
      const stillFitted = fit !== null && (performance.now() < fit.until || sameView(prev.transform, fit.target));
      if (firstFitDone || (resized && stillFitted)) queueMicrotask(() => fitNow(0));
    });
    if (!store.getState().fitViewQueued && lastFit.current === null) fitNow(0);
    return unsubscribe;
  }, [store, fitNow]);
  const onFitButton = useCallback(() => fitNow(300), [fitNow]);

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
  const overlays = useMemo<OverlayEdge[]>(() => {
    const tunnels = toTunnelEdges(lab);
    return [...tunnels, ...toCryptoMapEdges(lab, tunnels)];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recompute when configs or links change, not on every move
  }, [configs, lab.links]);
  overlaysNow.current = overlays;
  const edges = useMemo<CanvasEdge[]>(() => [...overlays, ...links], [overlays, links]);

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
  const onMoveStart = useCallback(
    (event: unknown) => {
      // A pan or zoom by the learner (not a fit, which has no event): the view is theirs now, and
      // an open menu no longer points at its device. A fit keeps the menu: the canvas re-fits when
      // the packet dock loads, which may be just after a right-click.
      if (!event) return;
      lastFit.current = null;
      openContextMenu(null);
    },
    [openContextMenu],
  );
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
        minZoom={FIT_MIN_ZOOM}
        maxZoom={3}
        proOptions={PRO_OPTIONS}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} color="var(--canvas-dots)" />
        <Controls showInteractive={false} position="bottom-left" onFitView={onFitButton} />
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
