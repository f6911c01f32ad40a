// Encrypting and decrypting ISAKMP message bodies (RFC 2409 Appendix B): CBC under the phase-1
// key, the body padded with zeros to the block size, the IV chained from the last cipher block.
import { type CbcAlgorithm, cbcBlockSize, cbcDecrypt, cbcEncrypt } from '../../crypto/cbc';
import { type IsakmpMessage, type IsakmpPayload, Flags, emit, emitChain, parse, parseChain, payloadTypeOf } from '../../wire/isakmp';

export interface CipherState {
  algorithm: CbcAlgorithm;
  key: Uint8Array;
}

export function algorithmOf(encryption: 'des' | '3des' | 'aes'): CbcAlgorithm {
  return encryption;
}

/** Emits an encrypted message; returns its bytes and the last cipher block (the next IV). */
export function sealMessage(c: CipherState, iv: Uint8Array, head: Omit<IsakmpMessage, 'payloads' | 'encrypted' | 'flags'> & { flags?: number }, payloads: IsakmpPayload[]): { bytes: Uint8Array; nextIv: Uint8Array } {
  const plain = emitChain(payloads);
  const block = cbcBlockSize(c.algorithm);
  const padded = new Uint8Array(Math.ceil(Math.max(plain.length, 1) / block) * block);
  padded.set(plain);
  const ct = cbcEncrypt(c.algorithm, c.key, iv, padded);
  const first = payloads[0];
  const bytes = emit({ ...head, flags: (head.flags ?? 0) | Flags.Encryption, nextPayload: first ? payloadTypeOf(first) : 0, payloads: [], encrypted: ct });
  return { bytes, nextIv: ct.slice(ct.length - block) };
}

export type OpenResult = { ok: true; payloads: IsakmpPayload[]; nextIv: Uint8Array } | { ok: false; error: string };

/** Decrypts an encrypted message's body with `iv` and parses its payload chain. */
export function openMessage(c: CipherState, iv: Uint8Array, msg: IsakmpMessage & { nextPayload: number }): OpenResult {
  const ct = msg.encrypted;
  if (!ct) return { ok: false, error: 'message is not encrypted' };
  const block = cbcBlockSize(c.algorithm);
  if (ct.length === 0 || ct.length % block !== 0) return { ok: false, error: `encrypted body of ${ct.length} bytes is not a whole number of ${block}-byte blocks` };
  const plain = cbcDecrypt(c.algorithm, c.key, iv, ct);
  const chain = parseChain(msg.nextPayload, plain);
  if (!chain.ok) return { ok: false, error: chain.error };
  return { ok: true, payloads: chain.value, nextIv: ct.slice(ct.length - block) };
}

export { parse as parseIsakmp };
