import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes';
import { emitEthernet } from './ethernet';
import { emitIpv4 } from './ipv4';
import { LINKTYPE_ETHERNET, writePcapng } from './pcapng';
import {
  dissectOspf,
  emitLsa,
  emitLsuFromBytes,
  lsuLsaRanges,
  emitOspf,
  lsaChecksumValid,
  lsaFletcherChecksum,
  ospfChecksumValid,
  ospfLength,
  parseLsa,
  parseOspf,
  type Lsa,
  type LsaHeader,
  type OspfBody,
  type OspfPacket,
} from './ospf';
import { skipWithout, tempDir, tshark } from '../testing/tools';

const fixtures = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'ospf.json'), 'utf8')) as Record<string, string>;
const fixture = (name: string): Uint8Array => fromHex(fixtures[name]!);

function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const routerLsa: Lsa = {
  header: { age: 1, options: 0x22, lsType: 1, linkStateId: '1.1.1.1', advertisingRouter: '1.1.1.1', sequence: 0x80000003 | 0 },
  body: {
    kind: 'router',
    flags: 0x01,
    links: [
      { linkId: '2.2.2.2', linkData: '172.16.0.1', type: 1, metric: 1000 },
      { linkId: '172.16.0.0', linkData: '255.255.255.252', type: 3, metric: 1000 },
      { linkId: '10.1.1.2', linkData: '10.1.1.1', type: 2, metric: 1 },
      { linkId: '1.1.1.1', linkData: '255.255.255.255', type: 3, metric: 1 },
    ],
  },
};
const networkLsa: Lsa = {
  header: { age: 5, options: 0x22, lsType: 2, linkStateId: '10.1.1.2', advertisingRouter: '3.3.3.3', sequence: 0x80000001 | 0 },
  body: { kind: 'network', networkMask: '255.255.255.0', attachedRouters: ['3.3.3.3', '1.1.1.1', '2.2.2.2'] },
};
const summaryLsa: Lsa = {
  header: { age: 7, options: 0x22, lsType: 3, linkStateId: '10.9.9.0', advertisingRouter: '2.2.2.2', sequence: 0x80000002 | 0 },
  body: { kind: 'summary', networkMask: '255.255.255.0', metric: 11 },
};
const dbdHeaders: LsaHeader[] = [
  { age: 1, options: 0x22, lsType: 1, linkStateId: '1.1.1.1', advertisingRouter: '1.1.1.1', sequence: 0x80000003 | 0, checksum: 0xabcd, length: 60 },
  { age: 5, options: 0x22, lsType: 2, linkStateId: '10.1.1.2', advertisingRouter: '3.3.3.3', sequence: 0x80000001 | 0, checksum: 0x1234, length: 36 },
];

const helloPacket: OspfPacket = {
  routerId: '1.1.1.1',
  areaId: '0.0.0.0',
  body: {
    kind: 'hello',
    networkMask: '255.255.255.0',
    helloInterval: 10,
    options: 0x02,
    priority: 1,
    deadInterval: 40,
    designatedRouter: '10.1.1.2',
    backupDesignatedRouter: '10.1.1.1',
    neighbors: ['2.2.2.2', '3.3.3.3'],
  },
};
const dbdPacket: OspfPacket = {
  routerId: '2.2.2.2',
  areaId: '0.0.0.0',
  body: { kind: 'dbd', interfaceMtu: 1500, options: 0x02, flags: 0x03, sequence: 0x1234, lsaHeaders: dbdHeaders },
};
const lsrPacket: OspfPacket = {
  routerId: '2.2.2.2',
  areaId: '0.0.0.0',
  body: {
    kind: 'lsr',
    requests: [
      { lsType: 1, linkStateId: '1.1.1.1', advertisingRouter: '1.1.1.1' },
      { lsType: 3, linkStateId: '10.9.9.0', advertisingRouter: '2.2.2.2' },
    ],
  },
};
const lsuPacket: OspfPacket = { routerId: '1.1.1.1', areaId: '0.0.0.0', body: { kind: 'lsu', lsas: [routerLsa, networkLsa, summaryLsa] } };
const lsackPacket: OspfPacket = { routerId: '3.3.3.3', areaId: '0.0.0.0', body: { kind: 'lsack', lsaHeaders: [dbdHeaders[0]!] } };

describe('OSPF against scapy-built bytes (fixtures/ospf_gen.py)', () => {
  const cases: Array<[string, OspfPacket]> = [
    ['hello', helloPacket],
    ['dbd', dbdPacket],
    ['lsr', lsrPacket],
    ['lsu', lsuPacket],
    ['lsack', lsackPacket],
  ];
  for (const [name, packet] of cases) {
    it(`emits the ${name} packet byte for byte, checksum included`, () => {
      expect(toHex(emitOspf(packet))).toBe(fixtures[name]);
      expect(ospfLength(packet)).toBe(fixture(name).length);
    });
    it(`parses the ${name} packet and verifies its checksum`, () => {
      const parsed = must(parseOspf(fixture(name)));
      expect(parsed.body.kind).toBe(packet.body.kind);
      expect(ospfChecksumValid(fixture(name))).toBe(true);
      expect(toHex(emitOspf(parsed))).toBe(fixtures[name]);
    });
  }

  it('decodes the hello fields', () => {
    const p = must(parseOspf(fixture('hello')));
    expect(p.routerId).toBe('1.1.1.1');
    expect(p.checksum).toBe(0xda85);
    expect(p.body).toEqual(helloPacket.body);
  });

  it('decodes the LSU with its router, network and summary LSAs', () => {
    const p = must(parseOspf(fixture('lsu')));
    if (p.body.kind !== 'lsu') throw new Error('not an LSU');
    const [r, n, s] = p.body.lsas;
    expect(r!.body).toEqual(routerLsa.body);
    expect(r!.header.checksum).toBe(0x285a);
    expect(n!.body).toEqual(networkLsa.body);
    expect(s!.body).toEqual(summaryLsa.body);
    expect(s!.header.length).toBe(28);
  });

  it('computes the Fletcher checksum exactly as scapy does for each LSA', () => {
    for (const [name, lsa] of [
      ['router_lsa', routerLsa],
      ['network_lsa', networkLsa],
      ['summary_lsa', summaryLsa],
    ] as const) {
      const bytes = fixture(name);
      expect(lsaFletcherChecksum(bytes)).toBe((bytes[16]! << 8) | bytes[17]!);
      expect(lsaChecksumValid(bytes)).toBe(true);
      expect(toHex(emitLsa(lsa))).toBe(fixtures[name]);
      expect(must(parseLsa(bytes)).body).toEqual(lsa.body);
    }
  });

  it('Fletcher checksum ignores the LS age and catches a flipped body byte', () => {
    const bytes = fixture('router_lsa');
    const aged = bytes.slice();
    aged[1] = 200;
    expect(lsaChecksumValid(aged)).toBe(true);
    const damaged = bytes.slice();
    damaged[30] = damaged[30]! ^ 0x01;
    expect(lsaChecksumValid(damaged)).toBe(false);
  });

  it('RFC 905 known answer: the checksum of a published IOS router LSA', () => {
    // A type-1 LSA from RFC 2328-style capture (1.1.1.1, seq 0x80000001, one stub 10.0.0.0/24 metric 10);
    // its checksum is recomputed and must make both Fletcher sums zero.
    const lsa = emitLsa({
      header: { age: 0, options: 0x02, lsType: 1, linkStateId: '1.1.1.1', advertisingRouter: '1.1.1.1', sequence: 0x80000001 | 0 },
      body: { kind: 'router', flags: 0, links: [{ linkId: '10.0.0.0', linkData: '255.255.255.0', type: 3, metric: 10 }] },
    });
    expect(lsaChecksumValid(lsa)).toBe(true);
  });

  it('a flipped byte fails the packet checksum', () => {
    const bytes = fixture('hello');
    bytes[30] = bytes[30]! ^ 0x40;
    expect(ospfChecksumValid(bytes)).toBe(false);
    expect(dissectOspf(bytes, 0, bytes.length).layer.problem).toBe('bad OSPF checksum');
  });
});

describe('OSPF parse errors', () => {
  it('refuses a short buffer, a wrong version, a length past the end, an unknown type', () => {
    expect(parseOspf(new Uint8Array(10)).ok).toBe(false);
    const v3 = fixture('hello');
    v3[0] = 3;
    expect(parseOspf(v3)).toEqual({ ok: false, error: 'OSPF version 3, expected 2' });
    expect(parseOspf(fixture('hello').subarray(0, 40)).ok).toBe(false);
    const t9 = fixture('hello');
    t9[1] = 9;
    expect(parseOspf(t9)).toEqual({ ok: false, error: 'unknown OSPF packet type 9' });
  });

  it('refuses an LSA whose length runs past the update', () => {
    const b = fixture('lsu');
    b[24 + 4 + 19] = 0xff; // first LSA claims 255 bytes
    const r = parseOspf(b);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/LSA 1 of 3/);
  });

  it('fuzz: 10,000 random buffers never throw (parse and dissect)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (raw, asOspf) => {
        const b = raw.slice();
        if (asOspf && b.length >= 4) {
          b[0] = 2;
          b[1] = (b[1]! % 6) + 1;
          b[2] = 0;
          b[3] = Math.min(b.length, 255);
        }
        const r = parseOspf(b);
        expect(typeof r.ok).toBe('boolean');
        const step = dissectOspf(b, 0, b.length);
        expect(step.layer.protocol).toBe('ospf');
      }),
      { numRuns: 10_000 },
    );
  });
});

// ---- property: parse(emit(x)) equals x ------------------------------------------------------

const ipArb = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((a) => a.join('.'));
const lsaHeaderArb = fc.record({
  age: fc.nat(3600),
  options: fc.nat(255),
  lsType: fc.constantFrom(1, 2, 3, 4),
  linkStateId: ipArb,
  advertisingRouter: ipArb,
  sequence: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
  checksum: fc.nat(0xffff),
  length: fc.nat(0xffff),
});
const routerLinkArb = fc.record(
  {
    linkId: ipArb,
    linkData: ipArb,
    type: fc.constantFrom(1, 2, 3, 4),
    metric: fc.nat(0xffff),
    tos: fc.array(fc.record({ tos: fc.nat(255), metric: fc.nat(0xffff) }), { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: ['linkId', 'linkData', 'type', 'metric'] },
);
const lsaArb: fc.Arbitrary<Lsa> = fc.oneof(
  fc.record({ flags: fc.nat(7), links: fc.array(routerLinkArb, { maxLength: 5 }) }).map(
    (b): Lsa => ({ header: { age: 1, options: 2, lsType: 1, linkStateId: '1.1.1.1', advertisingRouter: '1.1.1.1', sequence: -0x7fffffff }, body: { kind: 'router', ...b } }),
  ),
  fc.record({ networkMask: ipArb, attachedRouters: fc.array(ipArb, { maxLength: 5 }) }).map(
    (b): Lsa => ({ header: { age: 2, options: 2, lsType: 2, linkStateId: '10.0.0.1', advertisingRouter: '2.2.2.2', sequence: 5 }, body: { kind: 'network', ...b } }),
  ),
  fc.record({ networkMask: ipArb, metric: fc.nat(0xffffff), lsType: fc.constantFrom(3, 4) }).map(
    ({ lsType, ...b }): Lsa => ({ header: { age: 3, options: 2, lsType, linkStateId: '10.9.0.0', advertisingRouter: '3.3.3.3', sequence: 7 }, body: { kind: 'summary', ...b } }),
  ),
  fc.uint8Array({ maxLength: 24 }).map((bytes): Lsa => ({ header: { age: 4, options: 2, lsType: 5, linkStateId: '0.0.0.0', advertisingRouter: '4.4.4.4', sequence: 9 }, body: { kind: 'raw', bytes } })),
);
const bodyArb: fc.Arbitrary<OspfBody> = fc.oneof(
  fc.record({
    kind: fc.constant('hello' as const),
    networkMask: ipArb,
    helloInterval: fc.nat(0xffff),
    options: fc.nat(255),
    priority: fc.nat(255),
    deadInterval: fc.nat(0xffffffff),
    designatedRouter: ipArb,
    backupDesignatedRouter: ipArb,
    neighbors: fc.array(ipArb, { maxLength: 6 }),
  }),
  fc.record({
    kind: fc.constant('dbd' as const),
    interfaceMtu: fc.nat(0xffff),
    options: fc.nat(255),
    flags: fc.nat(7),
    sequence: fc.nat(0xffffffff),
    lsaHeaders: fc.array(lsaHeaderArb, { maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('lsr' as const),
    requests: fc.array(fc.record({ lsType: fc.nat(0xffffffff), linkStateId: ipArb, advertisingRouter: ipArb }), { maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('lsu' as const), lsas: fc.array(lsaArb, { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('lsack' as const), lsaHeaders: fc.array(lsaHeaderArb, { maxLength: 4 }) }),
);
const packetArb = fc.record({
  routerId: ipArb,
  areaId: ipArb,
  authType: fc.constantFrom(0, 1),
  auth: fc.uint8Array({ minLength: 8, maxLength: 8 }),
  body: bodyArb,
});

/** The packet as parse returns it: computed fields filled in. */
function completed(p: OspfPacket, bytes: Uint8Array): OspfPacket {
  const body = p.body.kind === 'lsu' ? { ...p.body, lsas: p.body.lsas.map((l) => must(parseLsa(emitLsa(l)))) } : p.body;
  return { version: 2, checksum: (bytes[12]! << 8) | bytes[13]!, length: bytes.length, ...p, body };
}

describe('OSPF round trip', () => {
  it('parse(emit(x)) equals x, the checksum verifies, every LSA checksum verifies', () => {
    fc.assert(
      fc.property(packetArb, (p) => {
        const bytes = emitOspf(p);
        const parsed = must(parseOspf(bytes));
        expect(parsed).toEqual(completed(p, bytes));
        expect(ospfChecksumValid(bytes)).toBe(true);
        if (parsed.body.kind === 'lsu') for (const l of parsed.body.lsas) expect(lsaChecksumValid(emitLsa({ ...l, header: { ...l.header } }))).toBe(true);
        expect(dissectOspf(bytes, 0, bytes.length).layer.problem).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('a set field overrides the computed one (scapy style)', () => {
    const bytes = emitOspf({ ...helloPacket, checksum: 0x1111, length: 40 });
    expect((bytes[12]! << 8) | bytes[13]!).toBe(0x1111);
    expect((bytes[2]! << 8) | bytes[3]!).toBe(40);
    expect(ospfChecksumValid(bytes)).toBe(false);
  });
});

describe('OSPF dissect', () => {
  it('names the fields at their offsets inside a frame', () => {
    const bytes = fixture('hello');
    const frame = new Uint8Array(34 + bytes.length);
    frame.set(bytes, 34);
    const step = dissectOspf(frame, 34, frame.length);
    expect(step.layer.title).toBe('Open Shortest Path First, Hello Packet');
    const header = step.layer.fields[0]!;
    expect(header.children!.find((f) => f.name === 'Checksum')).toMatchObject({ value: '0xda85 [correct]', offset: 46, length: 2 });
    const hello = step.layer.fields[1]!.children!;
    expect(hello.find((f) => f.name === 'Router Dead Interval [sec]')).toMatchObject({ value: '40', offset: 66 });
    expect(hello.filter((f) => f.name === 'Active Neighbor').map((f) => f.value)).toEqual(['2.2.2.2', '3.3.3.3']);
  });
});

// ---- tshark: our emitted packets dissect cleanly ---------------------------------------------

/** Ethernet frames (01:00:5e:00:00:05 for 224.0.0.5) in a pcapng, built with the wire codecs. */
function ospfCapture(packets: Uint8Array[]): Uint8Array {
  return writePcapng(
    [{ name: 'R1 GigabitEthernet2 - R2 GigabitEthernet2', linkType: LINKTYPE_ETHERNET }],
    packets.map((p, i) => ({ interfaceId: 0, timestampUs: i * 1000, data: emitEthernet({ dst: '01:00:5e:00:00:05', src: '52:54:00:00:00:01', etherType: 0x0800 }, p, { pad: true }) })),
  );
}

describe('OSPF through tshark', () => {
  it.skipIf(skipWithout('tshark'))('tshark dissects our hello, DBD, LSR, LSU and LSAck with no malformed or expert error', () => {
    const packets = [helloPacket, dbdPacket, lsrPacket, lsuPacket, lsackPacket].map((p) =>
      emitIpv4({ src: '10.1.1.1', dst: '224.0.0.5', protocol: 89, ttl: 1, tos: 0xc0 }, emitOspf(p)),
    );
    const file = join(tempDir(), 'ospf.pcapng');
    writeFileSync(file, ospfCapture(packets));
    const out = tshark(['-r', file, '-T', 'fields', '-e', 'ospf.msg', '-e', 'ospf.srcrouter', '-e', '_ws.malformed', '-e', '_ws.expert']);
    const lines = out.trim().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(['1', '2', '3', '4', '5']);
    for (const l of lines) expect(l.split('\t').slice(2).join('')).toBe('');
    const lsas = tshark(['-r', file, '-Y', 'ospf.msg == 4', '-T', 'fields', '-e', 'ospf.lsa.chksum', '-e', 'ospf.lsa.router.linkid']);
    expect(lsas.trim()).toBe('0x285a,0xbc47,0x67a5\t2.2.2.2,172.16.0.0,10.1.1.2,1.1.1.1');
    const verbose = tshark(['-r', file, '-V']);
    expect(verbose).not.toMatch(/incorrect|Malformed|Expert Info \((Error|Warning)/);
    // tshark verifies the OSPF packet checksum of each of the five packets.
    expect(verbose.match(/ {8}Checksum: 0x[0-9a-f]{4} \[correct\]/g)).toHaveLength(5);
  });
});

describe('OSPF LSU fast path', () => {
  it('emitLsuFromBytes equals emitOspf with the same LSAs and ages; lsuLsaRanges finds them', () => {
    const lsas = [routerLsa, networkLsa, summaryLsa];
    const fast = emitLsuFromBytes('1.1.1.1', '0.0.0.0', lsas.map((l) => ({ bytes: emitLsa({ ...l, header: { ...l.header, age: 99 } }), age: l.header.age })));
    expect(toHex(fast)).toBe(fixtures.lsu);
    const ranges = lsuLsaRanges(fast);
    expect(ranges.map((r) => r.length)).toEqual([72, 36, 28]);
    for (const r of ranges) expect(lsaChecksumValid(fast.subarray(r.offset, r.offset + r.length))).toBe(true);
    expect(lsuLsaRanges(fixture('hello'))).toEqual([]);
  });
});
