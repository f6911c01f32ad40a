// Hostile or nonsensical OSPF packets from a neighbour must never throw inside the engine: a lab
// can contain anything a learner types, and the simulation must keep running.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitOspf, type Lsa, type OspfBody } from '../../wire/ospf';
import { ip } from '../addr';
import { SECOND } from '../scheduler';
import { FakeOspfNetwork } from './fake-network';

const ipArb = fc.constantFrom('172.16.0.2', '10.2.2.1', '1.1.1.1', '0.0.0.0', '255.255.255.255', '172.16.0.1');
const header = fc.record({
  age: fc.constantFrom(0, 1, 1800, 3599, 3600, 65535),
  options: fc.nat(255),
  lsType: fc.integer({ min: 0, max: 6 }),
  linkStateId: ipArb,
  advertisingRouter: ipArb,
  sequence: fc.constantFrom(0x80000001 | 0, 0x80000002 | 0, 0x7fffffff, -1, 0),
});
const lsa: fc.Arbitrary<Lsa> = fc.oneof(
  fc.record({ header, links: fc.array(fc.record({ linkId: ipArb, linkData: ipArb, type: fc.integer({ min: 0, max: 5 }), metric: fc.nat(0xffff) }), { maxLength: 4 }) }).map(
    ({ header: h, links }): Lsa => ({ header: { ...h, lsType: 1 }, body: { kind: 'router', flags: 0, links } }),
  ),
  fc.record({ header, attachedRouters: fc.array(ipArb, { maxLength: 3 }) }).map(({ header: h, attachedRouters }): Lsa => ({ header: { ...h, lsType: 2 }, body: { kind: 'network', networkMask: '255.255.255.0', attachedRouters } })),
  fc.record({ header, metric: fc.nat(0xffffff) }).map(({ header: h, metric }): Lsa => ({ header: { ...h, lsType: 3 }, body: { kind: 'summary', networkMask: '255.255.255.0', metric } })),
);
const body: fc.Arbitrary<OspfBody> = fc.oneof(
  fc.record({ neighbors: fc.array(ipArb, { maxLength: 3 }), priority: fc.nat(255), dr: ipArb, bdr: ipArb, hello: fc.constantFrom(10, 5), dead: fc.constantFrom(40, 20) }).map(
    (h): OspfBody => ({ kind: 'hello', networkMask: '255.255.255.252', helloInterval: h.hello, options: 2, priority: h.priority, deadInterval: h.dead, designatedRouter: h.dr, backupDesignatedRouter: h.bdr, neighbors: h.neighbors }),
  ),
  fc.record({ mtu: fc.constantFrom(1438, 1500, 0), flags: fc.nat(7), sequence: fc.nat(0xffffffff), headers: fc.array(header, { maxLength: 3 }) }).map(
    (d): OspfBody => ({ kind: 'dbd', interfaceMtu: d.mtu, options: 2, flags: d.flags, sequence: d.sequence, lsaHeaders: d.headers }),
  ),
  fc.array(fc.record({ lsType: fc.integer({ min: 0, max: 6 }), linkStateId: ipArb, advertisingRouter: ipArb }), { maxLength: 3 }).map((requests): OspfBody => ({ kind: 'lsr', requests })),
  fc.array(lsa, { maxLength: 3 }).map((lsas): OspfBody => ({ kind: 'lsu', lsas })),
  fc.array(header, { maxLength: 3 }).map((lsaHeaders): OspfBody => ({ kind: 'lsack', lsaHeaders })),
);

describe('OSPF engine under hostile input', () => {
  it('never throws on well-formed but arbitrary packets from the neighbour, nor on random bytes', () => {
    const net = new FakeOspfNetwork(
      [
        { name: 'R1', interfaces: [{ name: 'Tunnel0', address: '172.16.0.1', mask: '255.255.255.252', mtu: 1438 }], networks: [['172.16.0.0', '0.0.0.3', '0']] },
        { name: 'R2', interfaces: [{ name: 'Tunnel0', address: '172.16.0.2', mask: '255.255.255.252', mtu: 1438 }], networks: [['172.16.0.0', '0.0.0.3', '0']] },
      ],
      [['R1 Tunnel0', 'R2 Tunnel0']],
    );
    net.start();
    net.runFor(30 * SECOND);
    const r1 = net.engine('R1');
    let now = net.scheduler.now;
    fc.assert(
      fc.property(body, fc.uint8Array({ maxLength: 64 }), (b, junk) => {
        now += 10_000;
        r1.receive('Tunnel0', ip('172.16.0.2'), ip('224.0.0.5'), emitOspf({ routerId: '172.16.0.2', areaId: '0.0.0.0', body: b }), now);
        r1.receive('Tunnel0', ip('172.16.0.2'), ip('224.0.0.5'), junk, now);
        r1.tick(now);
        r1.takeOutput();
        expect(r1.nextWakeup() === undefined || Number.isFinite(r1.nextWakeup())).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
