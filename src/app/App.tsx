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
import { useViewMode } from './present/mode';
import { PresentBar } from './present/PresentBar';
import { EmbedBar } from './present/EmbedBar';
import { useReadOnlyKeys } from './present/read-only-keys';
import { LibraryGoal } from './library/LibraryButton';
import { useLabFileDrop } from './share/file-drop';
import { registerOffline } from './share/offline';
import './present/present.css';

registerOffline();

// Traffic, playback, event list and inspector: loaded after the first paint.
const PacketDock = lazy(() => import('./playback/PacketDock'));

export function App() {
  useUndoRedoKeys();
  useReadOnlyKeys();
  // Presenting hides the editing chrome; an embed (?embed=1) shows canvas, Ping and playback only.
  const mode = useViewMode((s) => s.mode);
  const drop = useLabFileDrop();
  return (
    <ReactFlowProvider>
      <div className={`app${mode === 'edit' ? '' : ` app--${mode}`}`}>
        {mode === 'edit' && <Header />}
        {mode === 'present' && <PresentBar />}
        {mode === 'embed' && <EmbedBar />}
        {mode === 'edit' && <Palette />}
        <main className={`stage${drop.over ? ' stage--drop' : ''}`} aria-label="Lab canvas" {...drop.handlers}>
          <Notices />
          <LibraryGoal />
          <EmptyHint />
          <LabCanvas />
          <PacketLayer />
        </main>
        {mode === 'edit' && <SidePanel />}
        <Suspense fallback={null}>
          <PacketDock />
        </Suspense>
        {mode === 'edit' && <ContextMenu />}
        <LiveRegion />
      </div>
    </ReactFlowProvider>
  );
}
