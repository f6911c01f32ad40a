// The consoles of the open lab: one src/console session per device, kept while the lab is open,
// all running on one LabSimulation of the current document, the lab's one live simulation (the
// Ping form runs there too). Exec commands (show, ping,
// traceroute) run on the simulation; config commands change the simulated device AND the
// document: the device's model is rendered back to running-config text (src/ios renderConfig)
// and recorded as one undoable `setConfig` action. This module pulls in src/sim and src/console,
// so the app loads it lazily (see console-loader.ts).
import { createConsole, simConsoleDevice, type Console, type ConsoleDevice } from '../../console';
import { parseConfig, renderConfig, type ApplyResult, type ConfigAction } from '../../ios';
import type { LabV1 } from '../../lab/types';
import { configureDevice, type Network } from '../../sim';
import { runTrafficOn, type TrafficRequest, type TrafficResult } from '../traffic/engine';
import type { DocumentAccess } from './apply-config';
import { consoleTraffic, type ConsoleTraffic } from './console-traffic';
import { LabSimulation } from './lab-simulation';

export interface CommandOutput {
  /** The device's name after the command (`hostname X` renames it). */
  device: string;
  /** The prompt the command was typed at, then the line: `R1#show version`. */
  echo: string;
  output: string;
}

export interface LabConsoles {
  prompt(device: string): string;
  execute(device: string, line: string): CommandOutput;
  /** IOS `?`: prints the help for the line so far. */
  help(device: string, line: string): CommandOutput;
  /** IOS Tab: the line with its last word completed when exactly one word fits. */
  completeLine(device: string, line: string): string;
  history(device: string): string[];
  /**
   * The document changed (form, undo, text edit): re-apply and collect what each console prints.
   * Null while a console command is itself changing the document (its output carries the logs).
   */
  documentChanged(lab: LabV1): Map<string, string> | null;
  /**
   * Lets simulated time follow the wall clock while nobody types, and returns what each console
   * printed meanwhile (IOS prints log messages as they happen: a tunnel coming up, IKE).
   */
  tick(): Map<string, string>;
  /** Ends a device's session (device deleted). */
  close(device: string): void;
  /** The network the consoles run on (the export writes its capture and keys). */
  network(): Network;
  /**
   * Starts the lab (or with `restart`, starts it again) in slices, so the page stays responsive
   * while a large lab converges. Commands work without it: they finish a boot at once.
   */
  boot(opts?: { restart?: boolean }): Promise<void>;
  /**
   * Ping or Traceroute from the traffic form, on this same simulation: the second ping finds ARP
   * and the IPsec SAs up, and `show crypto ipsec sa` counts it. `startup` keeps every record
   * since the lab started (after boot({ restart: true }), its start-up: ARP, IKE, OSPF).
   */
  runTraffic(request: TrafficRequest): TrafficResult;
}

export interface LabConsolesOptions {
  wallClock?: () => number;
  /** `hostname X` at a console renamed the device (the session moves with it). */
  onRename?: (from: string, to: string) => void;
  /** A ping or traceroute typed at a console ran: its packets, for the packet view. */
  onTraffic?: (traffic: ConsoleTraffic) => void;
}

export function createLabConsoles(doc: DocumentAccess, opts: LabConsolesOptions = {}): LabConsoles {
  const sim = new LabSimulation(opts.wallClock);
  const sessions = new Map<string, Console>();
  let busy = false;

  function deviceView(ref: { name: string }): ConsoleDevice {
    const live = (): ConsoleDevice => {
      const net = sim.network(doc.lab());
      const dev = net.device(ref.name);
      if (!dev) throw new Error(`${ref.name} is not in the lab`);
      return simConsoleDevice(net, dev);
    };
    const configure = (action: ConfigAction): ApplyResult => configureAndRecord(ref, action);
    // Forward everything else to the simulated device of the current network, so the session
    // survives rebuilds and picks up optional show data as the engine grows it.
    return new Proxy({} as ConsoleDevice, {
      get(_, prop) {
        if (prop === 'configure') return configure;
        const target = live() as unknown as Record<PropertyKey, unknown>;
        const value = target[prop];
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
      has(_, prop) {
        return prop === 'configure' || prop in live();
      },
    });
  }

  function configureAndRecord(ref: { name: string }, action: ConfigAction): ApplyResult {
    const name = ref.name;
    const lab = doc.lab();
    const dev = sim.device(lab, name);
    if (!dev) return { error: `% ${name} is not in the lab` };
    const result = configureDevice(dev, action);
    if (result.error) return result;
    const text = renderConfig(dev.config);
    // In a lab the hostname is the device's name: `hostname X` renames the device, one undo step.
    const hostname = dev.config.hostname;
    if (hostname !== name) {
      const renamed = doc.dispatchAll?.([
        { type: 'renameDevice', from: name, to: hostname },
        { type: 'setConfig', name: hostname, config: text },
      ]) ?? { ok: false as const, message: 'renaming is not available here' };
      if (!renamed.ok) {
        sim.forget(name);
        return { error: `% ${renamed.message}` };
      }
      const c = sessions.get(name);
      sessions.delete(name);
      if (c) sessions.set(hostname, c);
      ref.name = hostname;
      opts.onRename?.(name, hostname);
      return result;
    }
    const current = lab.devices.find((d) => d.name === name);
    if (current && text !== current.config && text !== renderConfig(parseConfig(current.config).config)) {
      const dispatched = doc.dispatch({ type: 'setConfig', name, config: text });
      if (!dispatched.ok) {
        sim.forget(name);
        return { error: `% ${dispatched.message}` };
      }
    }
    sim.adopt(doc.lab());
    return result;
  }

  function session(name: string): Console {
    let c = sessions.get(name);
    if (!c) {
      sim.sync(doc.lab());
      const ref = { name };
      c = createConsole(deviceView(ref), { privileged: true });
      sessions.set(name, c);
    }
    return c;
  }

  function nameOf(c: Console): string | undefined {
    for (const [name, s] of sessions) if (s === c) return name;
    return undefined;
  }

  return {
    prompt: (name) => session(name).prompt(),
    execute(name, line) {
      const c = session(name);
      busy = true;
      try {
        sim.sync(doc.lab());
        sim.catchUp();
        const echo = `${c.prompt()}${line}`;
        const net = sim.network(doc.lab());
        const first = net.trace.records.length;
        const output = c.execute(line).output;
        const traffic = consoleTraffic(net, name, line, output, first);
        if (traffic) opts.onTraffic?.(traffic);
        return { device: nameOf(c) ?? name, echo, output };
      } finally {
        busy = false;
      }
    },
    help(name, line) {
      const c = session(name);
      return { device: name, echo: `${c.prompt()}${line}?`, output: c.help(line) };
    },
    completeLine: (name, line) => session(name).completeLine(line),
    history: (name) => session(name).history(),
    documentChanged(lab) {
      if (busy) return null;
      const printed = new Map<string, string>();
      for (const name of [...sessions.keys()]) if (!lab.devices.some((d) => d.name === name)) sessions.delete(name);
      // A new device or link rebuilds the network: leave that to the next command, so editing
      // the canvas never waits for a convergence.
      if (sessions.size === 0 || sim.needsRebuild(lab)) return printed;
      sim.sync(lab);
      const net = sim.network(lab);
      for (const name of sessions.keys()) {
        const dev = net.device(name);
        const lines = dev ? dev.drainConsole() : [];
        if (lines.length) printed.set(name, lines.map((l) => `${l}\n`).join(''));
      }
      return printed;
    },
    tick() {
      const printed = new Map<string, string>();
      if (busy || sessions.size === 0 || sim.needsRebuild(doc.lab())) return printed;
      const net = sim.network(doc.lab());
      sim.catchUp();
      for (const name of sessions.keys()) {
        const lines = net.device(name)?.drainConsole() ?? [];
        if (lines.length) printed.set(name, lines.map((l) => `${l}\n`).join(''));
      }
      return printed;
    },
    close: (name) => void sessions.delete(name),
    network: () => sim.network(doc.lab()),
    boot: (bootOpts) => sim.boot(doc.lab(), bootOpts),
    runTraffic(request) {
      busy = true;
      try {
        const lab = doc.lab();
        sim.sync(lab);
        sim.catchUp();
        const net = sim.network(lab);
        return runTrafficOn(net, request, request.startup ? 0 : net.trace.records.length);
      } finally {
        busy = false;
      }
    },
  };
}
