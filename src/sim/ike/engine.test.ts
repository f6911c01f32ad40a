import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ip } from '../addr';
import { SECOND } from '../scheduler';
import { parse } from '../../wire/isakmp';
import { formatShowCryptoIsakmpSa } from './engine';
import { ANY, FakeNet, R1, R2, config, policy10, tsAesSha, vtiPolicy } from './testing';
import type { IkeEvent, IpsecPolicy, IpsecSaPair } from './types';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const failures = (evs: IkeEvent[]) => evs.filter((e): e is Extract<IkeEvent, { type: 'failure' }> => e.type === 'failure');
const logText = (net: FakeNet, a: number) => net.logs.get(a)!.map((l) => l.text).join('\n');

function expectMirrored(a: IpsecSaPair, b: IpsecSaPair): void {
  expect(a.outbound.spi).toBe(b.inbound.spi);
  expect(a.inbound.spi).toBe(b.outbound.spi);
  expect(hex(a.outbound.encryptionKey)).toBe(hex(b.inbound.encryptionKey));
  expect(hex(a.outbound.integrityKey)).toBe(hex(b.inbound.integrityKey));
  expect(hex(a.inbound.encryptionKey)).toBe(hex(b.outbound.encryptionKey));
  expect(hex(a.inbound.encryptionKey)).not.toBe(hex(a.outbound.encryptionKey));
}

function vtiPair(net: FakeNet, pA: IpsecPolicy = vtiPolicy(R1, R2), pB: IpsecPolicy = vtiPolicy(R2, R1)) {
  const a = net.add(R1, config(R2, pA), 'r1');
  const b = net.add(R2, config(R1, pB), 'r2');
  return { a, b, pA, pB };
}

describe('IKEv1 main mode + quick mode between two engines', () => {
  it('reaches QM_IDLE and both ends hold mirrored ESP keys', () => {
    const net = new FakeNet();
    const { a, b, pA } = vtiPair(net);
    net.initiate(R1, pA);
    net.run(5 * SECOND);
    const rowsA = a.isakmpSas(net.now);
    const rowsB = b.isakmpSas(net.now);
    expect(rowsA).toMatchObject([{ dst: R2, src: R1, state: 'QM_IDLE', status: 'ACTIVE', connId: 1001, encryption: 'aes256', hash: 'sha256', group: 14 }]);
    expect(rowsB).toMatchObject([{ dst: R2, src: R1, state: 'QM_IDLE', status: 'ACTIVE' }]);
    const saA = a.ipsecSa('Tunnel0')!;
    const saB = b.ipsecSa('Tunnel0')!;
    expectMirrored(saA, saB);
    expect(saA.outbound.encryptionKey.length).toBe(32);
    expect(saA.outbound.integrityKey.length).toBe(20);
    expect(saA.mode).toBe('tunnel');
    expect(saA.udpEncap).toBeUndefined();
    expect(saA.lifetimeSeconds).toBe(3600);
    // 6 main mode + 3 quick mode messages, all on UDP 500.
    expect(net.wire.map((w) => w.datagram.dstPort)).toEqual([500, 500, 500, 500, 500, 500, 500, 500, 500]);
    const exch = net.wire.map((w) => {
      const m = parse(w.datagram.payload);
      return m.ok ? `${m.value.exchangeType}${m.value.flags & 1 ? 'E' : ''}` : 'bad';
    });
    expect(exch).toEqual(['2', '2', '2', '2', '2E', '2E', '32E', '32E', '32E']);
    expect(logText(net, R1)).toContain('ISAKMP:(0):Old State = IKE_READY  New State = IKE_I_MM1');
    expect(logText(net, R1)).toContain('Old State = IKE_QM_I_QM1  New State = IKE_QM_PHASE2_COMPLETE');
    expect(logText(net, R2)).toContain('atts are acceptable');
    const ipsecDebug = net.logs.get(R1)!.filter((l) => l.facility === 'ipsec');
    expect(ipsecDebug.map((l) => l.text.split(':')[0])).toEqual(['IPSEC(sa_request)', 'IPSEC(initialize_sas)', 'IPSEC(create_sa)', 'IPSEC(initialize_sas)', 'IPSEC(create_sa)']);
    expect(net.events.get(R1)!.map((e) => e.type)).toEqual(['isakmp-up', 'ipsec-up']);
    expect(net.events.get(R2)!.map((e) => e.type)).toEqual(['isakmp-up', 'ipsec-up']);
    expect(formatShowCryptoIsakmpSa(rowsA)).toContain('10.0.23.3       10.0.12.1       QM_IDLE           1001 ACTIVE');
  });

  it('is deterministic: the same seeds give the same bytes', () => {
    const run = () => {
      const net = new FakeNet();
      const { pA } = vtiPair(net);
      net.initiate(R1, pA);
      net.run(5 * SECOND);
      return net.wire.map((w) => hex(w.datagram.payload)).join('|');
    };
    expect(run()).toBe(run());
  });

  it('derives the same keys for every cipher, hash and DH group combination tried', () => {
    const combos = [
      { p1: { ...policy10, encryption: '3des' as const, hash: 'md5' as const, group: 2 as const }, ts: { name: 'T', cipher: 'esp-3des' as const, integrity: 'esp-md5-hmac' as const, mode: 'tunnel' as const } },
      { p1: { ...policy10, encryption: 'des' as const, hash: 'sha1' as const, group: 1 as const }, ts: { name: 'T', cipher: 'esp-des' as const, integrity: 'esp-sha256-hmac' as const, mode: 'tunnel' as const } },
      { p1: { ...policy10, encryption: 'aes' as const, keyBits: 128 as const, hash: 'sha384' as const, group: 19 as const }, ts: { name: 'T', cipher: 'esp-gcm' as const, keyBits: 256, mode: 'tunnel' as const } },
      { p1: { ...policy10, encryption: 'aes' as const, keyBits: 192 as const, hash: 'sha512' as const, group: 20 as const }, ts: { name: 'T', cipher: 'esp-aes' as const, keyBits: 192, integrity: 'esp-sha512-hmac' as const, mode: 'tunnel' as const } },
    ];
    for (const c of combos) {
      const net = new FakeNet();
      const pA = vtiPolicy(R1, R2, [c.ts], { pfs: 5 });
      const pB = vtiPolicy(R2, R1, [c.ts], { pfs: 5 });
      const a = net.add(R1, config(R2, pA, { policies: [c.p1] }), 'a');
      const b = net.add(R2, config(R1, pB, { policies: [c.p1] }), 'b');
      net.initiate(R1, pA);
      net.run(10 * SECOND);
      const saA = a.ipsecSa('Tunnel0');
      const saB = b.ipsecSa('Tunnel0');
      expect(saA, JSON.stringify(c)).toBeDefined();
      expectMirrored(saA!, saB!);
      expect(saA!.pfs).toBe(5);
    }
  });

  it('the responder takes its highest-priority policy that matches an offered one (IOS order)', () => {
    const net = new FakeNet();
    const pA = vtiPolicy(R1, R2);
    const pB = vtiPolicy(R2, R1);
    const weak = { ...policy10, priority: 20, encryption: '3des' as const, hash: 'sha1' as const, group: 2 as const };
    const strong = { ...policy10, priority: 30 };
    const a = net.add(R1, config(R2, pA, { policies: [{ ...strong, priority: 5 }, { ...weak, priority: 10 }] }), 'a');
    net.add(R2, config(R1, pB, { policies: [{ ...weak, priority: 1 }, strong] }), 'b');
    net.initiate(R1, pA);
    net.run(5 * SECOND);
    expect(a.isakmpSas(net.now)[0]).toMatchObject({ state: 'QM_IDLE', encryption: '3des', group: 2 });
    expect(logText(net, R2)).toContain('Checking ISAKMP transform 1 against priority 1 policy');
  });
});

describe('NAT-T', () => {
  it('detects a NAT, floats to UDP 4500 with the non-ESP marker, and negotiates UDP-encapsulated tunnel mode', () => {
    const inside = ip('192.168.1.1');
    const outside = ip('203.0.113.10');
    const net = new FakeNet({ inside, outside, ports: { 500: 1024, 4500: 1025 } });
    const pA = vtiPolicy(inside, R2);
    const pB = vtiPolicy(R2, outside);
    const a = net.add(inside, config(R2, pA), 'a');
    const b = net.add(R2, config(outside, pB), 'b');
    net.initiate(inside, pA);
    net.run(5 * SECOND);
    const saA = a.ipsecSa('Tunnel0')!;
    const saB = b.ipsecSa('Tunnel0')!;
    expectMirrored(saA, saB);
    expect(saA.udpEncap).toEqual({ localPort: 4500, remotePort: 4500 });
    expect(saB.udpEncap).toEqual({ localPort: 4500, remotePort: 1025 });
    expect(b.isakmpSas(net.now)[0]).toMatchObject({ src: outside, dst: R2, state: 'QM_IDLE', natT: true });
    // Messages 1-4 on 500, 5-9 on 4500 behind a non-ESP marker.
    const ports = net.wire.map((w) => (w.datagram.srcIp === R2 ? w.datagram.srcPort : w.datagram.dstPort));
    expect(ports).toEqual([500, 500, 500, 500, 4500, 4500, 4500, 4500, 4500]);
    const mm5 = net.wire[4]!.datagram.payload;
    expect(hex(mm5.subarray(0, 4))).toBe('00000000');
    expect(parse(mm5.subarray(4)).ok).toBe(true);
    // The quick mode SA carries encapsulation mode 3 (UDP-Encapsulated-Tunnel, RFC 3947).
    expect(logText(net, R2)).toContain('encaps is 3 (Tunnel-UDP)');
    expect(logText(net, inside)).toContain('NAT found, the node inside NAT');
    // The inside router sends NAT keepalives every 20 s.
    net.run(net.now + 45 * SECOND);
    const keepalives = net.wire.filter((w) => w.datagram.payload.length === 1 && w.datagram.payload[0] === 0xff);
    expect(keepalives.length).toBe(2);
    expect(keepalives[0]!.datagram).toMatchObject({ srcIp: outside, srcPort: 1025, dstIp: R2, dstPort: 4500 });
  });

  it('a responder behind static NAT: both float to 4500, the inside responder sends the keepalives', () => {
    const inside = ip('192.168.2.3');
    const outside = ip('203.0.113.20');
    const net = new FakeNet({ inside, outside });
    const pA = vtiPolicy(R1, outside);
    const a = net.add(R1, config(outside, pA), 'a');
    const b = net.add(inside, config(R1, vtiPolicy(inside, R1)), 'b');
    net.initiate(R1, pA);
    net.run(5 * SECOND);
    expectMirrored(a.ipsecSa('Tunnel0')!, b.ipsecSa('Tunnel0')!);
    expect(a.ipsecSa('Tunnel0')!.udpEncap).toEqual({ localPort: 4500, remotePort: 4500 });
    expect(a.isakmpSas(net.now)[0]).toMatchObject({ dst: outside, src: R1, state: 'QM_IDLE', natT: true });
    expect(logText(net, R1)).toContain('His hash no match - this node outside NAT');
    net.run(net.now + 25 * SECOND);
    const keepalives = net.wire.filter((w) => w.datagram.payload.length === 1);
    expect(keepalives.map((k) => k.datagram.srcIp)).toEqual([outside]);
  });

  it('stays on UDP 500 without a NAT, and without NAT-T configured', () => {
    const net = new FakeNet({ inside: ip('192.168.1.1'), outside: ip('203.0.113.10') });
    const pA = vtiPolicy(ip('192.168.1.1'), R2);
    const pB = vtiPolicy(R2, ip('203.0.113.10'));
    const a = net.add(ip('192.168.1.1'), config(R2, pA, { natTraversal: false }), 'a');
    net.add(R2, config(ip('203.0.113.10'), pB), 'b');
    net.initiate(ip('192.168.1.1'), pA);
    net.run(5 * SECOND);
    expect(a.ipsecSa('Tunnel0')!.udpEncap).toBeUndefined();
    expect(net.wire.every((w) => w.datagram.dstPort === 500 || w.datagram.srcPort === 500)).toBe(true);
  });
});

describe('failures a learner can cause', () => {
  it('no matching phase-1 policy: responder rejects with NO_PROPOSAL_CHOSEN, initiator stays MM_NO_STATE', () => {
    const net = new FakeNet();
    const pA = vtiPolicy(R1, R2);
    const pB = vtiPolicy(R2, R1);
    const a = net.add(R1, config(R2, pA), 'a');
    net.add(R2, config(R1, pB, { policies: [{ ...policy10, hash: 'md5' }] }), 'b');
    net.initiate(R1, pA);
    net.run(2 * SECOND);
    expect(a.isakmpSas(net.now)[0]!.state).toBe('MM_NO_STATE');
    expect(logText(net, R2)).toContain('Hash algorithm offered does not match policy!');
    expect(logText(net, R2)).toContain('%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Main mode failed with peer at 10.0.12.1');
    expect(failures(net.events.get(R2)!)[0]!.kind).toBe('no-isakmp-policy');
    expect(failures(net.events.get(R1)!)[0]).toMatchObject({ kind: 'no-isakmp-policy', policy: 'Tunnel0' });
    expect(a.ipsecSa('Tunnel0')).toBeUndefined();
  });

  it('pre-shared key mismatch: MM_KEY_EXCH, IKMP_BAD_MESSAGE at the responder, retransmissions, then give-up', () => {
    const net = new FakeNet();
    const pA = vtiPolicy(R1, R2);
    const pB = vtiPolicy(R2, R1);
    const a = net.add(R1, config(R2, pA), 'a');
    const b = net.add(R2, config(R1, pB, {}, 'other-key'), 'b');
    net.initiate(R1, pA);
    net.run(2 * SECOND);
    expect(a.isakmpSas(net.now)[0]!.state).toBe('MM_KEY_EXCH');
    expect(b.isakmpSas(net.now)[0]!.state).toBe('MM_KEY_EXCH');
    expect(logText(net, R2)).toContain('%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 10.0.12.1 failed its sanity check or is malformed');
    expect(failures(net.events.get(R2)!)[0]!.kind).toBe('psk-mismatch');
    net.run(120 * SECOND);
    expect(logText(net, R1)).toContain('retransmitting phase 1 MM_KEY_EXCH');
    expect(logText(net, R1)).toContain('deleting SA reason "Death by retransmission P1" state (I) MM_KEY_EXCH');
    expect(failures(net.events.get(R1)!)[0]!.kind).toBe('psk-mismatch');
    expect(a.isakmpSas(net.now)).toEqual([]);
    expect(b.ipsecSa('Tunnel0')).toBeUndefined();
  });

  it('no key for the peer: the initiator cannot start main mode', () => {
    const net = new FakeNet();
    const pA = vtiPolicy(R1, R2);
    const a = net.add(R1, config(R2, pA, { keys: [] }), 'a');
    net.initiate(R1, pA);
    net.run(2 * SECOND);
    expect(net.wire).toEqual([]);
    expect(logText(net, R1)).toContain('ISAKMP:(0):No pre-shared key with 10.0.23.3!');
    expect(net.logs.get(R1)!.filter((l) => l.kind === 'syslog').map((l) => l.text)).toEqual(['%CRYPTO-4-IKMP_NO_PRESHARED_KEY: Preshared key for remote peer at 10.0.23.3 is missing']);
    expect(failures(net.events.get(R1)!)[0]!.kind).toBe('no-key');
    expect(a.isakmpSas(net.now)).toEqual([]);
  });

  it('no key at the responder: it rejects phase 1', () => {
    const net = new FakeNet();
    const { pA } = vtiPair(net, vtiPolicy(R1, R2), vtiPolicy(R2, R1));
    net.engines.get(R2)!.configure(config(R1, vtiPolicy(R2, R1), { keys: [{ address: ip('10.9.9.9'), mask: 0xffffffff, key: 'x' }] }));
    net.initiate(R1, pA);
    net.run(2 * SECOND);
    expect(failures(net.events.get(R2)!)[0]!.kind).toBe('no-key');
    expect(logText(net, R2)).toContain('No pre-shared key with 10.0.12.1!');
  });

  it('transform-set mismatch: NO_PROPOSAL_CHOSEN in quick mode, phase 1 stays QM_IDLE', () => {
    const net = new FakeNet();
    const other = { ...tsAesSha, integrity: 'esp-sha256-hmac' as const };
    const { a, pA } = vtiPair(net, vtiPolicy(R1, R2), vtiPolicy(R2, R1, [other]));
    net.initiate(R1, pA);
    net.run(5 * SECOND);
    expect(a.isakmpSas(net.now)[0]!.state).toBe('QM_IDLE');
    expect(a.ipsecSa('Tunnel0')).toBeUndefined();
    expect(logText(net, R2)).toContain('IPSec policy invalidated proposal with error 256');
    expect(logText(net, R2)).toContain('%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Quick mode failed with peer at 10.0.12.1');
    expect(failures(net.events.get(R2)!)[0]!.kind).toBe('transform-mismatch');
    expect(failures(net.events.get(R1)!)[0]!.kind).toBe('transform-mismatch');
    expect(a.negotiating('Tunnel0')).toBe(false);
  });

  it('proxy-identity mismatch: "proxy identities not supported"', () => {
    const net = new FakeNet();
    const lanA = { address: ip('10.1.1.0'), mask: ip('255.255.255.0'), protocol: 0, port: 0 };
    const lanB = { address: ip('10.2.2.0'), mask: ip('255.255.255.0'), protocol: 0, port: 0 };
    const wrongB = { ...lanB, address: ip('10.3.3.0') };
    const mapA: IpsecPolicy = { name: 'MAP 10', peer: R2, localAddress: R1, local: lanA, remote: lanB, transformSets: [tsAesSha] };
    const mapB: IpsecPolicy = { name: 'MAP 10', peer: R1, localAddress: R2, local: wrongB, remote: lanA, transformSets: [tsAesSha] };
    const { a } = vtiPair(net, mapA, mapB);
    net.initiate(R1, mapA);
    net.run(5 * SECOND);
    expect(logText(net, R2)).toContain('IPSEC(ipsec_process_proposal): proxy identities not supported');
    expect(failures(net.events.get(R2)!)[0]!.kind).toBe('proxy-mismatch');
    expect(failures(net.events.get(R1)!)[0]!.kind).toBe('proxy-mismatch');
    expect(a.ipsecSa('MAP 10')).toBeUndefined();
  });

  it('crypto map with mirrored ACLs and transport mode (GRE over IPsec) succeeds', () => {
    const net = new FakeNet();
    const gre = (s: number, d: number) => ({ local: { address: s, mask: 0xffffffff, protocol: 47, port: 0 }, remote: { address: d, mask: 0xffffffff, protocol: 47, port: 0 } });
    const tr = { ...tsAesSha, mode: 'transport' as const };
    const pA: IpsecPolicy = { name: 'Tunnel1', peer: R2, localAddress: R1, ...gre(R1, R2), transformSets: [tr] };
    const pB: IpsecPolicy = { name: 'Tunnel1', peer: R1, localAddress: R2, ...gre(R2, R1), transformSets: [tr] };
    const { a, b } = vtiPair(net, pA, pB);
    net.initiate(R1, pA);
    net.run(5 * SECOND);
    expect(a.ipsecSa('Tunnel1')!.mode).toBe('transport');
    expectMirrored(a.ipsecSa('Tunnel1')!, b.ipsecSa('Tunnel1')!);
    expect(a.ipsecSa('Tunnel1')!.localProxy.protocol).toBe(47);
  });

  it('transport mode is only a request (IOS): mixed modes and LAN proxies negotiate tunnel mode', () => {
    const gre = (s: number, d: number) => ({ local: { address: s, mask: 0xffffffff, protocol: 47, port: 0 }, remote: { address: d, mask: 0xffffffff, protocol: 47, port: 0 } });
    const tr = { ...tsAesSha, mode: 'transport' as const };
    const lan = (a: string) => ({ address: ip(a), mask: ip('255.255.255.0'), protocol: 0, port: 0 });
    const cases: [IpsecPolicy, IpsecPolicy, 'tunnel' | 'transport'][] = [
      // GRE between the endpoints: transport offered first, the tunnel-mode responder takes the fallback.
      [{ name: 'T', peer: R2, localAddress: R1, ...gre(R1, R2), transformSets: [tr] }, { name: 'T', peer: R1, localAddress: R2, ...gre(R2, R1), transformSets: [tsAesSha] }, 'tunnel'],
      // Tunnel offered, transport-mode responder accepts it.
      [{ name: 'T', peer: R2, localAddress: R1, ...gre(R1, R2), transformSets: [tsAesSha] }, { name: 'T', peer: R1, localAddress: R2, ...gre(R2, R1), transformSets: [tr] }, 'tunnel'],
      // LAN-to-LAN crypto map with transport sets on both ends: tunnel mode.
      [{ name: 'T', peer: R2, localAddress: R1, local: lan('10.1.1.0'), remote: lan('10.2.2.0'), transformSets: [tr] }, { name: 'T', peer: R1, localAddress: R2, local: lan('10.2.2.0'), remote: lan('10.1.1.0'), transformSets: [tr] }, 'tunnel'],
      // A VTI never asks for transport.
      [vtiPolicy(R1, R2, [tr]), vtiPolicy(R2, R1, [tr]), 'tunnel'],
    ];
    for (const [pA, pB, mode] of cases) {
      const net = new FakeNet();
      const { a, b } = vtiPair(net, pA, pB);
      net.initiate(R1, pA);
      net.run(5 * SECOND);
      const name = pA.name;
      expect(a.ipsecSa(name)?.mode, JSON.stringify(pA.transformSets)).toBe(mode);
      expectMirrored(a.ipsecSa(name)!, b.ipsecSa(name)!);
    }
  });

  it('peer unreachable: five retransmissions 10 s apart, then "Death by retransmission P1"', () => {
    const net = new FakeNet(undefined, () => true);
    const { a, pA } = vtiPair(net);
    net.initiate(R1, pA);
    net.run(30 * SECOND);
    expect(a.isakmpSas(net.now)[0]!.state).toBe('MM_NO_STATE');
    net.run(120 * SECOND);
    const sent = net.wire.map((w) => w.time / SECOND);
    expect(sent.map(Math.round)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(logText(net, R1)).toContain('incrementing error counter on sa, attempt 5 of 5: retransmit phase 1');
    expect(logText(net, R1)).toContain('"Death by retransmission P1" state (I) MM_NO_STATE (peer 10.0.23.3)');
    expect(failures(net.events.get(R1)!)[0]).toMatchObject({ kind: 'peer-unreachable', policy: 'Tunnel0' });
    expect(a.nextTimerAt()).toBeUndefined();
  });
});

describe('lost messages', () => {
  it('a lost quick mode message 3: the responder repeats QM2, the initiator repeats QM3, both install', () => {
    let seen = 0;
    const net = new FakeNet(undefined, () => ++seen === 9);
    const { a, b, pA } = vtiPair(net);
    net.initiate(R1, pA);
    net.run(5 * SECOND);
    expect(a.ipsecSa('Tunnel0')).toBeDefined();
    expect(b.ipsecSa('Tunnel0')).toBeUndefined();
    net.run(20 * SECOND);
    expectMirrored(a.ipsecSa('Tunnel0')!, b.ipsecSa('Tunnel0')!);
    expect(logText(net, R1)).toContain('phase 2 packet is a duplicate of a previous packet.');
    expect(net.wire).toHaveLength(11);
  });

  it('a lost main mode message 2: the initiator retransmits message 1 and the exchange completes', () => {
    let seen = 0;
    const net = new FakeNet(undefined, () => ++seen === 2);
    const { a, b, pA } = vtiPair(net);
    net.initiate(R1, pA);
    net.run(30 * SECOND);
    expectMirrored(a.ipsecSa('Tunnel0')!, b.ipsecSa('Tunnel0')!);
    expect(logText(net, R1)).toContain('retransmitting phase 1 MM_NO_STATE');
    expect(logText(net, R2)).toContain('phase 1 packet is a duplicate of a previous packet.');
  });
});

describe('lifetimes and collisions', () => {
  it('rekeys the IPsec SA before it expires, reusing phase 1', () => {
    const net = new FakeNet();
    const { a, b, pA } = vtiPair(net, vtiPolicy(R1, R2, [tsAesSha], { lifetimeSeconds: 120 }), vtiPolicy(R2, R1, [tsAesSha], { lifetimeSeconds: 120 }));
    net.initiate(R1, pA);
    net.run(5 * SECOND);
    const first = a.ipsecSa('Tunnel0')!;
    net.run(115 * SECOND);
    const second = a.ipsecSa('Tunnel0')!;
    expect(second.inbound.spi).not.toBe(first.inbound.spi);
    expectMirrored(second, b.ipsecSa('Tunnel0')!);
    expect(a.isakmpSas(net.now)).toHaveLength(1);
  });

  it('the ISAKMP SA expires with a Delete; the IPsec SA stays until its rekey runs a new main mode', () => {
    const net = new FakeNet();
    const short = { ...policy10, lifetime: 100 };
    const pA = vtiPolicy(R1, R2, [tsAesSha], { lifetimeSeconds: 600 });
    const a = net.add(R1, config(R2, pA, { policies: [short] }), 'a');
    const b = net.add(R2, config(R1, vtiPolicy(R2, R1, [tsAesSha], { lifetimeSeconds: 600 }), { policies: [short] }), 'b');
    net.initiate(R1, pA);
    net.run(5 * SECOND);
    const first = a.ipsecSa('Tunnel0')!;
    net.run(105 * SECOND);
    expect(a.isakmpSas(net.now)[0]!.status).toBe('ACTIVE (deleted)');
    net.run(115 * SECOND);
    expect(a.isakmpSas(net.now)).toEqual([]);
    expect(b.isakmpSas(net.now)).toEqual([]);
    const downs = [R1, R2].map((r) => net.events.get(r)!.flatMap((e) => (e.type === 'isakmp-down' ? [e.reason] : [])));
    // The first to expire sends a Delete that the other honours (or both expire together).
    expect(downs.every((d) => d.length === 1)).toBe(true);
    expect(downs.flat()).toContain('Lifetime expired');
    expect(a.ipsecSa('Tunnel0')).toBe(first);
    net.run(545 * SECOND);
    const second = a.ipsecSa('Tunnel0')!;
    expect(second.inbound.spi).not.toBe(first.inbound.spi);
    expectMirrored(second, b.ipsecSa('Tunnel0')!);
    expect(a.isakmpSas(net.now)[0]!.state).toBe('QM_IDLE');
    expect(a.ikev1DecryptionTable()).toHaveLength(2);
  });

  it('both ends initiating at once settle on the same SA pair', () => {
    const net = new FakeNet();
    const { a, b, pA, pB } = vtiPair(net);
    net.initiate(R1, pA);
    net.initiate(R2, pB);
    net.run(5 * SECOND);
    expectMirrored(a.ipsecSa('Tunnel0')!, b.ipsecSa('Tunnel0')!);
  });

  it("an unanswered main mode gives way to the peer's: one QM_IDLE SA and one SA pair", () => {
    // R1's first message 1 is lost (as to ARP); R2 starts a moment later and leads phase 1.
    let seen = 0;
    const net = new FakeNet(undefined, (d) => d.srcIp === R1 && ++seen === 1);
    const { a, b, pA, pB } = vtiPair(net);
    net.initiate(R1, pA);
    net.run(0.5 * SECOND);
    net.initiate(R2, pB);
    net.run(30 * SECOND);
    expectMirrored(a.ipsecSa('Tunnel0')!, b.ipsecSa('Tunnel0')!);
    const rows = a.isakmpSas(net.now).filter((r) => r.status === 'ACTIVE');
    expect(rows).toEqual([expect.objectContaining({ state: 'QM_IDLE', src: R2, dst: R1 })]);
    expect(b.isakmpSas(net.now)).toHaveLength(1);
    expect(logText(net, R1)).toContain('deleting SA reason "Phase 1 with the peer completed on another SA"');
    // R1 never sent its message 1 again, and left quick mode to the initiator: one QM only.
    const fromR1 = net.wire.filter((c) => c.datagram.srcIp === R1 && c.time > 0.5 * SECOND).map((c) => parse(c.datagram.payload)).flatMap((r) => (r.ok ? [r.value] : []));
    expect(fromR1.filter((m) => m.responderCookie.every((x) => x === 0))).toEqual([]);
    expect(fromR1.filter((m) => m.exchangeType === 32)).toHaveLength(1); // QM2 only
    expect(net.events.get(R1)!.filter((e) => e.type === 'ipsec-up')).toHaveLength(1);
    expect(net.events.get(R2)!.filter((e) => e.type === 'ipsec-up')).toHaveLength(1);
  });

  it('a responder starts its own quick mode when the initiator does not (crypto map peer with no traffic)', () => {
    const net = new FakeNet();
    const pA = vtiPolicy(R1, R2);
    const pB = vtiPolicy(R2, R1);
    const a = net.add(R1, config(R2, pA), 'r1');
    const b = net.add(R2, config(R1, pB), 'r2');
    // R1 leads phase 1 for a policy R2 does not have a twin of (another name), while R2 has asked
    // for Tunnel0 meanwhile: R2 runs Tunnel0's quick mode itself after the grace period.
    const other = { ...pA, name: 'Other' };
    a.configure(config(R2, other));
    net.initiate(R1, other);
    net.run(2 * 1000); // 2 ms: R2 has answered message 1
    net.initiate(R2, pB);
    net.run(5 * SECOND);
    expect(b.ipsecSa('Tunnel0')).toBeDefined();
    expect(b.isakmpSas(net.now)).toHaveLength(1);
  });

  it('exports the ikev1_decryption_table line (initiator cookie, encryption key)', () => {
    const net = new FakeNet();
    const { a, b, pA } = vtiPair(net);
    net.initiate(R1, pA);
    net.run(5 * SECOND);
    const lines = a.ikev1DecryptionTable();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^[0-9a-f]{16},[0-9a-f]{64}$/);
    expect(b.ikev1DecryptionTable()).toEqual(lines);
    const mm1 = parse(net.wire[0]!.datagram.payload);
    expect(mm1.ok && lines[0]!.startsWith(`${hex(mm1.value.initiatorCookie)},`)).toBe(true);
  });

  it('clear crypto isakmp sends a Delete the peer honours', () => {
    const net = new FakeNet();
    const { a, b, pA } = vtiPair(net);
    net.initiate(R1, pA);
    net.run(5 * SECOND);
    const o = a.clear(net.now, 'all');
    expect(o.send.length).toBe(2);
    for (const d of o.send) net.engines.get(R2)!.receive(d, net.now);
    expect(b.ipsecSa('Tunnel0')).toBeUndefined();
    expect(b.isakmpSas(net.now)[0]!.status).toBe('ACTIVE (deleted)');
    expect(ANY.mask).toBe(0);
  });
});

describe('hostile input', () => {
  const fastPolicy = { ...policy10, group: 2 as const };
  function capturedExchange() {
    const net = new FakeNet();
    const pA = vtiPolicy(R1, R2);
    net.add(R1, config(R2, pA, { policies: [fastPolicy] }), 'a');
    net.add(R2, config(R1, vtiPolicy(R2, R1), { policies: [fastPolicy] }), 'b');
    net.initiate(R1, pA);
    net.run(5 * SECOND);
    return net.wire.filter((w) => w.datagram.srcIp === R1).map((w) => w.datagram);
  }
  const fromR1 = capturedExchange();

  it('a responder fed the real exchange with one byte changed never throws, and the same input gives the same output', () => {
    expect(fromR1).toHaveLength(5);
    fc.assert(
      fc.property(fc.nat(4), fc.nat(2000), fc.integer({ min: 1, max: 255 }), (which, at, xor) => {
        const feed = () => {
          const b = new FakeNet().add(R2, config(R1, vtiPolicy(R2, R1), { policies: [fastPolicy] }), 'b');
          const outs: string[] = [];
          fromR1.forEach((d, i) => {
            const payload = d.payload.slice();
            if (i === which) payload[at % payload.length] = payload[at % payload.length]! ^ xor;
            const o = b.receive({ ...d, payload }, i * 1000);
            outs.push(o.send.map((x) => hex(x.payload)).join(',') + o.logs.length);
          });
          return outs.join('|');
        };
        expect(feed()).toBe(feed());
      }),
      { numRuns: 60 },
    );
  });

  it('random datagrams on 500 and 4500 never throw', () => {
    const net = new FakeNet();
    const { a, b, pA } = vtiPair(net);
    net.initiate(R1, pA);
    net.run(5 * SECOND);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(500, 4500), fc.boolean(), (payload, port, withCookie) => {
        const p = payload.slice();
        if (withCookie && p.length >= 28) p.set(fromR1[0]!.payload.subarray(0, 8), port === 4500 ? 4 : 0);
        for (const e of [a, b]) e.receive({ srcIp: R1, srcPort: port, dstIp: R2, dstPort: port, payload: p }, net.now);
      }),
      { numRuns: 2000 },
    );
    expect(a.ipsecSa('Tunnel0')).toBeDefined();
  });
});

describe('classifyNatTPayload', () => {
  it('tells keepalives, IKE and ESP apart on UDP 4500', async () => {
    const { classifyNatTPayload } = await import('./index');
    expect(classifyNatTPayload(new Uint8Array([0xff]))).toBe('keepalive');
    expect(classifyNatTPayload(new Uint8Array([0, 0, 0, 0, 1, 2]))).toBe('ike');
    expect(classifyNatTPayload(new Uint8Array([0, 0, 1, 0, 0, 0, 0, 1]))).toBe('esp');
    expect(classifyNatTPayload(new Uint8Array([0, 0]))).toBe('invalid');
  });
});
