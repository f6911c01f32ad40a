import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromHex } from './bytes';
import { dissectUdpEncap, emitUdpEncap, parseUdpEncap, udpEncapLength, UdpEncapBindKey, type UdpEncapPayload } from './udp-encap';
import fixtures from './fixtures/esp_scapy.json';

/** The UDP payload of an IPv4/UDP fixture without options. */
const udpPayload = (hex: string) => fromHex(hex).subarray(28);

describe('UDP-encapsulated IPsec (RFC 3948)', () => {
  it('reads scapy ESP-in-UDP as ESP starting with the SPI', () => {
    const r = parseUdpEncap(udpPayload(fixtures.esp_udp.hex));
    expect(r.ok && r.value.kind).toBe('esp');
    if (r.ok && r.value.kind === 'esp') expect(r.value.esp.subarray(0, 4)).toEqual(Uint8Array.of(0, 0, 0x20, 0x02));
  });

  it('reads IKE after the non-ESP marker', () => {
    const r = parseUdpEncap(udpPayload(fixtures.ike_udp.hex));
    expect(r).toEqual({ ok: true, value: { kind: 'ike', ike: fromHex(fixtures.ike_udp.ike) } });
  });

  it('reads the NAT keepalive', () => {
    expect(parseUdpEncap(udpPayload(fixtures.keepalive_udp.hex))).toEqual({ ok: true, value: { kind: 'keepalive' } });
  });

  it('emits the same UDP payloads scapy built', () => {
    expect(emitUdpEncap({ kind: 'ike', ike: fromHex(fixtures.ike_udp.ike) })).toEqual(udpPayload(fixtures.ike_udp.hex));
    expect(emitUdpEncap({ kind: 'keepalive' })).toEqual(udpPayload(fixtures.keepalive_udp.hex));
    const esp = udpPayload(fixtures.esp_udp.hex);
    expect(emitUdpEncap({ kind: 'esp', esp })).toEqual(esp);
  });

  it('refuses payloads that are none of the three', () => {
    expect(parseUdpEncap(Uint8Array.of(0)).ok).toBe(false);
    expect(parseUdpEncap(Uint8Array.of(0xff, 0xff)).ok).toBe(false);
    expect(parseUdpEncap(Uint8Array.of(0, 0, 0, 1, 0)).ok).toBe(false);
  });

  it('parse(emit(x)) = x (property)', () => {
    const arb: fc.Arbitrary<UdpEncapPayload> = fc.oneof(
      fc.constant({ kind: 'keepalive' as const }),
      fc.uint8Array({ maxLength: 64 }).map((ike) => ({ kind: 'ike' as const, ike })),
      fc.tuple(fc.integer({ min: 1, max: 0xffffffff }), fc.uint8Array({ minLength: 4, maxLength: 64 })).map(([spi, rest]) => {
        const esp = new Uint8Array(rest.length + 4);
        new DataView(esp.buffer).setUint32(0, spi);
        esp.set(rest, 4);
        return { kind: 'esp' as const, esp };
      }),
    );
    fc.assert(
      fc.property(arb, (p) => {
        const bytes = emitUdpEncap(p);
        expect(bytes.length).toBe(udpEncapLength(p));
        expect(parseUdpEncap(bytes)).toEqual({ ok: true, value: p });
      }),
    );
  });

  it('never throws on random bytes (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        expect(typeof parseUdpEncap(b).ok).toBe('boolean');
        expect(dissectUdpEncap(b, 0, b.length).layer.protocol).toBe('udp-encap');
      }),
      { numRuns: 10_000 },
    );
  });

  it('dissects: IKE after the marker goes on with key 500, ESP with key 50, keepalive stops', () => {
    const ike = fromHex(fixtures.ike_udp.hex);
    const s1 = dissectUdpEncap(ike, 28, ike.length);
    expect(s1.layer.fields.map((f) => [f.name, f.offset, f.length])).toEqual([['Non-ESP Marker', 28, 4]]);
    expect(s1.payload).toEqual({ offset: 32, length: ike.length - 32 });
    expect(s1.bindKeys).toEqual([UdpEncapBindKey.IKE]);

    const esp = fromHex(fixtures.esp_udp.hex);
    const s2 = dissectUdpEncap(esp, 28, esp.length);
    expect(s2.payload).toEqual({ offset: 28, length: esp.length - 28 });
    expect(s2.bindKeys).toEqual([UdpEncapBindKey.ESP]);

    const ka = fromHex(fixtures.keepalive_udp.hex);
    const s3 = dissectUdpEncap(ka, 28, ka.length);
    expect(s3.layer.title).toMatch(/NAT-keepalive/);
    expect(s3.payload).toBeUndefined();

    expect(dissectUdpEncap(Uint8Array.of(0, 0), 0, 2).layer.problem).toMatch(/neither/);
  });
});
