// The app shell: header on top, palette on the left, the canvas in the middle, details on the right.
import { lazy, Suspense } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Header } from './shell/Header';
import { Palette } from './shell/Palette';
import { Notices } from './shell/Notices';
import { EmptyHint } from './shell/EmptyHint';
import { ContextMenu } from './shell/ContextMenu';
import { LiveRegion } from './shell/LiveRegion';
import { LabCanvas } from './canvas/LabCanvas';
import { SidePanel } from './panel/SidePanel';
import { useUndoRedoKeys } from './keyboard';
import { PacketLayer } from './playback/PacketLayer';

// Traffic, playback, event list and inspector: loaded after the first paint.
const PacketDock = lazy(() => import('./playback/PacketDock'));

export function App() {
  useUndoRedoKeys();
  return (
    <ReactFlowProvider>
      <div className="app">
        <Header />
        <Palette />
        <main className="stage" aria-label="Lab canvas">
          <Notices />
          <EmptyHint />
          <LabCanvas />
          <PacketLayer />
        </main>
        <SidePanel />
        <Suspense fallback={null}>
          <PacketDock />
        </Suspense>
        <ContextMenu />
        <LiveRegion />
      </div>
    </ReactFlowProvider>
  );
}
