import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../crypto/rng';
import { espKeymatLength, splitEspKeymat } from '../../crypto/esp-suite';
import { espCipher, espIntegrity } from '../../crypto/esp-transforms';
import type { TraceRecord } from '../../sim';
import { espEncapsulate } from '../../sim/ipsec/esp-process';
import { createEspSa, type EspSaConfig } from '../../sim/ipsec/sa';
import { wiresharkEspSaLine } from '../../sim/ipsec/wireshark-keys';
import { emitEthernet } from '../../wire/ethernet';
import { innerPacket } from '../compare/compare-model';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { BUILTIN_LABS } from '../../lab/builtin';
import { runTraffic } from '../traffic/engine';
import { plainGreDefaultLab } from '../traffic/lab-variants';
import { keyRing } from './esp-keys';
import { asciiByte, bandsPerByte, hexRows, inRange } from './hexdump';
import { bandsFor, decryptedView, dissectPacket, indexOfBytes, packetAt, packetBefore } from './packet-view';

const rec = (over: Partial<TraceRecord>): TraceRecord => ({ seq: 0, time: 0, device: 'R1', point: 'Tx', packetId: 1, decision: '', protocol: 'ESP', ...over });

function espFrame(mode: 'tunnel' | 'transport', natT = false) {
  const cipher = espCipher('esp-aes');
  const integrity = espIntegrity('esp-sha-hmac');
  const rng = new SeededRandom('inspector-test');
  const config: EspSaConfig = {
    spi: 0xc0ffee01,
    mode,
    cipher,
    integrity,
    keys: splitEspKeymat(cipher, integrity, rng.bytes(espKeymatLength(cipher, integrity))),
    source: '203.0.113.1',
    destination: '203.0.113.2',
    ...(natT ? { udpEncap: { srcPort: 4500, dstPort: 4500 } } : {}),
    rng,
  };
  const sa = createEspSa(config);
  const inner = innerPacket(100);
  const built = espEncapsulate(sa, inner);
  if (!built.ok) throw new Error(built.reason);
  const frame = emitEthernet({ dst: '02:00:00:00:00:02', src: '02:00:00:00:00:01', etherType: 0x0800 }, built.packet);
  return { sa, inner, outer: built.packet, frame, line: wiresharkEspSaLine(config) };
}

describe('hex dump', () => {
  it('cuts rows of 16 with Wireshark offsets and printable ASCII', () => {
    const rows = hexRows(Uint8Array.from({ length: 40 }, (_, i) => i + 0x30));
    expect(rows.map((r) => r.label)).toEqual(['0000', '0010', '0020']);
    expect(rows[2]!.bytes.length).toBe(8);
    expect(rows[0]!.bytes.map(asciiByte).join('')).toBe('0123456789:;<=>?');
    expect(asciiByte(0x00)).toBe('.');
    expect(asciiByte(0x7f)).toBe('.');
  });

  it('lists the bands covering each byte and tests hover ranges', () => {
    const per = bandsPerByte(6, [
      { kind: 'added', offset: 0, length: 2 },
      { kind: 'encrypted', offset: 1, length: 3 },
      { kind: 'authenticated', offset: 5, length: 9 },
    ]);
    expect(per).toEqual(['added', 'added encrypted', 'encrypted', 'encrypted', '', 'authenticated']);
    expect([0, 3, 4, 5].map((i) => inRange(i, { offset: 3, length: 2 }))).toEqual([false, true, true, false]);
    expect(inRange(0, null)).toBe(false);
  });
});

describe('packet view of engine records', () => {
  const lab = plainGreDefaultLab();
  const run = runTraffic(lab, { kind: 'ping', source: 'H1', destination: 'H2', count: 5, size: 100 });
  if (!run.ok) throw new Error(run.error);

  it('shows a frame sent R1 -> R2 as Ethernet > IPv4 (47) > GRE > IPv4 > ICMP with a new Ethernet header', () => {
    const tx = run.records.find((r) => r.device === 'R1' && r.point === 'Tx' && r.protocol === 'GRE')!;
    const p = packetAt(tx)!;
    expect(p.first).toBe('eth');
    const layers = dissectPacket(p, null);
    expect(layers.map((l) => l.protocol)).toEqual(['eth', 'ipv4', 'gre', 'ipv4', 'icmp']);
    expect(layers[1]!.fields.find((f) => f.name === 'Protocol')!.value).toContain('47');
    expect(bandsFor(tx, p, layers)).toEqual([{ kind: 'added', offset: 0, length: 14 }]);
  });

  it('marks the 24 bytes GRE adds at the Encap step and keeps the packet before it', () => {
    const encap = run.records.find((r) => r.point === 'Encap')!;
    const after = packetAt(encap)!;
    const before = packetBefore(encap)!;
    expect(after.first).toBe('ipv4');
    expect(after.bytes.length - before.bytes.length).toBe(24);
    expect(indexOfBytes(after.bytes, before.bytes)).toBe(24);
    expect(bandsFor(encap, after, dissectPacket(after, null))).toEqual([{ kind: 'added', offset: 0, length: 24 }]);
  });

  it('every dissected field lies inside its bytes', () => {
    for (const r of run.records) {
      const p = packetAt(r);
      if (!p) continue;
      for (const layer of dissectPacket(p, null)) {
        for (const f of layer.fields) expect(f.offset + f.length).toBeLessThanOrEqual(p.bytes.length);
      }
    }
  });
});

describe('ESP in the inspector', () => {
  it.each([
    ['tunnel', false],
    ['tunnel', true],
    ['transport', false],
  ] as const)('splits and decrypts ESP (%s mode, NAT-T %s) with a copy of the SA', (mode, natT) => {
    const { sa, inner, frame, line } = espFrame(mode, natT);
    const ring = keyRing([line]);
    const tx = rec({ after: frame, protocol: natT ? 'UDP-ESP' : 'ESP' });
    const p = packetAt(tx)!;
    const layers = dissectPacket(p, ring);
    expect(layers.map((l) => l.protocol)).toEqual(natT ? ['eth', 'ipv4', 'udp', 'udp-encap', 'esp'] : ['eth', 'ipv4', 'esp']);
    const esp = layers.at(-1)!;
    // With the keys the dissector knows the IV (16) and ICV (12) lengths exactly.
    const enc = esp.encrypted![0]!;
    expect(enc.offset).toBe(esp.offset + 8 + 16);
    expect(enc.offset + enc.length).toBe(frame.length - 12);
    const bands = bandsFor(tx, p, layers);
    expect(bands.filter((b) => b.kind === 'encrypted')).toEqual([{ kind: 'encrypted', ...enc }]);
    expect(bands.some((b) => b.kind === 'authenticated')).toBe(true);

    const before = { ...sa.counters };
    const view = decryptedView(p, layers, ring)!;
    if (!view.ok) throw new Error(view.reason);
    expect(view.mode).toBe(mode);
    expect(view.layers.map((l) => l.protocol)).toEqual(['ipv4', 'icmp', 'esp-trailer']);
    if (mode === 'tunnel') expect(Array.from(view.packet.subarray(0, inner.length))).toEqual(Array.from(inner));
    // Looking twice works (no replay state) and the real SA's counters did not move.
    expect(decryptedView(p, layers, ring)!.ok).toBe(true);
    expect(sa.counters).toEqual(before);
  });

  it('says why it cannot decrypt without keys or with wrong ones', () => {
    const { frame, line } = espFrame('tunnel');
    const p = packetAt(rec({ after: frame }))!;
    const none = decryptedView(p, dissectPacket(p, null), keyRing([]))!;
    expect(none).toEqual({ ok: false, reason: 'no keys for SPI 0xc0ffee01 in this run' });
    // Same SPI, different keys: the ICV does not verify.
    const fields = line.split(',');
    fields[7] = `"0x${'11'.repeat(20)}"`;
    const wrongKey = fields.join(',');
    const bad = decryptedView(p, dissectPacket(p, null), keyRing([wrongKey]));
    expect(bad?.ok).toBe(false);
    if (bad && !bad.ok) expect(bad.reason).toMatch(/ICV/);
  });

  it('is not offered for packets without ESP', () => {
    const p = packetAt(rec({ after: emitEthernet({ dst: '02:00:00:00:00:02', src: '02:00:00:00:00:01', etherType: 0x0800 }, innerPacket(60)) }))!;
    expect(decryptedView(p, dissectPacket(p, null), keyRing([]))).toBeNull();
  });
});

describe('ESP from the engine (default lab, IPsec VTI)', () => {
  const run = runTraffic(DEFAULT_LAB, { kind: 'ping', source: 'H1', destination: 'H2', count: 3, size: 100 });
  if (!run.ok) throw new Error(run.error);
  const ring = keyRing(run.espSa);

  it('shows the R1 -> R2 frame as IPv4 (50) > ESP and decrypts it to the echo request inside', () => {
    const tx = run.records.find((r) => r.device === 'R1' && r.point === 'Tx' && r.protocol === 'ESP')!;
    const p = packetAt(tx)!;
    const layers = dissectPacket(p, ring);
    expect(layers.map((l) => l.protocol)).toEqual(['eth', 'ipv4', 'esp']);
    expect(layers[1]!.fields.find((f) => f.name === 'Protocol')!.value).toContain('(50)');
    const view = decryptedView(p, layers, ring)!;
    if (!view.ok) throw new Error(view.reason);
    expect(view.mode).toBe('tunnel');
    expect(view.layers.map((l) => l.protocol)).toEqual(['ipv4', 'icmp', 'esp-trailer']);
    expect(view.layers[1]!.fields.find((f) => f.name === 'Type')!.value).toMatch(/Echo \(ping\) request/);
    // The inner packet is the one R1 forwarded into Tunnel0 (TTL already decremented), then the
    // trailer ESP strips: padding 1, 2, 3 ... to the 16-byte block, pad length, next header.
    const encap = run.records.find((r) => r.device === 'R1' && r.point === 'Encap' && r.packetId === tx.packetId)!;
    expect(Array.from(view.packet.subarray(0, encap.before!.length))).toEqual(Array.from(encap.before!));
    const trailer = view.layers.at(-1)!;
    expect(trailer.protocol).toBe('esp-trailer');
    const padLength = Number(trailer.fields.find((f) => f.name === 'Pad Length')!.value);
    expect((encap.before!.length + padLength + 2) % 16).toBe(0);
    expect(trailer.fields.find((f) => f.name === 'Padding')!.value).toBe(padLength ? Array.from({ length: padLength }, (_, i) => i + 1).join(', ') : 'none');
    expect(trailer.fields.find((f) => f.name === 'Next Header')!.value).toBe('IPv4 (4)');
    expect(view.packet.length).toBe(encap.before!.length + padLength + 2);
  });
});

describe('ESP carrying GRE (built-in GRE over IPsec labs)', () => {
  it.each(['gre-ipsec-transport', 'gre-ipsec-tunnel'])('%s: the wire shows ESP, the decrypted view shows GRE inside', (id) => {
    const lab = BUILTIN_LABS.find((l) => l.id === id)!.lab;
    const run = runTraffic(lab, { kind: 'ping', source: 'H1', destination: 'H2', count: 3, size: 100 });
    if (!run.ok) throw new Error(run.error);
    const ring = keyRing(run.espSa);
    const tx = run.records.find((r) => r.device === 'R1' && r.point === 'Tx' && r.protocol === 'ESP')!;
    const p = packetAt(tx)!;
    const layers = dissectPacket(p, ring);
    expect(layers.map((l) => l.protocol)).toEqual(['eth', 'ipv4', 'esp']);
    const view = decryptedView(p, layers, ring)!;
    if (!view.ok) throw new Error(view.reason);
    expect(view.mode).toBe(id === 'gre-ipsec-transport' ? 'transport' : 'tunnel');
    expect(view.layers.map((l) => l.protocol)).toEqual(['ipv4', 'gre', 'ipv4', 'icmp', 'esp-trailer']);
    // The GRE labs' notes send learners to this field: 47 (GRE) in transport mode, 4 (IPv4) in tunnel mode.
    expect(view.layers.at(-1)!.fields.find((f) => f.name === 'Next Header')!.value).toBe(id === 'gre-ipsec-transport' ? 'GRE (47)' : 'IPv4 (4)');
  });
});
