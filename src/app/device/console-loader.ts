// Loads the console engine on first use (it brings src/sim and src/console, which the first
// screen does not need) and keeps it in step with the document: log lines a device prints after
// a form change or an undo land in that device's scrollback.
import { useLab } from '../state/lab-store';
import { useSession } from '../state/session-store';
import type { LabConsoles } from './console-engine';
import { useConsoleSessions } from './console-store';
import { showRun } from '../traffic/show-run';

/** How often the idle consoles' simulation catches up with the wall clock. */
const TICK_MS = 1000;

let loading: Promise<LabConsoles> | undefined;
let loaded: LabConsoles | undefined;

export function consoleEngine(): LabConsoles | undefined {
  return loaded;
}

export function loadConsoleEngine(): Promise<LabConsoles> {
  loading ??= import('./console-engine').then(({ createLabConsoles }) => {
    const engine = createLabConsoles(
      {
        lab: () => useLab.getState().lab,
        dispatch: (action) => useLab.getState().dispatch(action),
        dispatchAll: (actions) => useLab.getState().dispatchAll(actions),
      },
      {
        // `hostname X` renamed the device: its scrollback and the selection follow it.
        onRename: (from, to) => {
          useConsoleSessions.getState().rename(from, to);
          const selection = useSession.getState().selection;
          if (selection?.kind === 'device' && selection.name === from) useSession.getState().select({ kind: 'device', name: to });
        },
        // A ping typed at a console plays on the canvas like one from the Ping form.
        onTraffic: ({ records, ...run }) => showRun(run, records),
      },
    );
    useLab.subscribe((state, previous) => {
      if (state.lab === previous.lab) return;
      const printed = engine.documentChanged(state.lab);
      if (!printed) return;
      const sessions = useConsoleSessions.getState();
      sessions.keepOnly(state.lab.devices.map((d) => d.name));
      for (const [device, text] of printed) sessions.append(device, text);
    });
    // Between commands the simulation keeps running with the wall clock, so log lines arrive on
    // their own, as on a real console (only while the tab is visible).
    setInterval(() => {
      if (document.hidden) return;
      const sessions = useConsoleSessions.getState();
      for (const [device, text] of engine.tick()) sessions.append(device, text);
    }, TICK_MS);
    loaded = engine;
    return engine;
  });
  return loading;
}
