import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIpv4 } from '../../wire/ipv4';
import { parseUdp } from '../../wire/udp';
import { dissectEspWith, emitEspPlaintext, espPlaintextLength, parseEsp, writeEspHeader } from '../../wire/esp';
import { dissectFrame } from '../../wire/registry';
import { emitIpv4 } from '../../wire/ipv4';
import { espDissectHints, type EspSa } from './sa';
import { espDecapsulate, espEncapsulate, espPeek, espSpiOf } from './esp-process';
import { icmpPacket, saPair, type TestSaOptions } from './fixtures/packets';

const must = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(`unexpected refusal: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
};

const suites: [string, TestSaOptions][] = [
  ['esp-aes esp-sha-hmac', {}],
  ['esp-aes 256 esp-sha256-hmac', { keyBits: 256, integrity: 'esp-sha256-hmac' }],
  ['esp-aes 192 esp-sha384-hmac', { keyBits: 192, integrity: 'esp-sha384-hmac' }],
  ['esp-gcm', { cipher: 'esp-gcm', integrity: null }],
  ['esp-gcm 256', { cipher: 'esp-gcm', keyBits: 256, integrity: null }],
  ['esp-3des esp-md5-hmac', { cipher: 'esp-3des', integrity: 'esp-md5-hmac' }],
  ['esp-des esp-sha512-hmac', { cipher: 'esp-des', integrity: 'esp-sha512-hmac' }],
  ['esp-null esp-sha-hmac', { cipher: 'esp-null' }],
];

describe('ESP tunnel mode', () => {
  it.each(suites)('%s: decapsulate(encapsulate(p)) = p, in tunnel and transport, with and without NAT-T', (_n, o) => {
    for (const mode of ['tunnel', 'transport'] as const) {
      for (const natT of [false, true]) {
        const { out, in: rx } = saPair({ ...o, mode, natT });
        for (const len of [28, 100, 1400]) {
          const inner = icmpPacket(len, { seq: len });
          const enc = must(espEncapsulate(out, inner));
          const dec = must(espDecapsulate(rx, enc.packet));
          expect(dec.packet).toEqual(inner);
          expect(dec.nextHeader).toBe(mode === 'tunnel' ? 4 : 1);
        }
      }
    }
  });

  it('encapsulates the same bytes from an inner header the caller already parsed', () => {
    for (const mode of ['tunnel', 'transport'] as const) {
      for (const opts of [{ df: true, tos: 0xb8 }, { df: false, tos: 0 }]) {
        const plain = saPair({ mode });
        const reused = saPair({ mode });
        const inner = icmpPacket(100, { seq: 9, ...opts });
        const parsed = parseIpv4(new Uint8Array(inner));
        if (!parsed.ok) throw new Error(parsed.error);
        const a = must(espEncapsulate(plain.out, inner, { id: 7 }));
        const b = must(espEncapsulate(reused.out, inner, { id: 7, parsedInner: parsed.value }));
        expect(b.packet).toEqual(a.packet);
      }
    }
  });

  it('decapsulates the same from a header the receive path already parsed (of another copy of the bytes)', () => {
    for (const mode of ['tunnel', 'transport'] as const) {
      for (const natT of [false, true]) {
        const plain = saPair({ mode, natT });
        const reused = saPair({ mode, natT });
        const inner = icmpPacket(100, { seq: 3 });
        const packet = must(espEncapsulate(plain.out, inner)).packet;
        must(espEncapsulate(reused.out, inner));
        // The receive path parses the frame's bytes and delivers a slice: the parse is not a view of `packet`.
        const frameCopy = new Uint8Array([...packet, 0, 0, 0, 0]);
        const parsed = parseIpv4(frameCopy);
        if (!parsed.ok) throw new Error(parsed.error);
        const a = must(espDecapsulate(plain.in, packet));
        const b = must(espDecapsulate(reused.in, packet, parsed.value));
        expect(b).toEqual(a);
        expect(b.packet).toEqual(inner);
      }
    }
  });

  it('builds the outer header: protocol 50, TTL 255, SA endpoints, DF copied, ToS copied', () => {
    const { out } = saPair();
    const enc = must(espEncapsulate(out, icmpPacket(100, { df: true, tos: 0xb8 }), { id: 77 }));
    const ip = must(parseIpv4(enc.packet)).value;
    expect([ip.protocol, ip.ttl, ip.src, ip.dst, ip.df, ip.id, ip.tos]).toEqual([50, 255, '203.0.113.1', '203.0.113.5', true, 77, 0xb8]);
    const noDf = must(parseIpv4(must(espEncapsulate(out, icmpPacket(100, { df: false }))).packet)).value;
    expect(noDf.df).toBe(false);
    const { out: setDf } = saPair({ extra: { dfBit: 'set' } });
    expect(must(parseIpv4(must(espEncapsulate(setDf, icmpPacket(100))).packet)).value.df).toBe(true);
  });

  it('numbers packets from 1 and puts SPI and sequence in the ESP header', () => {
    const { out } = saPair({ spi: 0xc0ffee01 });
    for (let n = 1; n <= 3; n++) {
      const enc = must(espEncapsulate(out, icmpPacket(64)));
      expect(enc.sequence).toBe(n);
      const esp = must(parseEsp(enc.packet.subarray(enc.espOffset))).value;
      expect([esp.spi, esp.sequence]).toEqual([0xc0ffee01, n]);
      expect(espSpiOf(enc.packet)).toBe(0xc0ffee01);
    }
    expect(out.sequence).toBe(3);
    expect(out.counters.encapsulated).toBe(3);
  });

  it('pads 1, 2, 3, ... to the block: 1400-byte inner, esp-aes: 6 pad bytes (1400 + 6 + 2 = 1408)', () => {
    const { out } = saPair();
    const enc = must(espEncapsulate(out, icmpPacket(1400)));
    // outer 20 + ESP 8 + IV 16 + 1408 + ICV 12
    expect(enc.packet.length).toBe(1464);
  });

  it('NAT-T: UDP 4500 -> 4500 with a zero checksum, ESP right after it', () => {
    const { out } = saPair({ natT: true });
    const enc = must(espEncapsulate(out, icmpPacket(100)));
    const ip = must(parseIpv4(enc.packet)).value;
    expect(ip.protocol).toBe(17);
    const udp = must(parseUdp(ip.payload)).value;
    expect([udp.srcPort, udp.dstPort, udp.checksum, udp.length]).toEqual([4500, 4500, 0, ip.payload.length]);
    expect(enc.espOffset).toBe(28);
    expect(espSpiOf(enc.packet)).toBe(0x1a2b3c4d);
  });

  it('transport mode keeps the original header (addresses, TTL, id) and changes the protocol', () => {
    const { out } = saPair({ mode: 'transport' });
    const inner = icmpPacket(200, { id: 4242 });
    const ip = must(parseIpv4(must(espEncapsulate(out, inner)).packet)).value;
    expect([ip.src, ip.dst, ip.ttl, ip.id, ip.protocol]).toEqual(['10.1.1.10', '10.2.2.10', 254, 4242, 50]);
  });

  it('is deterministic: the same seed gives the same bytes', () => {
    const a = must(espEncapsulate(saPair().out, icmpPacket(300))).packet;
    const b = must(espEncapsulate(saPair().out, icmpPacket(300))).packet;
    expect(a).toEqual(b);
    const c = must(espEncapsulate(saPair({ seed: 'other' }).out, icmpPacket(300))).packet;
    expect(c).not.toEqual(a);
  });
});

describe('ESP receive refusals', () => {
  it('a flipped ciphertext bit: "ICV mismatch", counted, window unchanged', () => {
    for (const o of [{}, { cipher: 'esp-gcm', integrity: null }] as TestSaOptions[]) {
      const { out, in: rx } = saPair(o);
      const enc = must(espEncapsulate(out, icmpPacket(100))).packet;
      enc[enc.length - 20]! ^= 0x80;
      expect(espDecapsulate(rx, enc)).toEqual({ ok: false, reason: 'ICV mismatch', sequence: 1 });
      expect(rx.counters.icvFailures).toBe(1);
      expect(rx.replay!.highest).toBe(0);
    }
  });

  it('a replayed packet: "replayed sequence N"', () => {
    const { out, in: rx } = saPair();
    const p1 = must(espEncapsulate(out, icmpPacket(100))).packet;
    must(espDecapsulate(rx, p1));
    expect(espDecapsulate(rx, p1)).toEqual({ ok: false, reason: 'replayed sequence 1', sequence: 1 });
    expect(rx.counters.replayFailures).toBe(1);
  });

  it('an old packet: "sequence N is left of the window"', () => {
    const { out, in: rx } = saPair();
    const first = must(espEncapsulate(out, icmpPacket(60))).packet;
    for (let i = 0; i < 70; i++) must(espDecapsulate(rx, must(espEncapsulate(out, icmpPacket(60))).packet));
    const r = espDecapsulate(rx, first);
    expect(r).toEqual({ ok: false, reason: 'sequence 1 is left of the window (highest 71, window 64)', sequence: 1 });
  });

  it('packets out of order inside the window are accepted', () => {
    const { out, in: rx } = saPair();
    const ps = [1, 2, 3, 4].map(() => must(espEncapsulate(out, icmpPacket(60))).packet);
    for (const i of [3, 0, 2, 1]) must(espDecapsulate(rx, ps[i]!));
  });

  it('a wrong key gives ICV mismatch; a wrong SPI, a non-ESP packet and IKE on 4500 say why', () => {
    const { out } = saPair();
    const { in: other } = saPair({ seed: 'other' });
    const p = must(espEncapsulate(out, icmpPacket(100))).packet;
    expect(espDecapsulate(other, p)).toMatchObject({ ok: false, reason: 'ICV mismatch' });
    const { in: otherSpi } = saPair({ spi: 0x5000 });
    expect(espDecapsulate(otherSpi, p)).toMatchObject({ ok: false, reason: 'SPI 0x1a2b3c4d is not this SA\'s (0x00005000)' });
    expect(espDecapsulate(otherSpi, icmpPacket(100))).toEqual({ ok: false, reason: 'IP protocol 1 is not ESP' });
  });

  it('bad padding under a valid ICV is refused with the byte (encryption-only SA, wrong key)', () => {
    const { out } = saPair({ integrity: null });
    const { in: wrongKey } = saPair({ integrity: null, seed: 'other' });
    const p = must(espEncapsulate(out, icmpPacket(100))).packet;
    const r = espDecapsulate(wrongKey, p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/padding|pad length|next header|inner packet/);
  });

  it('a tunnel SA refuses a wrong next header and an inner packet that is not IPv4', () => {
    const { out, in: rx } = saPair();
    /** Hand-built ESP with any payload and next header, sealed with the SA's real keys. */
    const forge = (sa: EspSa, payload: Uint8Array, nextHeader: number, sequence: number) => {
      const s = sa.suite;
      const esp = new Uint8Array(8 + s.ivLength + espPlaintextLength(payload.length, s.blockSize) + s.icvLength);
      writeEspHeader(esp, 0, { spi: sa.spi, sequence });
      emitEspPlaintext({ payload, nextHeader }, s.blockSize, esp, 8 + s.ivLength);
      s.seal(esp);
      return emitIpv4({ src: '203.0.113.1', dst: '203.0.113.5', protocol: 50 }, esp);
    };
    expect(espDecapsulate(rx, forge(out, icmpPacket(60), 47, 1))).toEqual({ ok: false, reason: 'next header 47 in a tunnel-mode SA (expected 4, IPv4)', sequence: 1 });
    expect(espDecapsulate(rx, forge(out, Uint8Array.of(0x60, 1, 2, 3), 4, 2))).toMatchObject({ ok: false, reason: 'decrypted inner packet: 4 bytes is shorter than an IPv4 header' });
    const truncated = icmpPacket(60).slice(0, 40);
    expect(espDecapsulate(rx, forge(out, truncated, 4, 3))).toMatchObject({ ok: false, reason: 'decrypted inner packet: bad lengths (header 20, total 60, 40 bytes)' });
  });

  it('transport mode refuses an IPv4 fragment; tunnel mode carries it whole', () => {
    const frag = emitIpv4({ src: '10.1.1.10', dst: '10.2.2.10', protocol: 1, mf: true }, new Uint8Array(64));
    expect(espEncapsulate(saPair({ mode: 'transport' }).out, frag)).toEqual({ ok: false, reason: 'transport mode cannot protect an IPv4 fragment' });
    const { out, in: rx } = saPair();
    expect(must(espDecapsulate(rx, must(espEncapsulate(out, frag)).packet)).packet).toEqual(frag);
  });

  it('sequence exhaustion is refused at 2^32 - 1 (no ESN)', () => {
    const { out } = saPair();
    out.sequence = 0xffffffff;
    expect(espEncapsulate(out, icmpPacket(60)).ok).toBe(false);
  });

  it('never throws on random or mangled packets (fuzz)', () => {
    const { out, in: rx } = saPair({ natT: true });
    const good = must(espEncapsulate(out, icmpPacket(120))).packet;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 160 }), fc.integer({ min: 0, max: good.length - 1 }), fc.boolean(), (junk, at, mangle) => {
        const input = mangle ? good.slice() : junk;
        if (mangle) input[at]! ^= junk[0] ?? 1;
        const r = espDecapsulate(rx, input);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('dissecting our ESP with the SA known', () => {
  it('splits IV, encrypted data and ICV exactly (registry + hints)', () => {
    const { out } = saPair({ cipher: 'esp-aes', integrity: 'esp-sha256-hmac', natT: true });
    const enc = must(espEncapsulate(out, icmpPacket(100)));
    const layers = dissectFrame(enc.packet, 'ipv4', { dissectors: { esp: dissectEspWith(espDissectHints(out)) } });
    expect(layers.map((l) => l.protocol)).toEqual(['ipv4', 'udp', 'udp-encap', 'esp']);
    const esp = layers[3]!;
    expect(esp.fields.map((f) => [f.name, f.offset, f.length])).toEqual([
      ['ESP SPI', 28, 4],
      ['ESP Sequence', 32, 4],
      ['ESP IV', 36, 16],
      ['ESP Encrypted Data', 52, 112], // 100 + 10 pad + 2
      ['ESP ICV', 164, 16],
    ]);
    expect(esp.authenticated).toEqual([{ offset: 28, length: 136 }]);
  });
});

describe('espPeek (the inspector\'s view)', () => {
  it('decrypts without moving the window or the counters, and says where things are', () => {
    const { out, in: rx } = saPair({ natT: true });
    const inner = icmpPacket(100);
    const enc = must(espEncapsulate(out, inner));
    const peek = must(espPeek(rx, enc.packet));
    expect(peek.packet).toEqual(inner);
    expect([peek.espOffset, peek.padLength, peek.nextHeader, peek.sequence]).toEqual([28, 10, 4, 1]);
    expect(peek.plaintext.length).toBe(112);
    expect(rx.replay!.highest).toBe(0);
    expect(rx.counters.decapsulated).toBe(0);
    must(espDecapsulate(rx, enc.packet));
    expect(must(espPeek(rx, enc.packet)).packet).toEqual(inner); // a replay, but peeking is fine
    enc.packet[enc.packet.length - 1]! ^= 1;
    expect(espPeek(rx, enc.packet)).toEqual({ ok: false, reason: 'ICV mismatch', sequence: 1 });
    expect(rx.counters.icvFailures).toBe(0);
  });
});
