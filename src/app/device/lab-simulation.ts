// A live simulation of the lab document for the consoles (and the export). It follows the
// document: a config change (form, undo, text edit) is re-applied to that device only, so the
// device reacts and logs as IOS does (%LINEPROTO-5-UPDOWN ...); a change of devices or links
// rebuilds the network. Simulated time follows the wall clock between commands, so IKE, OSPF and
// timers move on while the learner types. Loaded lazily with the console: it pulls in src/sim.
import { parseConfig } from '../../ios';
import type { LabV1 } from '../../lab/types';
import { Network, SECOND, type Device } from '../../sim';

/** Simulated time never jumps more than this between two commands. */
const MAX_CATCH_UP_SECONDS = 60;

export class LabSimulation {
  private net: Network | undefined;
  private topology = '';
  private applied = new Map<string, string>();
  private lab: LabV1 | undefined;
  private lastWall: number | undefined;

  constructor(private readonly wallClock: () => number = () => Date.now()) {}

  /** Brings the simulation in line with the document; returns the devices whose config was re-applied. */
  sync(lab: LabV1): string[] {
    if (this.net && lab === this.lab) return [];
    const topology = topologyKey(lab);
    if (!this.net || topology !== this.topology) {
      this.rebuild(lab, topology);
      return [];
    }
    const changed: string[] = [];
    for (const d of lab.devices) {
      if (this.applied.get(d.name) === d.config) continue;
      this.net.device(d.name)?.applyConfig(parseConfig(d.config).config);
      this.applied.set(d.name, d.config);
      changed.push(d.name);
    }
    this.lab = lab;
    return changed;
  }

  /** True when `lab` has other devices or links than the simulation: the next sync rebuilds it. */
  needsRebuild(lab: LabV1): boolean {
    return !this.net || (lab !== this.lab && topologyKey(lab) !== this.topology);
  }

  /** The document now records a change the simulation already made (a console command). */
  adopt(lab: LabV1): void {
    this.lab = lab;
    for (const d of lab.devices) this.applied.set(d.name, d.config);
  }

  /** The simulation holds a change the document refused: re-apply the document's text next sync. */
  forget(device: string): void {
    this.applied.delete(device);
    this.lab = undefined;
  }

  network(lab: LabV1): Network {
    this.sync(lab);
    return this.net!;
  }

  device(lab: LabV1, name: string): Device | undefined {
    return this.network(lab).device(name);
  }

  /** Lets simulated time catch up with the wall clock since the last command (capped). */
  catchUp(): void {
    const now = this.wallClock();
    if (this.net && this.lastWall !== undefined) {
      const seconds = Math.min(Math.max(0, (now - this.lastWall) / 1000), MAX_CATCH_UP_SECONDS);
      if (seconds > 0) this.net.runFor(Math.round(seconds * SECOND));
    }
    this.lastWall = now;
  }

  /** Starts the lab again from power-on (a run "with start-up" wants to show it). */
  restart(lab: LabV1): void {
    this.rebuild(lab, topologyKey(lab));
  }

  private rebuild(lab: LabV1, topology: string): void {
    const net = buildLabNetwork(lab);
    net.converge();
    // Boot messages were printed before anyone opened a console (the CLI drops them too).
    for (const d of net.devices.values()) d.drainConsole();
    this.net = net;
    this.topology = topology;
    this.lab = lab;
    this.applied = new Map(lab.devices.map((d) => [d.name, d.config]));
    this.lastWall = this.wallClock();
  }
}

/** The engine's network of a lab, built the way the CLI builds it (src/cli/run.ts buildLabNetwork). */
export function buildLabNetwork(lab: LabV1): Network {
  return Network.fromLab(lab, { parseConfig: (text) => parseConfig(text).config });
}

/** What forces a rebuild: the devices (name, kind), the links and the seed; not positions or configs. */
function topologyKey(lab: LabV1): string {
  return JSON.stringify([lab.seed ?? null, lab.devices.map((d) => [d.name, d.kind]), lab.links.map((l) => [l.a, l.b])]);
}
