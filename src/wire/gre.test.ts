import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dissectGre, emitGre, parseGre, type GreHeader } from './gre';
import { toHex } from './bytes';
import { FUZZ_RUNS, bytes, hostileBuffer, mangled, scapy, scapyHex, u16, u32 } from './fixtures/arbitraries';

describe('GRE', () => {
  it('emits the 4-byte header IOS sends, as scapy builds it', () => {
    const outer = scapyHex('gre_ip');
    expect(toHex(emitGre({ protocolType: 0x0800 }, outer.subarray(24)))).toBe(toHex(outer.subarray(20)));
  });

  it('emits and parses RFC 2890 key and sequence number', () => {
    const out = emitGre({ protocolType: 0x0800, key: 0x01020304, sequence: 42 }, new Uint8Array([0x45]));
    expect(toHex(out)).toBe(scapy.gre_key_seq.hex);
    expect(parseGre(out)).toEqual({ ok: true, value: { protocolType: 0x0800, key: 0x01020304, sequence: 42, reserved0: 0, version: 0, payload: new Uint8Array([0x45]) } });
  });

  it('computes the optional checksum as scapy does', () => {
    const out = emitGre({ protocolType: 0x0800, checksum: 'compute' }, new Uint8Array([0x45, 0, 0, 0x14]));
    expect(toHex(out)).toBe(scapy.gre_checksum.hex);
    const bad = out.slice();
    bad[9]! ^= 1;
    expect(parseGre(bad)).toEqual({ ok: false, error: 'GRE: bad checksum' });
    expect(parseGre(bad, { verifyChecksum: false }).ok).toBe(true);
  });

  it('refuses versions other than 0 and the routing bit', () => {
    expect(parseGre(new Uint8Array([0x00, 0x01, 0x88, 0x0b]))).toEqual({ ok: false, error: 'GRE: version 1 not supported (RFC 2784 wants 0)' });
    expect(parseGre(new Uint8Array([0x40, 0x00, 0x08, 0x00])).ok).toBe(false);
    expect(parseGre(new Uint8Array([0x30, 0x00, 0x08, 0x00, 1, 2, 3, 4]))).toEqual({ ok: false, error: 'GRE: truncated (8 of 12 header bytes)' });
  });

  const header = fc.record(
    { protocolType: u16, key: u32, sequence: u32, reserved0: fc.integer({ min: 0, max: 511 }), version: fc.constant(0) },
    { requiredKeys: ['protocolType', 'reserved0', 'version'] },
  );

  it('parse(emit(x)) equals x', () => {
    fc.assert(
      fc.property(header, fc.boolean(), bytes(), (h, withChecksum, payload) => {
        const out = emitGre(withChecksum ? { ...h, checksum: 'compute' } : h, payload);
        const expected: GreHeader & { payload: Uint8Array } = { ...h, payload };
        if (withChecksum) expected.checksum = (out[4]! << 8) | out[5]!;
        expect(parseGre(out)).toEqual({ ok: true, value: expected });
      }),
    );
  });

  it('dissects flags as bit fields and binds the protocol type', () => {
    const b = scapyHex('gre_key_seq');
    const s = dissectGre(b, 0, b.length);
    const flags = s.layer.fields[0]!;
    expect(flags.children!.find((f) => f.name === 'Key Bit')).toMatchObject({ value: 'Set', offset: 0, length: 2, bitOffset: 2, bitWidth: 1 });
    expect(flags.children!.find((f) => f.name === 'Checksum Bit')).toMatchObject({ value: 'Not set', bitOffset: 0 });
    expect(s.layer.fields.map((f) => [f.name, f.value])).toEqual([
      ['Flags and Version', '0x3000'], ['Protocol Type', '0x0800 (IPv4)'], ['Key', '0x01020304 (16909060)'], ['Sequence Number', '42'],
    ]);
    expect(s.bindKeys).toEqual([0x0800]);
    expect(s.payload).toEqual({ offset: 12, length: 1 });
  });

  it('never throws on hostile bytes', () => {
    fc.assert(
      fc.property(fc.oneof(hostileBuffer, mangled(fc.tuple(header, bytes()).map(([h, p]) => emitGre(h, p)))), (b) => {
        const r = parseGre(b);
        if (!r.ok) expect(r.error).toMatch(/^GRE: /);
        const s = dissectGre(b, 0, b.length);
        if (r.ok) expect(s.layer.problem).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
