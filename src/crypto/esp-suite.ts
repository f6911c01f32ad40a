// One interface for every IOS ESP transform pair: a cipher (AES-CBC, AES-GCM, 3DES, DES, NULL)
// and, unless the cipher is AEAD, an HMAC. The suite works on the ESP bytes in place:
//
//   [ SPI | sequence | IV | ciphertext (payload, padding, pad length, next header) | ICV ]
//    0      4          8    8 + ivLength                                  length - icvLength
//
// seal() encrypts the plaintext that the caller placed after the IV and writes the ICV;
// open() checks the ICV first (RFC 4303 3.4.4), then decrypts. Failures are values with a
// reason the simulation shows ("ICV mismatch"), never exceptions.
import { gcm } from '@noble/ciphers/aes.js';
import { createCbc, type CbcAlgorithm } from './cbc.ts';
import type { EspCipherTransform, EspIntegrityTransform } from './esp-transforms.ts';
import { bytesEqual, keyedHmac, type KeyedMac } from './hmac.ts';

export const ESP_HEADER_BYTES = 8;

export type OpenResult = { ok: true; plaintext: Uint8Array } | { ok: false; reason: string };

export interface EspSuite {
  readonly cipher: EspCipherTransform;
  readonly integrity: EspIntegrityTransform | null;
  readonly ivLength: number;
  /** Payload + trailer alignment (RFC 4303 2.4). */
  readonly blockSize: number;
  /** ICV bytes on the wire: the AEAD tag or the truncated HMAC. */
  readonly icvLength: number;
  /** Encrypts esp[8 + ivLength, length - icvLength) in place and writes the ICV at the end. */
  seal(esp: Uint8Array): void;
  /** Verifies and decrypts; on success the plaintext is payload + padding + pad length + next header. */
  open(esp: Uint8Array): OpenResult;
}

export interface EspKeys {
  /** Cipher key; for AES-GCM the key followed by the 4-byte salt (as KEYMAT and Wireshark give it). */
  encryptionKey: Uint8Array;
  /** HMAC key; absent for AEAD ciphers. */
  integrityKey?: Uint8Array;
}

/** KEYMAT bytes one direction of this suite needs: encryption key (+ salt), then integrity key. */
export function espKeymatLength(cipher: EspCipherTransform, integrity: EspIntegrityTransform | null): number {
  return cipher.keyLength + cipher.saltLength + (integrity?.keyLength ?? 0);
}

/** Splits KEYMAT as RFC 2409 5.5 / RFC 4106 8.1 use it: encryption key (+ salt) first, then integrity key. */
export function splitEspKeymat(cipher: EspCipherTransform, integrity: EspIntegrityTransform | null, keymat: Uint8Array): EspKeys {
  const encLength = cipher.keyLength + cipher.saltLength;
  const keys: EspKeys = { encryptionKey: keymat.slice(0, encLength) };
  if (integrity) keys.integrityKey = keymat.slice(encLength, encLength + integrity.keyLength);
  return keys;
}

const CBC_OF: Record<string, CbcAlgorithm> = { 'aes-cbc': 'aes', '3des-cbc': '3des', 'des-cbc': 'des' };

/**
 * Builds the suite for one SA direction. Throws RangeError when the combination is impossible
 * (AES-GCM with an HMAC, esp-null without one) or a key has the wrong length: programming
 * errors, since keys come from KEYMAT sized by espKeymatLength(). An encryption-only CBC suite
 * (no HMAC) is allowed, as IOS allows `transform-set T esp-aes`.
 */
export function createEspSuite(cipher: EspCipherTransform, integrity: EspIntegrityTransform | null, keys: EspKeys): EspSuite {
  if (cipher.aead && integrity) throw new RangeError(`${cipher.showName} is combined-mode: no ${integrity.iosName} allowed`);
  if (cipher.algorithm === 'null' && !integrity) throw new RangeError('esp-null needs an integrity transform');
  const wantEnc = cipher.keyLength + cipher.saltLength;
  if (keys.encryptionKey.length !== wantEnc) {
    throw new RangeError(`${cipher.showName}: encryption key of ${keys.encryptionKey.length} bytes (want ${wantEnc})`);
  }
  let mac: KeyedMac | null = null;
  if (integrity) {
    const k = keys.integrityKey;
    if (!k || k.length !== integrity.keyLength) {
      throw new RangeError(`${integrity.iosName}: integrity key of ${k?.length ?? 0} bytes (want ${integrity.keyLength})`);
    }
    mac = keyedHmac(integrity.hash, k, integrity.icvLength);
  }
  const ivLength = cipher.ivLength;
  const icvLength = cipher.icvLength + (integrity?.icvLength ?? 0);
  const blockSize = cipher.blockSize;
  const start = ESP_HEADER_BYTES + ivLength;

  const encKey = keys.encryptionKey.slice(0, cipher.keyLength);
  const salt = keys.encryptionKey.slice(cipher.keyLength);
  const cbcAlg = CBC_OF[cipher.algorithm];
  const cbcCipher = cbcAlg ? createCbc(cbcAlg, encKey) : null;

  const gcmNonce = (esp: Uint8Array): Uint8Array => {
    const nonce = new Uint8Array(12);
    nonce.set(salt, 0);
    nonce.set(esp.subarray(ESP_HEADER_BYTES, ESP_HEADER_BYTES + 8), 4);
    return nonce;
  };

  return {
    cipher,
    integrity,
    ivLength,
    blockSize,
    icvLength,
    seal(esp) {
      const end = esp.length - icvLength;
      const plain = esp.subarray(start, end);
      if (cipher.algorithm === 'aes-gcm') {
        // RFC 4106: nonce = salt || explicit IV, AAD = SPI || sequence (no ESN), tag = ICV.
        const aad = esp.slice(0, ESP_HEADER_BYTES);
        esp.set(gcm(encKey, gcmNonce(esp), aad).encrypt(plain), start);
      } else if (cbcCipher) {
        esp.set(cbcCipher.encrypt(esp.subarray(ESP_HEADER_BYTES, start), plain), start);
      }
      if (mac) esp.set(mac.mac(esp.subarray(0, end)), end);
    },
    open(esp) {
      if (esp.length < start + 2 + icvLength) return { ok: false, reason: `ESP packet of ${esp.length} bytes is too short for ${cipher.showName}` };
      const end = esp.length - icvLength;
      if (mac) {
        const icv = mac.mac(esp.subarray(0, end));
        if (!bytesEqual(icv, esp.subarray(end))) return { ok: false, reason: 'ICV mismatch' };
      }
      const body = esp.subarray(start, end);
      if (body.length % blockSize !== 0) {
        return { ok: false, reason: `encrypted data of ${body.length} bytes is not a multiple of the ${blockSize}-byte block` };
      }
      if (cipher.algorithm === 'aes-gcm') {
        try {
          const aad = esp.slice(0, ESP_HEADER_BYTES);
          return { ok: true, plaintext: gcm(encKey, gcmNonce(esp), aad).decrypt(esp.subarray(start)) };
        } catch {
          return { ok: false, reason: 'ICV mismatch' };
        }
      }
      if (cbcCipher) return { ok: true, plaintext: cbcCipher.decrypt(esp.subarray(ESP_HEADER_BYTES, start), body) };
      return { ok: true, plaintext: body.slice() };
    },
  };
}
