// `debug ip ospf adj` and `debug ip ospf events` in the real simulation: the shared OSPF-over-VTI
// lab (the adjacency walks 2WAY -> EXSTART -> EXCHANGE -> LOADING -> FULL over Tunnel0, and R1
// elects itself DR alone on its LAN), the GRE transit lab's R1-R3 Ethernet (a two-router DR/BDR
// election) and a hello-interval mismatch (events: the mismatch, then the dead timer).
import { describe, expect, it } from 'vitest';
import type { Device } from '../device';
import type { Network } from '../network';
import { SECOND } from '../scheduler';
import { loadTestLab, withConfig } from '../testlabs/load';
import { build, sharedLab } from '../vpn/labs';

/** The debug switch the console calls (`debug ...` / `undebug all`), chained through every plugin. */
function debug(d: Device, what: string, on: boolean): void {
  (d as unknown as { debug(what: string, on: boolean): void }).debug(what, on);
}

/** Every log line of a device from now on. */
function record(d: Device): string[] {
  const lines: string[] = [];
  d.logs.subscribe((e) => lines.push(e.message));
  return lines;
}

/** DD sequence numbers come from the clock; the tests read them as "seq X". */
const seqless = (lines: string[]): string[] => lines.map((l) => l.replace(/ seq 0x[0-9A-F]+ /, ' seq X '));

function vtiLab(): Network {
  const net = build(sharedLab('ospf-over-vti.json'));
  net.start();
  return net;
}

function greEthernetLab(edit: (c: string) => string = (c) => c): Network {
  let lab = loadTestLab('gre-transit.json');
  lab = withConfig(lab, 'R1', (c) => c + 'router ospf 1\n network 198.51.100.0 0.0.0.3 area 0\n');
  lab = withConfig(lab, 'R3', (c) => edit(c) + 'router ospf 1\n router-id 3.3.3.3\n network 198.51.100.0 0.0.0.3 area 0\n');
  const net = build(lab);
  net.start();
  return net;
}

describe('debug ip ospf adj', () => {
  it('over the VTI: the IOS 15 state walk to FULL on R1 (slave) and R2 (master), in order', () => {
    const net = vtiLab();
    const r1 = net.device('R1')!;
    const r2 = net.device('R2')!;
    const l1 = record(r1);
    const l2 = record(r2);
    debug(r1, 'ip ospf adj', true);
    debug(r2, 'ip ospf adj', true);
    net.runFor(30 * SECOND);
    const tu = (lines: string[]) => seqless(lines.filter((l) => l.includes(' Tu0: ') || l.includes('on Tunnel0')));
    // R1's router ID 203.0.113.1 is lower than R2's: R1 is the slave of the exchange.
    expect(tu(l1)).toEqual([
      'OSPF-1 ADJ   Tu0: Interface going Up',
      'OSPF-1 ADJ   Tu0: 2 Way Communication to 203.0.113.2, state 2WAY',
      'OSPF-1 ADJ   Tu0: Nbr 203.0.113.2: Prepare dbase exchange',
      'OSPF-1 ADJ   Tu0: Send DBD to 203.0.113.2 seq X opt 0x2 flag 0x7 len 32',
      'OSPF-1 ADJ   Tu0: Rcv DBD from 203.0.113.2 seq X opt 0x2 flag 0x7 len 32  mtu 1438 state EXSTART',
      'OSPF-1 ADJ   Tu0: NBR Negotiation Done. We are the SLAVE',
      'OSPF-1 ADJ   Tu0: Nbr 203.0.113.2: Summary list built, size 1',
      'OSPF-1 ADJ   Tu0: Send DBD to 203.0.113.2 seq X opt 0x2 flag 0x0 len 52',
      'OSPF-1 ADJ   Tu0: Rcv DBD from 203.0.113.2 seq X opt 0x2 flag 0x1 len 52  mtu 1438 state EXCHANGE',
      'OSPF-1 ADJ   Tu0: Send DBD to 203.0.113.2 seq X opt 0x2 flag 0x0 len 32',
      'OSPF-1 ADJ   Tu0: Exchange Done with 203.0.113.2',
      'OSPF-1 ADJ   Tu0: Synchronized with 203.0.113.2, state FULL',
      '%OSPF-5-ADJCHG: Process 1, Nbr 203.0.113.2 on Tunnel0 from LOADING to FULL, Loading Done',
    ]);
    const r2tu = tu(l2);
    const walk = [
      'OSPF-1 ADJ   Tu0: 2 Way Communication to 203.0.113.1, state 2WAY',
      'OSPF-1 ADJ   Tu0: Rcv DBD from 203.0.113.1 seq X opt 0x2 flag 0x7 len 32  mtu 1438 state EXSTART',
      'OSPF-1 ADJ   Tu0: First DBD and we are not SLAVE',
      'OSPF-1 ADJ   Tu0: NBR Negotiation Done. We are the MASTER',
      'OSPF-1 ADJ   Tu0: Exchange Done with 203.0.113.1',
      'OSPF-1 ADJ   Tu0: Synchronized with 203.0.113.1, state FULL',
      '%OSPF-5-ADJCHG: Process 1, Nbr 203.0.113.1 on Tunnel0 from LOADING to FULL, Loading Done',
    ];
    const at = walk.map((w) => r2tu.indexOf(w));
    expect(at.every((k) => k >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The DD sequence the slave echoes is the master's (RFC 2328 §10.8).
    const masterSeq = l2.find((l) => l.includes('Tu0: Send DBD') && l.includes('flag 0x7'))!.match(/seq (0x[0-9A-F]+)/)![1];
    expect(l1.some((l) => l.includes(`Rcv DBD from 203.0.113.2 seq ${masterSeq} opt 0x2 flag 0x7`))).toBe(true);
  });

  it('alone on the LAN: end of the wait timer, then both election passes as IOS prints them', () => {
    const net = vtiLab();
    const r1 = net.device('R1')!;
    const lines = record(r1);
    debug(r1, 'ip ospf adj', true);
    net.runFor(45 * SECOND);
    expect(lines.filter((l) => l.includes(' Gi2: '))).toEqual([
      'OSPF-1 ADJ   Gi2: end of Wait on interface',
      'OSPF-1 ADJ   Gi2: DR/BDR election',
      'OSPF-1 ADJ   Gi2: Elect BDR 203.0.113.1',
      'OSPF-1 ADJ   Gi2: Elect DR 203.0.113.1',
      'OSPF-1 ADJ   Gi2: Elect BDR 0.0.0.0',
      'OSPF-1 ADJ   Gi2: Elect DR 203.0.113.1',
      'OSPF-1 ADJ   Gi2: DR: 203.0.113.1 (Id)   BDR: none',
    ]);
  });

  it('two routers on an Ethernet: DR and BDR elected by router ID, then the adjacency with the BDR', () => {
    const net = greEthernetLab();
    const r1 = net.device('R1')!;
    const lines = record(r1);
    debug(r1, 'ip ospf adj', true);
    net.runFor(45 * SECOND);
    const gi1 = seqless(lines.filter((l) => l.includes(' Gi1: ')));
    const want = [
      'OSPF-1 ADJ   Gi1: 2 Way Communication to 3.3.3.3, state 2WAY',
      'OSPF-1 ADJ   Gi1: end of Wait on interface',
      'OSPF-1 ADJ   Gi1: DR/BDR election',
      'OSPF-1 ADJ   Gi1: Elect BDR 198.51.100.1',
      'OSPF-1 ADJ   Gi1: Elect DR 198.51.100.1',
      'OSPF-1 ADJ   Gi1: Elect BDR 3.3.3.3',
      'OSPF-1 ADJ   Gi1: Elect DR 198.51.100.1',
      'OSPF-1 ADJ   Gi1: DR: 198.51.100.1 (Id)   BDR: 3.3.3.3 (Id)',
      'OSPF-1 ADJ   Gi1: Nbr 3.3.3.3: Prepare dbase exchange',
      'OSPF-1 ADJ   Gi1: Send DBD to 3.3.3.3 seq X opt 0x2 flag 0x7 len 32',
    ];
    expect(gi1.slice(0, want.length)).toEqual(want);
    const tail = ['OSPF-1 ADJ   Gi1: NBR Negotiation Done. We are the MASTER', 'OSPF-1 ADJ   Gi1: Exchange Done with 3.3.3.3', 'OSPF-1 ADJ   Gi1: Synchronized with 3.3.3.3, state FULL'];
    const at = tail.map((t) => gi1.indexOf(t));
    expect(at.every((k) => k >= want.length)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('prints nothing while off, or after `undebug all` / turning that one debug off; ADJCHG is logged regardless', () => {
    for (const stop of [(d: Device) => debug(d, 'all', false), (d: Device) => debug(d, 'ip ospf adj', false), () => undefined] as const) {
      const net = vtiLab();
      const r1 = net.device('R1')!;
      const lines = record(r1);
      if (stop.length > 0) {
        debug(r1, 'ip ospf adj', true);
        stop(r1);
      }
      debug(r1, 'ip ospf hello', false); // another switch going off leaves nothing on
      net.runFor(45 * SECOND);
      expect(lines.filter((l) => l.startsWith('OSPF-'))).toEqual([]);
      expect(lines).toContain('%OSPF-5-ADJCHG: Process 1, Nbr 203.0.113.2 on Tunnel0 from LOADING to FULL, Loading Done');
    }
  });

  it('the adj switch alone: no hello or event lines', () => {
    const net = vtiLab();
    const r1 = net.device('R1')!;
    const lines = record(r1);
    debug(r1, 'ip ospf adj', true);
    net.runFor(45 * SECOND);
    expect(lines.some((l) => l.startsWith('OSPF-1 ADJ   '))).toBe(true);
    expect(lines.filter((l) => /^OSPF-1 (HELLO|EVENT)/.test(l))).toEqual([]);
  });
});

describe('debug ip ospf events', () => {
  it('a hello-interval mismatch: the mismatch on every hello, then the dead timer and the neighbour down', () => {
    const net = greEthernetLab();
    const r1 = net.device('R1')!;
    const r3 = net.device('R3')!;
    net.runFor(60 * SECOND);
    expect(r1.logs.entries.map((e) => e.message)).toContain('%OSPF-5-ADJCHG: Process 1, Nbr 3.3.3.3 on GigabitEthernet1 from LOADING to FULL, Loading Done');
    const lines = record(r1);
    debug(r1, 'ip ospf events', true);
    // R3's Gi1 now says hello 5 (dead 20): R1 refuses every hello, and its dead timer for R3 runs out.
    const gi1 = r3.config.interfaces.find((i) => i.name === 'GigabitEthernet1')!;
    gi1.ospfHelloInterval = 5;
    r3.applyConfig();
    net.runFor(45 * SECOND);
    expect(lines).toContain('OSPF-1 EVENT Gi1: Mismatched hello parameters from 198.51.100.2');
    expect(lines).toContain('OSPF-1 EVENT Gi1: Dead R 20 C 40, Hello R 5 C 10');
    const dead = lines.indexOf('OSPF-1 EVENT Gi1: 3.3.3.3 address 198.51.100.2 is dead');
    expect(dead).toBeGreaterThan(lines.indexOf('OSPF-1 EVENT Gi1: Mismatched hello parameters from 198.51.100.2'));
    expect(lines[dead + 1]).toBe('%OSPF-5-ADJCHG: Process 1, Nbr 3.3.3.3 on GigabitEthernet1 from FULL to DOWN, Neighbor Down: Dead timer expired');
    // Only the events switch is on: no adjacency lines.
    expect(lines.filter((l) => l.startsWith('OSPF-1 ADJ'))).toEqual([]);
    debug(r1, 'all', false);
    const before = lines.length;
    net.runFor(20 * SECOND);
    expect(lines.slice(before).filter((l) => l.startsWith('OSPF-'))).toEqual([]);
  });
});
