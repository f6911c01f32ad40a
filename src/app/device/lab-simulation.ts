// The live simulation of the lab document: the consoles, the Ping form and the export all use
// it. It follows the document: a config change (form, undo, text edit) is re-applied to that
// device only, so the device reacts and logs as IOS does (%LINEPROTO-5-UPDOWN ...); a change of
// devices or links rebuilds the network. Simulated time follows the wall clock between commands,
// so IKE, OSPF and timers move on while the learner types. Loaded lazily: it pulls in src/sim.
import { parseConfig } from '../../ios';
import type { LabV1 } from '../../lab/types';
import { Network, SECOND, type Device } from '../../sim';

/** Simulated time never jumps more than this between two commands. */
const MAX_CATCH_UP_SECONDS = 60;
/**
 * What a lab left running remembers: the newest trace records and captured frames. A 200-device
 * lab sends hundreds of hellos a minute; an hour of class must not fill the tab's memory.
 */
export const HISTORY_LIMIT = { records: 100_000, frames: 100_000 };
/** How long the lab runs after power-on before it counts as started (IKE, OSPF FULL). */
const BOOT_TIME = 60 * SECOND;
/** Wall time one slice of a boot may hold the page before it lets the browser paint. */
const BOOT_SLICE_MS = 12;

/** Gives the browser a turn (a paint, input events) between two slices of a boot. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Boot {
  net: Network;
  topology: string;
  lab: LabV1;
  end: number;
}

export class LabSimulation {
  private net: Network | undefined;
  private topology = '';
  private applied = new Map<string, string>();
  private lab: LabV1 | undefined;
  private lastWall: number | undefined;

  constructor(
    private readonly wallClock: () => number = () => Date.now(),
    private readonly history: { records: number; frames: number } = HISTORY_LIMIT,
  ) {}

  private booting: Boot | undefined;

  /**
   * Starts the lab the document describes, if it is not running yet, in slices of a few
   * milliseconds so the page stays responsive while a large lab converges (a 200-device lab takes
   * seconds). A command that needs the lab meanwhile finishes the boot at once (sync). `restart`
   * powers the lab on again even when it runs (a run "with start-up" shows the start-up).
   */
  async boot(lab: LabV1, opts: { restart?: boolean; pause?: () => Promise<void> } = {}): Promise<void> {
    const pause = opts.pause ?? nextTask;
    if (!opts.restart && !this.needsRebuild(lab)) return;
    const topology = topologyKey(lab);
    if (opts.restart || this.booting?.topology !== topology) {
      const net = buildLabNetwork(lab);
      this.booting = { net, topology, lab, end: net.now + BOOT_TIME };
    }
    const boot = this.booting;
    for (;;) {
      if (this.booting !== boot) return; // finished by a command, or replaced by another lab
      const sliceEnd = this.wallClock() + BOOT_SLICE_MS;
      if (!runBoot(boot, () => this.wallClock() >= sliceEnd)) break;
      await pause();
    }
    this.adoptBoot(boot);
  }

  /** Brings the simulation in line with the document; returns the devices whose config was re-applied. */
  sync(lab: LabV1): string[] {
    if (this.net && lab === this.lab && !this.booting) return [];
    const topology = topologyKey(lab);
    if (this.booting) {
      const boot = this.booting;
      if (boot.topology === topology) {
        runBoot(boot, () => false);
        this.adoptBoot(boot);
      } else this.booting = undefined;
    }
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
      this.net.forgetHistory(this.history.records, this.history.frames);
    }
    this.lastWall = now;
  }

  private rebuild(lab: LabV1, topology: string): void {
    const net = buildLabNetwork(lab);
    net.converge(BOOT_TIME);
    this.adoptBoot({ net, topology, lab, end: net.now });
  }

  /** A started network becomes the live one, with the document it was built from. */
  private adoptBoot(boot: Boot): void {
    if (this.booting === boot) this.booting = undefined;
    // Boot messages were printed before anyone opened a console (the CLI drops them too).
    for (const d of boot.net.devices.values()) d.drainConsole();
    this.net = boot.net;
    this.topology = boot.topology;
    this.lab = boot.lab;
    this.applied = new Map(boot.lab.devices.map((d) => [d.name, d.config]));
    this.lastWall = this.wallClock();
  }
}

/**
 * Runs a boot's events until `stop()` says so (true: more remain) or the boot is over (false).
 * The same events in the same order as Network.converge, so a sliced boot ends in the same state.
 */
function runBoot(boot: Boot, stop: () => boolean): boolean {
  const { net } = boot;
  net.start();
  for (;;) {
    const next = net.scheduler.peekTime();
    if (next === undefined || next > boot.end) return false;
    if (stop()) return true;
    net.scheduler.step();
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
