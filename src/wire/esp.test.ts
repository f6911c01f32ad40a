import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromHex, toHex } from './bytes';
import {
  dissectEsp,
  dissectEspWith,
  emitEsp,
  emitEspPlaintext,
  espPadLength,
  espPlaintextLength,
  espTrailerFields,
  parseEsp,
  parseEspPlaintext,
} from './esp';
import fixtures from './fixtures/esp_scapy.json';

const scapyEsp = fromHex(fixtures.esp_ip.hex).subarray(20);

describe('ESP header', () => {
  it('deconstructs the ESP packet scapy built', () => {
    const r = parseEsp(scapyEsp);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.spi).toBe(fixtures.esp_ip.spi);
    expect(r.value.sequence).toBe(fixtures.esp_ip.seq);
    expect(toHex(r.value.body.subarray(0, 16))).toBe('101112131415161718191a1b1c1d1e1f');
  });

  it('constructs the same bytes back', () => {
    const r = parseEsp(scapyEsp);
    if (!r.ok) throw new Error(r.error);
    expect(emitEsp(r.value)).toEqual(scapyEsp);
  });

  it('emits SPI and sequence big-endian', () => {
    expect(toHex(emitEsp({ spi: 0x1a2b3c4d, sequence: 0x01020304, body: Uint8Array.of(9) }))).toBe('1a2b3c4d0102030409');
  });

  it('refuses a truncated header and the reserved SPI 0', () => {
    expect(parseEsp(new Uint8Array(7))).toEqual({ ok: false, error: 'ESP: truncated (7 of 8 header bytes)' });
    expect(parseEsp(new Uint8Array(8))).toEqual({ ok: false, error: 'ESP: SPI 0 is reserved' });
  });

  it('parse(emit(x)) = x (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.uint8Array({ maxLength: 64 }), (spi, sequence, body) => {
        const r = parseEsp(emitEsp({ spi, sequence, body }));
        expect(r).toEqual({ ok: true, value: { spi, sequence, body } });
      }),
    );
  });

  it('never throws on random bytes (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), (b) => {
        expect(typeof parseEsp(b).ok).toBe('boolean');
        expect(typeof parseEspPlaintext(b).ok).toBe('boolean');
        const step = dissectEsp(b, 0, b.length);
        expect(step.layer.protocol).toBe('esp');
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('ESP trailer (RFC 4303 2.4)', () => {
  it('pads payload + 2 to the block size', () => {
    expect(espPadLength(1400, 16)).toBe(6); // 1400 + 6 + 2 = 1408
    expect(espPadLength(14, 16)).toBe(0);
    expect(espPadLength(1400, 4)).toBe(2);
    expect(espPadLength(84, 8)).toBe(2);
    expect(espPlaintextLength(1424, 16)).toBe(1440);
  });

  it('writes padding 1, 2, 3, ..., then pad length and next header', () => {
    const p = emitEspPlaintext({ payload: Uint8Array.of(0xaa, 0xbb, 0xcc), nextHeader: 4 }, 8);
    expect(toHex(p)).toBe('aabbcc010203' + '03' + '04');
  });

  it('reads the trailer of scapy-decrypted plaintext (a known packet)', () => {
    const plain = fromHex('aabbcc0102030304');
    expect(parseEspPlaintext(plain)).toEqual({ ok: true, value: { payload: fromHex('aabbcc'), padLength: 3, nextHeader: 4 } });
  });

  it('refuses wrong padding bytes and an impossible pad length', () => {
    expect(parseEspPlaintext(fromHex('aabbcc0109030304'))).toEqual({ ok: false, error: 'ESP: bad padding (byte 2 is 9, expected 2)' });
    expect(parseEspPlaintext(fromHex('aa0904'))).toEqual({ ok: false, error: 'ESP: pad length 9 is longer than the 1 bytes before it' });
    expect(parseEspPlaintext(Uint8Array.of(4)).ok).toBe(false);
  });

  it('parse(emit(x)) = x for every block size (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.integer({ min: 0, max: 255 }), fc.constantFrom(4, 8, 16), (payload, nextHeader, block) => {
        const plain = emitEspPlaintext({ payload, nextHeader }, block);
        expect(plain.length % block).toBe(0);
        expect(parseEspPlaintext(plain)).toEqual({ ok: true, value: { payload, padLength: espPadLength(payload.length, block), nextHeader } });
      }),
    );
  });

  it('writes into a caller buffer at an offset', () => {
    const out = new Uint8Array(12).fill(0xee);
    const written = emitEspPlaintext({ payload: Uint8Array.of(1, 2, 3), nextHeader: 47 }, 4, out, 4);
    expect(toHex(out)).toBe('eeeeeeee' + '010203' + '010203' + '03' + '2f');
    expect(written.length).toBe(8);
  });
});

describe('ESP dissect', () => {
  it('gives SPI, sequence, IV, encrypted data and ICV with ranges, with SA hints', () => {
    const frame = fromHex(fixtures.esp_ip.hex);
    const step = dissectEspWith({ ivLength: 16, icvLength: 12 })(frame, 20, frame.length);
    const { layer } = step;
    expect(layer.title).toBe('Encapsulating Security Payload, SPI: 0x1a2b3c4d, Seq: 7');
    expect(layer.fields.map((f) => [f.name, f.offset, f.length])).toEqual([
      ['ESP SPI', 20, 4],
      ['ESP Sequence', 24, 4],
      ['ESP IV', 28, 16],
      ['ESP Encrypted Data', 44, frame.length - 12 - 44],
      ['ESP ICV', frame.length - 12, 12],
    ]);
    expect(layer.fields[0]!.value).toBe('0x1a2b3c4d (439041101)');
    expect(layer.encrypted).toEqual([{ offset: 44, length: frame.length - 12 - 44 }]);
    expect(layer.authenticated).toEqual([{ offset: 20, length: frame.length - 12 - 20 }]);
    expect(layer.problem).toBeUndefined();
    expect(step.payload).toBeUndefined();
  });

  it('without hints assumes a 12-byte ICV and says so', () => {
    const frame = fromHex(fixtures.esp_ip.hex);
    const { layer } = dissectEsp(frame, 20, frame.length);
    const names = layer.fields.map((f) => f.name);
    expect(names).toContain('ESP ICV (assumed 12 bytes: the SA is unknown)');
    expect(names).toContain('ESP Encrypted Data (IV and ciphertext; IV length unknown)');
    expect(layer.encrypted).toEqual([{ offset: 28, length: frame.length - 12 - 28 }]);
  });

  it('reports truncation instead of throwing', () => {
    const { layer } = dissectEsp(Uint8Array.of(1, 2, 3), 0, 3);
    expect(layer.problem).toMatch(/Truncated ESP header/);
    const short = dissectEspWith({ ivLength: 16, icvLength: 16 })(new Uint8Array(20).fill(1), 0, 20).layer;
    expect(short.problem).toBe('Too short for a 16-byte IV and a 16-byte ICV');
  });

  it('shows the decrypted trailer fields', () => {
    const r = espTrailerFields(fromHex('aabbcc0102030304'), 100);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.payload).toEqual({ offset: 100, length: 3 });
    expect(r.value.fields.map((f) => [f.name, f.value, f.offset])).toEqual([
      ['ESP Pad', '(3 bytes: 1, 2, 3, ...)', 103],
      ['ESP Pad Length', '3', 106],
      ['Next Header', 'IPIP (4)', 107],
    ]);
  });
});
