import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readPcapng, writePcapng, type CapturedPacket } from './pcapng';
import { toHex } from './bytes';
import { FUZZ_RUNS, hostileBuffer, mangled } from './fixtures/arbitraries';

describe('pcapng writer', () => {
  it('writes the section header, interface and packet blocks byte for byte', () => {
    const file = writePcapng([{ name: 'R1 Gi1 - R2 Gi1' }], [{ interfaceId: 0, timestampUs: 0x1_0000_0002, data: Uint8Array.of(0xaa, 0xbb, 0xcc) }], { application: 'T' });
    const name = toHex(new TextEncoder().encode('R1 Gi1 - R2 Gi1'));
    const shb = // type, length 40, byte-order magic, version 1.0, section length -1, shb_userappl "T" padded, opt_endofopt, length
      '0a0d0d0a' + '28000000' + '4d3c2b1a' + '0100' + '0000' + 'ffffffffffffffff' + '0400' + '0100' + '54000000' + '00000000' + '28000000';
    const idb = // type 1, length 52, link type 1, reserved, snaplen 0, if_name (15 bytes + 1 pad), if_tsresol 6 (microseconds), end, length
      '01000000' + '34000000' + '0100' + '0000' + '00000000' + '0200' + '0f00' + name + '00' + '0900' + '0100' + '06000000' + '00000000' + '34000000';
    const epb = // type 6, length 36, interface 0, timestamp high 1 / low 2, captured 3, original 3, data padded to 4, length
      '06000000' + '24000000' + '00000000' + '01000000' + '02000000' + '03000000' + '03000000' + 'aabbcc00' + '24000000';
    expect(toHex(file)).toBe(shb + idb + epb);
  });

  const packet = (nIf: number): fc.Arbitrary<CapturedPacket> =>
    fc.record(
      { interfaceId: fc.integer({ min: 0, max: nIf - 1 }), timestampUs: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), data: fc.uint8Array({ maxLength: 70 }), comment: fc.string({ minLength: 1, maxLength: 10 }) },
      { requiredKeys: ['interfaceId', 'timestampUs', 'data'] },
    );
  const capture = fc
    .array(fc.record({ name: fc.string({ maxLength: 40 }) }), { minLength: 1, maxLength: 4 })
    .chain((interfaces) => fc.tuple(fc.constant(interfaces), fc.array(packet(interfaces.length), { maxLength: 6 })));

  it('reads back what it writes; every block is 32-bit aligned', () => {
    fc.assert(
      fc.property(capture, ([interfaces, packets]) => {
        const file = writePcapng(interfaces, packets);
        expect(file.length % 4).toBe(0);
        const r = readPcapng(file);
        expect(r).toEqual({
          ok: true,
          value: {
            interfaces: interfaces.map((i) => ({ name: i.name, linkType: 1, snapLength: 0 })),
            packets: packets.map((p) => ({ ...p, originalLength: p.data.length })),
          },
        });
      }),
    );
  });

  it('refuses a packet on an undeclared interface', () => {
    expect(() => writePcapng([], [{ interfaceId: 0, timestampUs: 0, data: new Uint8Array(1) }])).toThrow(RangeError);
  });

  it('reader never throws on damaged files', () => {
    fc.assert(
      fc.property(fc.oneof(hostileBuffer, mangled(capture.map(([i, p]) => writePcapng(i, p)))), (b) => {
        const r = readPcapng(b);
        if (!r.ok) expect(r.error).toMatch(/^pcapng: /);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
