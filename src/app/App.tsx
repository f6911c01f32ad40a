// The app shell: header on top, palette on the left, the canvas in the middle, details on the right.
import { ReactFlowProvider } from '@xyflow/react';
import { Header } from './shell/Header';
import { Palette } from './shell/Palette';
import { Notices } from './shell/Notices';
import { EmptyHint } from './shell/EmptyHint';
import { ContextMenu } from './shell/ContextMenu';
import { LabCanvas } from './canvas/LabCanvas';
import { SidePanel } from './panel/SidePanel';
import { useUndoRedoKeys } from './keyboard';

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
        </main>
        <SidePanel />
        <ContextMenu />
      </div>
    </ReactFlowProvider>
  );
}
