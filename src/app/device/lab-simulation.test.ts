import { describe, expect, it } from 'vitest';
import { BUILTIN_LABS } from '../../lab/builtin';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { captureToPcapng } from '../../sim';
import { exportRun } from '../export/run-network';
import { buildLabNetwork, LabSimulation } from './lab-simulation';

/** A wall clock that moves 4 ms each time it is read, so a boot slice ends after three events. */
function tickingClock() {
  let t = 0;
  return () => (t += 4);
}

describe('LabSimulation.boot', () => {
  it('starts the lab in slices and ends exactly where a converge() ends', async () => {
    const sim = new LabSimulation(tickingClock());
    let pauses = 0;
    await sim.boot(DEFAULT_LAB, { pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThan(3);
    const reference = buildLabNetwork(DEFAULT_LAB);
    reference.converge(60_000_000);
    const net = sim.network(DEFAULT_LAB);
    expect(net.now).toBe(reference.now);
    expect(captureToPcapng(net)).toEqual(captureToPcapng(reference));
    expect(net.device('R1')!.iface('Tunnel0')!.lineProtocol).toBe(true);
  });

  it('a command during a boot finishes it at once; the boot then stops', async () => {
    const sim = new LabSimulation(tickingClock());
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let pauses = 0;
    const booting = sim.boot(DEFAULT_LAB, { pause: async () => { pauses++; await gate; } });
    await Promise.resolve();
    expect(pauses).toBe(1);
    const net = sim.network(DEFAULT_LAB); // a console command needs the lab now
    expect(net.device('R1')!.iface('Tunnel0')!.lineProtocol).toBe(true);
    release();
    await booting;
    expect(pauses).toBe(1);
    expect(sim.network(DEFAULT_LAB)).toBe(net);
  });

  it('restart powers the lab on again: a new network, the start-up seen again', async () => {
    const sim = new LabSimulation(tickingClock());
    await sim.boot(DEFAULT_LAB, { pause: async () => {} });
    const first = sim.network(DEFAULT_LAB);
    await sim.boot(DEFAULT_LAB, { pause: async () => {} }); // already running: nothing to do
    expect(sim.network(DEFAULT_LAB)).toBe(first);
    await sim.boot(DEFAULT_LAB, { restart: true, pause: async () => {} });
    expect(sim.network(DEFAULT_LAB)).not.toBe(first);
    expect(sim.network(DEFAULT_LAB).trace.records.some((r) => r.protocol.includes('ISAKMP'))).toBe(true);
  });

  it('a lab left running keeps only its newest records and frames, and the export says so', async () => {
    let wall = 0;
    // OSPF hellos keep a lab talking while nobody types.
    const ospf = BUILTIN_LABS.find((l) => l.id === 'ospf-vti-vs-crypto-map')!.lab;
    const sim = new LabSimulation(() => wall, { records: 50, frames: 20 });
    await sim.boot(ospf, { pause: async () => {} });
    const net = sim.network(ospf);
    const keysBefore = net.keyLog.espSa.length;
    sim.catchUp();
    wall += 30_000;
    sim.catchUp();
    expect(net.trace.records.length).toBeLessThanOrEqual(50);
    expect(net.capture.length).toBeLessThanOrEqual(20);
    expect(net.captureForgotten).toBeGreaterThan(0);
    expect(net.keyLog.espSa.length).toBe(keysBefore);
    expect(exportRun(ospf, net).description).toMatch(/^The newest 20 frames of the running lab/);
  });
});
