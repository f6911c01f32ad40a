import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesToHex, hexToBytes } from '@noble/ciphers/utils.js';
import { gcm } from '@noble/ciphers/aes.js';
import { createEspSuite, espKeymatLength, splitEspKeymat, type EspSuite } from './esp-suite.ts';
import { ESP_CIPHERS, ESP_INTEGRITIES, espCipher, espIntegrity, type EspCipherTransform, type EspIntegrityTransform } from './esp-transforms.ts';
import { cbcEncrypt } from './cbc.ts';
import { hmacOnce } from './hmac.ts';

const fill = (n: number, start: number) => Uint8Array.from({ length: n }, (_, i) => (start + i * 13) & 0xff);

function suiteFor(cipher: EspCipherTransform, integrity: EspIntegrityTransform | null): EspSuite {
  return createEspSuite(cipher, integrity, splitEspKeymat(cipher, integrity, fill(espKeymatLength(cipher, integrity), 7)));
}

/** An ESP buffer with header, IV and a block-aligned plaintext, ICV room at the end. */
function layout(s: EspSuite, plaintext: Uint8Array): Uint8Array {
  const esp = new Uint8Array(8 + s.ivLength + plaintext.length + s.icvLength);
  esp.set([0x1a, 0x2b, 0x3c, 0x4d, 0, 0, 0, 1]);
  esp.set(fill(s.ivLength, 99), 8);
  esp.set(plaintext, 8 + s.ivLength);
  return esp;
}

const pairs: [EspCipherTransform, EspIntegrityTransform | null][] = [
  ...ESP_CIPHERS.filter((c) => !c.aead).flatMap((c) => ESP_INTEGRITIES.map((i) => [c, i] as [EspCipherTransform, EspIntegrityTransform])),
  ...ESP_CIPHERS.filter((c) => c.aead).map((c) => [c, null] as [EspCipherTransform, null]),
  ...ESP_CIPHERS.filter((c) => c.algorithm !== 'null' && !c.aead).map((c) => [c, null] as [EspCipherTransform, null]),
];

describe('ESP suites', () => {
  it.each(pairs.map(([c, i]) => [`${c.showName} ${i?.iosName ?? '(no integrity)'}`, c, i] as const))('%s: open(seal(x)) = x, and a flipped bit is refused', (_n, c, i) => {
    const s = suiteFor(c, i);
    const plain = fill(s.blockSize * 5, 1);
    const esp = layout(s, plain);
    s.seal(esp);
    if (c.algorithm !== 'null') expect(esp.subarray(8 + s.ivLength, 8 + s.ivLength + plain.length)).not.toEqual(plain);
    const opened = s.open(esp);
    expect(opened).toEqual({ ok: true, plaintext: plain });
    if (s.icvLength > 0) {
      esp[esp.length - s.icvLength - 1]! ^= 0x01;
      expect(s.open(esp)).toEqual({ ok: false, reason: 'ICV mismatch' });
    }
  });

  it('esp-aes esp-sha-hmac is AES-CBC of the plaintext, then HMAC-SHA1-96 over header, IV and ciphertext', () => {
    const c = espCipher('esp-aes');
    const i = espIntegrity('esp-sha-hmac');
    const encKey = fill(16, 1);
    const authKey = fill(20, 2);
    const s = createEspSuite(c, i, { encryptionKey: encKey, integrityKey: authKey });
    const plain = fill(32, 3);
    const esp = layout(s, plain);
    s.seal(esp);
    const iv = esp.slice(8, 24);
    expect(esp.slice(24, 56)).toEqual(cbcEncrypt('aes', encKey, iv, plain));
    expect(esp.slice(56)).toEqual(hmacOnce('sha1', authKey, esp.slice(0, 56)).slice(0, 12));
  });

  it('esp-gcm is RFC 4106: nonce = salt || explicit IV, AAD = SPI || sequence, 16-byte tag', () => {
    const keymat = hexToBytes('feffe9928665731c6d6a8f9467308308' + 'cafebabe');
    const s = createEspSuite(espCipher('esp-gcm'), null, { encryptionKey: keymat });
    const plain = fill(24, 5);
    const esp = layout(s, plain);
    s.seal(esp);
    const nonce = hexToBytes('cafebabe' + bytesToHex(esp.slice(8, 16)));
    const expected = gcm(keymat.slice(0, 16), nonce, esp.slice(0, 8)).encrypt(plain);
    expect(esp.slice(16)).toEqual(expected);
    expect(s.icvLength).toBe(16);
  });

  it('a GCM packet with a changed sequence number (AAD) fails authentication', () => {
    const s = suiteFor(espCipher('esp-gcm-256'), null);
    const esp = layout(s, fill(16, 0));
    s.seal(esp);
    esp[7] = 2;
    expect(s.open(esp)).toEqual({ ok: false, reason: 'ICV mismatch' });
  });

  it('refuses a packet too short for the suite, and a ciphertext that is not whole blocks', () => {
    const s = suiteFor(espCipher('esp-aes'), espIntegrity('esp-sha-hmac'));
    const r = s.open(new Uint8Array(30));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/too short/);
    const noMac = suiteFor(espCipher('esp-3des'), null);
    const bad = noMac.open(new Uint8Array(8 + 8 + 12));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/not a multiple of the 8-byte block/);
  });

  it('never throws on random bytes (fuzz)', () => {
    const suites = pairs.map(([c, i]) => suiteFor(c, i));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: suites.length - 1 }), fc.uint8Array({ maxLength: 200 }), (k, bytes) => {
        const r = suites[k]!.open(bytes);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 10_000 },
    );
  });

  it('sizes and splits KEYMAT: encryption key (+ salt) first, then the HMAC key', () => {
    expect(espKeymatLength(espCipher('esp-aes'), espIntegrity('esp-sha-hmac'))).toBe(36);
    expect(espKeymatLength(espCipher('esp-gcm-256'), null)).toBe(36);
    expect(espKeymatLength(espCipher('esp-3des'), espIntegrity('esp-md5-hmac'))).toBe(40);
    const keymat = fill(36, 0);
    const k = splitEspKeymat(espCipher('esp-aes'), espIntegrity('esp-sha-hmac'), keymat);
    expect(k.encryptionKey).toEqual(keymat.slice(0, 16));
    expect(k.integrityKey).toEqual(keymat.slice(16, 36));
  });

  it('refuses wrong combinations and key lengths', () => {
    expect(() => createEspSuite(espCipher('esp-gcm'), espIntegrity('esp-sha-hmac'), { encryptionKey: new Uint8Array(20), integrityKey: new Uint8Array(20) })).toThrow(RangeError);
    expect(() => createEspSuite(espCipher('esp-aes'), null, { encryptionKey: new Uint8Array(32) })).toThrow(/want 16/);
    expect(() => createEspSuite(espCipher('esp-null'), null, { encryptionKey: new Uint8Array(0) })).toThrow(RangeError);
    expect(() => createEspSuite(espCipher('esp-aes'), espIntegrity('esp-sha-hmac'), { encryptionKey: new Uint8Array(16) })).toThrow(/want 20/);
  });
});
