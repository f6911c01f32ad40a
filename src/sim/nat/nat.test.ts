import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipWithout, tempDir, tshark } from '../../testing/tools';
import { emitEthernet } from '../../wire/ethernet';
import { LINKTYPE_ETHERNET, writePcapng } from '../../wire/pcapng';
import { emptyConfig, newInterface, type IosConfig } from '../../ios/model';
import { checksumVerifies, internetChecksum, pseudoHeaderSum } from '../../wire/checksum';
import { icmpEchoReply, icmpEchoRequest, icmpTimeExceeded } from '../../wire/icmp';
import { emitIpv4, parseIpv4 } from '../../wire/ipv4';
import { emitUdp } from '../../wire/udp';
import { fromHex, toHex } from '../../wire/bytes';
import { SECOND } from '../scheduler';
import { aclPermits } from './acl-match';
import { formatNatTranslations } from './show';
import { NatTable, type NatResult } from './table';
import { formatIp, ip } from '../addr';

// NAT1 of nat-t-static-nat.json, plus PAT on the outside interface for everything else in 10.0.0.0/24.
function natConfig(opts: { static?: boolean; pat?: boolean; esp?: boolean } = {}): IosConfig {
  const c = emptyConfig('NAT1');
  const inside = newInterface('GigabitEthernet0/0');
  inside.ipAddress = { address: '10.0.0.1', mask: '255.255.255.0' };
  inside.natRole = 'inside';
  const outside = newInterface('GigabitEthernet0/1');
  outside.ipAddress = { address: '198.51.100.1', mask: '255.255.255.0' };
  outside.natRole = 'outside';
  c.interfaces.push(inside, outside);
  if (opts.static) c.nat.insideStatic.push({ local: '10.0.0.10', global: '198.51.100.10' });
  if (opts.pat) {
    c.accessLists.push({ name: '1', kind: 'standard', numbered: true, entries: [{ action: 'permit', source: { kind: 'net', address: '10.0.0.0', wildcard: '0.0.0.255' } }], extra: [] });
    c.nat.insideSourceLists.push({ acl: '1', interface: 'GigabitEthernet0/1', overload: true });
  }
  c.nat.serviceIpsecEsp = opts.esp ?? false;
  return c;
}

const IN = { ingress: 'GigabitEthernet0/0', egress: 'GigabitEthernet0/1' };
const OUT = { ingress: 'GigabitEthernet0/1' };

function tcpSegment(src: string, dst: string, sport: number, dport: number, flags: number): Uint8Array {
  const t = new Uint8Array(24);
  t[0] = sport >> 8;
  t[1] = sport & 0xff;
  t[2] = dport >> 8;
  t[3] = dport & 0xff;
  t.set([0, 0, 0, 1], 4); // seq 1
  t[12] = 0x50;
  t[13] = flags;
  t[14] = 0xff;
  t[15] = 0xff;
  t.set([1, 2, 3, 4], 20);
  const cs = internetChecksum(t, 0, t.length, pseudoHeaderSum(src, dst, 6, t.length));
  t[16] = cs >> 8;
  t[17] = cs & 0xff;
  return t;
}

const ping = (src: string, dst: string, id: number, seq = 1) => emitIpv4({ src, dst, protocol: 1, ttl: 254, id: 7 }, icmpEchoRequest(id, seq, fromHex('0001020304050607')));
const pong = (src: string, dst: string, id: number, seq = 1) => emitIpv4({ src, dst, protocol: 1, ttl: 254, id: 8 }, icmpEchoReply(id, seq, fromHex('0001020304050607')));
const udp = (src: string, dst: string, sport: number, dport: number) =>
  emitIpv4({ src, dst, protocol: 17, id: 9 }, emitUdp({ srcPort: sport, dstPort: dport }, fromHex('00000000deadbeef'), { src, dst }));
const tcp = (src: string, dst: string, sport: number, dport: number, flags = 0x02) => emitIpv4({ src, dst, protocol: 6, id: 10 }, tcpSegment(src, dst, sport, dport, flags));
const esp = (src: string, dst: string) => emitIpv4({ src, dst, protocol: 50, id: 11 }, fromHex('1a2b3c4d00000001' + '00'.repeat(48)));

function forwarded(r: NatResult): Uint8Array {
  if ('drop' in r) throw new Error(r.drop);
  return r.packet;
}

/** Every checksum recomputed from scratch: IP header, and ICMP / UDP / TCP over the whole segment. */
function expectChecksumsValid(packet: Uint8Array): void {
  const p = parseIpv4(packet);
  if (!p.ok) throw new Error(p.error);
  const { src, dst, protocol, payload } = p.value;
  expect(checksumVerifies(packet, 0, 20)).toBe(true);
  if (protocol === 1) expect(checksumVerifies(payload)).toBe(true);
  if (protocol === 17 || protocol === 6) expect(checksumVerifies(payload, 0, payload.length, pseudoHeaderSum(src, dst, protocol, payload.length))).toBe(true);
}

function header(packet: Uint8Array) {
  const p = parseIpv4(packet);
  if (!p.ok) throw new Error(p.error);
  const l4 = p.value.payload;
  return { src: p.value.src, dst: p.value.dst, sport: (l4[0]! << 8) | l4[1]!, dport: (l4[2]! << 8) | l4[3]!, icmpId: (l4[4]! << 8) | l4[5]! };
}

describe('PAT (ip nat inside source list 1 interface GigabitEthernet0/1 overload)', () => {
  it('translates an ICMP echo and its reply, checksums exact', () => {
    const nat = new NatTable(natConfig({ pat: true }));
    const out = forwarded(nat.translateInsideToOutside(ping('10.0.0.20', '203.0.113.2', 1), { now: 0, ...IN }));
    expect(header(out)).toMatchObject({ src: '198.51.100.1', dst: '203.0.113.2', icmpId: 1 });
    expectChecksumsValid(out);
    const back = forwarded(nat.translateOutsideToInside(pong('203.0.113.2', '198.51.100.1', 1), { now: SECOND, ...OUT }));
    expect(header(back)).toMatchObject({ src: '203.0.113.2', dst: '10.0.0.20', icmpId: 1 });
    expectChecksumsValid(back);
    expect(formatNatTranslations(nat.translations(SECOND))).toBe(
      [
        'Pro  Inside global         Inside local          Outside local         Outside global',
        'icmp 198.51.100.1:1        10.0.0.20:1           203.0.113.2:1         203.0.113.2:1',
        'Total number of translations: 1',
        '',
      ].join('\n'),
    );
  });

  it('the same fixed packet always gives the same bytes (known answer)', () => {
    const nat = new NatTable(natConfig({ pat: true }));
    const out = forwarded(nat.translateInsideToOutside(ping('10.0.0.20', '203.0.113.2', 1), { now: 0, ...IN }));
    expect(toHex(out)).toBe(toHex(emitIpv4({ src: '198.51.100.1', dst: '203.0.113.2', protocol: 1, ttl: 254, id: 7 }, icmpEchoRequest(1, 1, fromHex('0001020304050607')))));
  });

  it('a second inside host with the same ICMP identifier gets another one', () => {
    const nat = new NatTable(natConfig({ pat: true }));
    nat.translateInsideToOutside(ping('10.0.0.20', '203.0.113.2', 1), { now: 0, ...IN });
    const out = forwarded(nat.translateInsideToOutside(ping('10.0.0.30', '203.0.113.2', 1), { now: 0, ...IN }));
    expect(header(out).icmpId).toBe(2);
    expectChecksumsValid(out);
    const back = forwarded(nat.translateOutsideToInside(pong('203.0.113.2', '198.51.100.1', 2), { now: 0, ...OUT }));
    expect(header(back)).toMatchObject({ dst: '10.0.0.30', icmpId: 1 });
    expectChecksumsValid(back);
  });

  it('UDP 500 keeps port 500 for the first router, the second gets a port from 1-511; 4500 likewise', () => {
    const nat = new NatTable(natConfig({ pat: true }));
    const a = forwarded(nat.translateInsideToOutside(udp('10.0.0.10', '203.0.113.2', 500, 500), { now: 0, ...IN }));
    expect(header(a)).toMatchObject({ src: '198.51.100.1', sport: 500, dport: 500 });
    expectChecksumsValid(a);
    const b = forwarded(nat.translateInsideToOutside(udp('10.0.0.11', '203.0.113.2', 500, 500), { now: 0, ...IN }));
    expect(header(b).sport).toBe(1);
    expectChecksumsValid(b);
    const c = forwarded(nat.translateInsideToOutside(udp('10.0.0.10', '203.0.113.2', 4500, 4500), { now: 0, ...IN }));
    expect(header(c).sport).toBe(4500);
    const d = forwarded(nat.translateInsideToOutside(udp('10.0.0.11', '203.0.113.2', 4500, 4500), { now: 0, ...IN }));
    expect(header(d).sport).toBe(1024);
    expectChecksumsValid(d);
    // Replies find their inside hosts by the global port.
    const r1 = forwarded(nat.translateOutsideToInside(udp('203.0.113.2', '198.51.100.1', 4500, 1024), { now: 0, ...OUT }));
    expect(header(r1)).toMatchObject({ dst: '10.0.0.11', dport: 4500 });
    expectChecksumsValid(r1);
    const r2 = forwarded(nat.translateOutsideToInside(udp('203.0.113.2', '198.51.100.1', 500, 500), { now: 0, ...OUT }));
    expect(header(r2)).toMatchObject({ dst: '10.0.0.10', dport: 500 });
    const rows = formatNatTranslations(nat.translations(0)).split('\n');
    expect(rows).toContain('udp  198.51.100.1:1024     10.0.0.11:4500        203.0.113.2:4500      203.0.113.2:4500');
  });

  it('translates TCP ports with the checksum fixed', () => {
    const nat = new NatTable(natConfig({ pat: true }));
    nat.translateInsideToOutside(tcp('10.0.0.20', '203.0.113.2', 40000, 80), { now: 0, ...IN });
    const out = forwarded(nat.translateInsideToOutside(tcp('10.0.0.21', '203.0.113.2', 40000, 80), { now: 0, ...IN }));
    expect(header(out)).toMatchObject({ src: '198.51.100.1', sport: 1024, dport: 80 });
    expectChecksumsValid(out);
    const back = forwarded(nat.translateOutsideToInside(tcp('203.0.113.2', '198.51.100.1', 80, 1024, 0x12), { now: 0, ...OUT }));
    expect(header(back)).toMatchObject({ dst: '10.0.0.21', dport: 40000 });
    expectChecksumsValid(back);
  });

  it('drops ESP with a plain reason, by default', () => {
    const nat = new NatTable(natConfig({ pat: true }));
    expect(nat.translateInsideToOutside(esp('10.0.0.10', '203.0.113.2'), { now: 0, ...IN })).toEqual({ drop: 'PAT cannot translate ESP (no ports); NAT-T needed' });
    expect(nat.translations(0)).toEqual([]);
    const inbound = nat.translateOutsideToInside(esp('203.0.113.2', '198.51.100.1'), { now: 0, ...OUT });
    expect(inbound).toEqual({ drop: 'ESP to the PAT address matches no translation (PAT cannot translate ESP; NAT-T needed)' });
  });

  it('passes ESP with ip nat service ipsec-esp enable, replies matched by peer', () => {
    const nat = new NatTable(natConfig({ pat: true, esp: true }));
    const out = forwarded(nat.translateInsideToOutside(esp('10.0.0.10', '203.0.113.2'), { now: 0, ...IN }));
    expect(header(out).src).toBe('198.51.100.1');
    expectChecksumsValid(out);
    const back = forwarded(nat.translateOutsideToInside(esp('203.0.113.2', '198.51.100.1'), { now: 0, ...OUT }));
    expect(header(back).dst).toBe('10.0.0.10');
    expect(formatNatTranslations(nat.translations(0))).toContain('esp  198.51.100.1:0        10.0.0.10:0           203.0.113.2:0         203.0.113.2:0');
  });

  it('entries time out: ICMP after 60 s, UDP after 300 s', () => {
    const nat = new NatTable(natConfig({ pat: true }));
    nat.translateInsideToOutside(ping('10.0.0.20', '203.0.113.2', 1), { now: 0, ...IN });
    nat.translateInsideToOutside(udp('10.0.0.20', '203.0.113.2', 5000, 53), { now: 0, ...IN });
    nat.translateInsideToOutside(udp('10.0.0.20', '203.0.113.2', 5001, 500), { now: 0, ...IN });
    expect(nat.translations(59 * SECOND)).toHaveLength(3);
    expect(nat.translations(60 * SECOND).map((e) => e.protocol)).toEqual([17]); // DNS also 60 s
    expect(nat.nextExpiry()).toBe(300 * SECOND);
    expect(nat.translations(300 * SECOND)).toEqual([]);
    // A reply after expiry no longer finds its way in.
    const late = forwarded(nat.translateOutsideToInside(pong('203.0.113.2', '198.51.100.1', 1), { now: 301 * SECOND, ...OUT }));
    expect(header(late).dst).toBe('198.51.100.1');
  });

  it('traffic the ACL does not permit is forwarded untranslated', () => {
    const nat = new NatTable(natConfig({ pat: true }));
    const r = nat.translateInsideToOutside(ping('10.9.9.9', '203.0.113.2', 1), { now: 0, ...IN });
    expect(r).toMatchObject({ translated: false });
  });

  it('only inside-to-outside traffic is translated', () => {
    const nat = new NatTable(natConfig({ pat: true }));
    const r = nat.translateInsideToOutside(ping('10.0.0.20', '10.0.0.30', 1), { now: 0, ingress: 'GigabitEthernet0/0', egress: 'GigabitEthernet0/0' });
    expect(r).toMatchObject({ translated: false });
  });

  it('translates an ICMP time exceeded coming back to a PATed flow (embedded packet and all checksums)', () => {
    const nat = new NatTable(natConfig({ pat: true }));
    nat.translateInsideToOutside(udp('10.0.0.20', '203.0.113.2', 500, 33434), { now: 0, ...IN });
    nat.translateInsideToOutside(udp('10.0.0.21', '203.0.113.2', 500, 33434), { now: 0, ...IN });
    const sent = forwarded(nat.translateInsideToOutside(udp('10.0.0.21', '203.0.113.2', 500, 33434), { now: 0, ...IN }));
    expect(header(sent).sport).toBe(1);
    const err = emitIpv4({ src: '192.0.2.254', dst: '198.51.100.1', protocol: 1 }, icmpTimeExceeded(sent));
    const back = forwarded(nat.translateOutsideToInside(err, { now: 0, ...OUT }));
    expect(header(back).dst).toBe('10.0.0.21');
    expectChecksumsValid(back);
    const inner = back.subarray(28);
    expect(checksumVerifies(inner, 0, 20)).toBe(true);
    expect(`${inner[12]}.${inner[13]}.${inner[14]}.${inner[15]}`).toBe('10.0.0.21');
    expect((inner[20]! << 8) | inner[21]!).toBe(500);
  });
});

describe('static NAT (ip nat inside source static 10.0.0.10 198.51.100.10)', () => {
  it('rewrites the address both ways and keeps ports, with a child flow entry', () => {
    const nat = new NatTable(natConfig({ static: true }));
    const out = forwarded(nat.translateInsideToOutside(udp('10.0.0.10', '198.51.100.2', 500, 500), { now: 0, ...IN }));
    expect(header(out)).toMatchObject({ src: '198.51.100.10', sport: 500 });
    expectChecksumsValid(out);
    const back = forwarded(nat.translateOutsideToInside(udp('198.51.100.2', '198.51.100.10', 4500, 4500), { now: 0, ...OUT }));
    expect(header(back)).toMatchObject({ dst: '10.0.0.10', dport: 4500 });
    expectChecksumsValid(back);
    expect(formatNatTranslations(nat.translations(0))).toBe(
      [
        'Pro  Inside global         Inside local          Outside local         Outside global',
        'udp  198.51.100.10:500     10.0.0.10:500         198.51.100.2:500      198.51.100.2:500',
        'udp  198.51.100.10:4500    10.0.0.10:4500        198.51.100.2:4500     198.51.100.2:4500',
        '---  198.51.100.10         10.0.0.10             ---                   ---',
        'Total number of translations: 3',
        '',
      ].join('\n'),
    );
  });

  it('passes ESP both ways, rewriting only the address', () => {
    const nat = new NatTable(natConfig({ static: true, pat: true }));
    const original = esp('10.0.0.10', '198.51.100.2');
    const out = forwarded(nat.translateInsideToOutside(original, { now: 0, ...IN }));
    expect(header(out).src).toBe('198.51.100.10');
    expectChecksumsValid(out);
    expect(toHex(out.subarray(20))).toBe(toHex(original.subarray(20)));
    const back = forwarded(nat.translateOutsideToInside(esp('198.51.100.2', '198.51.100.10'), { now: 0, ...OUT }));
    expect(header(back).dst).toBe('10.0.0.10');
  });

  it('a static entry never expires', () => {
    const nat = new NatTable(natConfig({ static: true }));
    expect(nat.translations(10 ** 12)).toHaveLength(1);
  });
});

describe('ACL matching for NAT', () => {
  it('extended entries match protocol, addresses and ports; implicit deny', () => {
    const acl = {
      name: '101',
      kind: 'extended' as const,
      numbered: true,
      entries: [
        { action: 'deny' as const, protocol: 'udp', source: { kind: 'any' as const }, destination: { kind: 'any' as const }, destinationPort: { op: 'eq' as const, port: 53 } },
        { action: 'permit' as const, protocol: 'ip', source: { kind: 'net' as const, address: '10.0.0.0', wildcard: '0.0.0.255' }, destination: { kind: 'any' as const } },
      ],
      extra: [],
    };
    expect(aclPermits(acl, { protocol: 17, src: ip('10.0.0.5'), dst: ip('8.8.8.8'), srcPort: 1000, dstPort: 53 })).toBe(false);
    expect(aclPermits(acl, { protocol: 17, src: ip('10.0.0.5'), dst: ip('8.8.8.8'), srcPort: 1000, dstPort: 54 })).toBe(true);
    expect(aclPermits(acl, { protocol: 50, src: ip('10.0.1.5'), dst: ip('8.8.8.8') })).toBe(false);
    expect(aclPermits(undefined, { protocol: 1, src: 0, dst: 0 })).toBe(false);
  });
});

describe('NAT output through tshark (checksum validation on)', () => {
  it.skipIf(skipWithout('tshark'))('every translated ICMP, UDP, TCP and ICMP-error packet has good IP/ICMP/UDP/TCP checksums', () => {
    const nat = new NatTable(natConfig({ pat: true }));
    const out: Uint8Array[] = [];
    const go = (r: NatResult) => out.push(forwarded(r));
    go(nat.translateInsideToOutside(ping('10.0.0.20', '203.0.113.2', 1), { now: 0, ...IN }));
    go(nat.translateInsideToOutside(ping('10.0.0.30', '203.0.113.2', 1), { now: 0, ...IN }));
    go(nat.translateOutsideToInside(pong('203.0.113.2', '198.51.100.1', 2), { now: 0, ...OUT }));
    go(nat.translateInsideToOutside(udp('10.0.0.10', '203.0.113.2', 500, 500), { now: 0, ...IN }));
    const moved = forwarded(nat.translateInsideToOutside(udp('10.0.0.11', '203.0.113.2', 500, 500), { now: 0, ...IN }));
    out.push(moved);
    go(nat.translateOutsideToInside(udp('203.0.113.2', '198.51.100.1', 500, 1), { now: 0, ...OUT }));
    go(nat.translateInsideToOutside(tcp('10.0.0.20', '203.0.113.2', 40000, 80), { now: 0, ...IN }));
    go(nat.translateInsideToOutside(tcp('10.0.0.21', '203.0.113.2', 40000, 80), { now: 0, ...IN }));
    go(nat.translateOutsideToInside(tcp('203.0.113.2', '198.51.100.1', 80, 1024, 0x12), { now: 0, ...OUT }));
    go(nat.translateOutsideToInside(emitIpv4({ src: '192.0.2.254', dst: '198.51.100.1', protocol: 1 }, icmpTimeExceeded(moved)), { now: 0, ...OUT }));
    const file = join(tempDir(), 'nat.pcapng');
    writeFileSync(
      file,
      writePcapng(
        [{ name: 'NAT1 GigabitEthernet0/1 - R2 GigabitEthernet1', linkType: LINKTYPE_ETHERNET }],
        out.map((data, i) => ({ interfaceId: 0, timestampUs: i, data: emitEthernet({ dst: '52:54:00:00:00:02', src: '52:54:00:00:00:01', etherType: 0x0800 }, data, { pad: true }) })),
      ),
    );
    const prefs = ['-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE'];
    const fields = tshark(['-r', file, ...prefs, '-T', 'fields', '-e', 'ip.checksum.status', '-e', 'icmp.checksum_bad', '-e', 'udp.checksum.status', '-e', 'tcp.checksum.status', '-e', '_ws.expert']);
    const lines = fields.trim().split('\n');
    expect(lines).toHaveLength(10);
    // Status 1 = good (tshark's "proto_checksum_good"); ICMP reports only a bad flag.
    expect(lines.map((l) => l.split('\t').slice(0, 4).join(' ').trimEnd())).toEqual([
      '1', // ICMP echo requests and reply: IP good, ICMP not flagged bad
      '1',
      '1',
      '1  1', // UDP 500 (kept), 500 -> 1, and the reply: UDP good
      '1  1',
      '1  1',
      '1   1', // TCP: good
      '1   1',
      '1   1',
      // The time exceeded: outer and quoted IP headers good; the quoted UDP is cut at 8 bytes, so
      // tshark cannot verify it (2 = unverified); its ICMP checksum is checked below.
      '1,1  2',
    ]);
    const verbose = tshark(['-r', file, ...prefs, '-V']);
    expect(verbose).not.toMatch(/\[(incorrect|Bad)|Malformed/i);
    expect(verbose.match(/Checksum: 0x[0-9a-f]{4} \[correct\]/g)!.length).toBeGreaterThanOrEqual(10);
  });
});

describe('dynamic NAT from a pool (ip nat inside source list 1 pool P)', () => {
  it('binds inside hosts to the pool addresses in order, keeps the binding, and refuses when the pool is used up', () => {
    const c = natConfig({ pat: true });
    c.nat.pools.push({ name: 'P', start: '198.51.100.50', end: '198.51.100.51', netmask: '255.255.255.0' });
    c.nat.insideSourceLists = [{ acl: '1', pool: 'P', overload: false }];
    const nat = new NatTable(c);
    const a = forwarded(nat.translateInsideToOutside(ping('10.0.0.20', '203.0.113.2', 7), { now: 0, ...IN }));
    const b = forwarded(nat.translateInsideToOutside(udp('10.0.0.21', '203.0.113.2', 500, 500), { now: 0, ...IN }));
    const a2 = forwarded(nat.translateInsideToOutside(udp('10.0.0.20', '203.0.113.9', 4500, 4500), { now: 0, ...IN }));
    expect([header(a).src, header(b).src, header(a2).src]).toEqual(['198.51.100.50', '198.51.100.51', '198.51.100.50']);
    expect(header(a).icmpId).toBe(7); // no port translation without overload
    expectChecksumsValid(b);
    expect(nat.translateInsideToOutside(ping('10.0.0.22', '203.0.113.2', 1), { now: 0, ...IN })).toEqual({ drop: 'dropped: NAT: no address available for access-list 1' });
    // Replies to the pool address reach the bound host.
    const back = forwarded(nat.translateOutsideToInside(pong('203.0.113.2', '198.51.100.50', 7), { now: 0, ...OUT }));
    expect(header(back).dst).toBe('10.0.0.20');
    const simple = nat.translations(0).filter((e) => e.kind === 'dynamic');
    expect(simple.map((e) => formatIp(e.insideGlobal))).toEqual(['198.51.100.50', '198.51.100.51']);
    // The binding lives 24 h after its last use (flows inside it expire sooner).
    expect(nat.translations(86_399 * SECOND).filter((e) => e.kind === 'dynamic')).toHaveLength(2);
    expect(nat.translations(86_400 * SECOND)).toEqual([]);
  });
});
