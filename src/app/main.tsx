// Entry point: choose the first lab, start the autosave, then render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/app.css';
import { App } from './App';
import { useLab } from './state/lab-store';
import { useSession } from './state/session-store';
import { startAutosave } from './state/autosave';
import { listenForLinks, openStartupLab } from './state/open-links';
import { installTestHook } from './state/test-hook';

openStartupLab();
startAutosave(useLab);
listenForLinks(() => useSession.getState().requestFit());
installTestHook();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
