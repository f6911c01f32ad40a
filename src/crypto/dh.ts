// Diffie-Hellman for IKEv1: MODP groups 1, 2 (RFC 2409 §6), 5 and 14 (RFC 3526), generator 2,
// and ECP groups 19 (P-256) and 20 (P-384) per RFC 5903. Public values go on the wire at a fixed
// length: the prime's length for MODP, x||y without the 0x04 prefix for ECP (RFC 5903 §7).
// The shared secret g^xy is the prime's length for MODP, the x coordinate for ECP (RFC 5903 §9).
import { p256, p384 } from '@noble/curves/nist.js';

export type DhGroup = 1 | 2 | 5 | 14 | 19 | 20;
export const DH_GROUPS: readonly DhGroup[] = [1, 2, 5, 14, 19, 20];

/** Anything that hands out random bytes (SeededRandom in the engine). */
export interface RandomSource {
  bytes(n: number): Uint8Array;
}

// The Oakley primes 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130) pi) + k); the test checks them
// against Node's built-in modp1/2/5/14.
const PI_BITS =
  'c90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a6';
const MODP_HEX: Record<1 | 2 | 5 | 14, string> = {
  1: 'ffffffffffffffff' + PI_BITS + '3a3620ffffffffffffffff',
  2: 'ffffffffffffffff' + PI_BITS + '37ed6b0bff5cb6f406b7edee386bfb5a899fa5ae9f24117c4b1fe649286651ece65381ffffffffffffffff',
  5:
    'ffffffffffffffff' +
    PI_BITS +
    '37ed6b0bff5cb6f406b7edee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf0598da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb9ed529077096966d670c354e4abc9804f1746c08ca237327ffffffffffffffff',
  14:
    'ffffffffffffffff' +
    PI_BITS +
    '37ed6b0bff5cb6f406b7edee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf0598da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3be39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf6955817183995497cea956ae515d2261898fa051015728e5a8aacaa68ffffffffffffffff',
};

const primes = new Map<1 | 2 | 5 | 14, bigint>();

export function modpPrime(group: 1 | 2 | 5 | 14): bigint {
  let p = primes.get(group);
  if (p === undefined) primes.set(group, (p = BigInt('0x' + MODP_HEX[group])));
  return p;
}

const ECP = { 19: { curve: p256, coord: 32 }, 20: { curve: p384, coord: 48 } } as const;

function isModp(g: DhGroup): g is 1 | 2 | 5 | 14 {
  return g !== 19 && g !== 20;
}

/** Bytes of the KE payload's public value for the group. */
export function dhPublicLength(group: DhGroup): number {
  return isModp(group) ? MODP_HEX[group].length / 2 : ECP[group].coord * 2;
}

/** Bytes of the shared secret g^xy. */
export function dhSecretLength(group: DhGroup): number {
  return isModp(group) ? MODP_HEX[group].length / 2 : ECP[group].coord;
}

export interface DhKeyPair {
  group: DhGroup;
  privateKey: Uint8Array;
  publicValue: Uint8Array;
}

/** A fresh key pair; the private value comes from `rng`, so a seed fixes every byte. */
export function dhGenerate(group: DhGroup, rng: RandomSource): DhKeyPair {
  if (isModp(group)) {
    // A 256-bit exponent, as real implementations use for MODP groups rather than one as long
    // as the prime: RFC 3526 section 8 gives 220-320 exponent bits for group 14's 110-160 bits of
    // strength, and OpenSSL picks 2x the security strength (RFC 7919 section 5.2 likewise).
    // Never 0 or 1.
    let x = toBig(rng.bytes(32));
    if (x < 2n) x += 2n;
    return { group, privateKey: fromBig(x, 32), publicValue: fromBig(generatorPow(group, x), dhPublicLength(group)) };
  }
  const { curve, coord } = ECP[group];
  const privateKey = curve.utils.randomSecretKey(rng.bytes(curve.lengths.seed ?? coord + coord / 2));
  return { group, privateKey, publicValue: curve.getPublicKey(privateKey, false).slice(1) };
}

/**
 * A host's faster way to compute a MODP shared secret: peerPublic^privateKey mod p, as
 * big-endian bytes of the prime's length. Node supplies OpenSSL's (src/cli/node-dh.ts); the
 * browser has no such primitive (WebCrypto has no finite-field DH), so it keeps the BigInt code
 * below. Both give the same bytes, which a test checks, so captures stay deterministic.
 */
export type ModpSharedSecret = (group: 1 | 2 | 5 | 14, privateKey: Uint8Array, peerPublic: Uint8Array) => Uint8Array;

let hostModpShared: ModpSharedSecret | undefined;

/** Installs (or with no argument removes) the host's MODP shared-secret primitive. */
export function useModpSharedSecret(fn?: ModpSharedSecret): void {
  hostModpShared = fn;
}

/** g^xy from our private value and the peer's public value; undefined if that value is invalid. */
export function dhShared(group: DhGroup, privateKey: Uint8Array, peerPublic: Uint8Array): Uint8Array | undefined {
  if (peerPublic.length !== dhPublicLength(group)) return undefined;
  if (isModp(group)) {
    const p = modpPrime(group);
    const y = toBig(peerPublic);
    if (y <= 1n || y >= p - 1n) return undefined; // RFC 2631-style range check
    if (hostModpShared) return hostModpShared(group, privateKey, peerPublic);
    return modpSharedPortable(group, privateKey, peerPublic);
  }
  const { curve, coord } = ECP[group];
  const sec1 = new Uint8Array(1 + peerPublic.length);
  sec1[0] = 4;
  sec1.set(peerPublic, 1);
  if (!curve.utils.isValidPublicKey(sec1, false)) return undefined;
  return curve.getSharedSecret(privateKey, sec1, false).slice(1, 1 + coord);
}

/** The BigInt computation of a MODP shared secret, whatever the host offers (tests compare). */
export function modpSharedPortable(group: 1 | 2 | 5 | 14, privateKey: Uint8Array, peerPublic: Uint8Array): Uint8Array {
  return fromBig(modPow(toBig(peerPublic), toBig(privateKey), modpPrime(group)), dhSecretLength(group));
}

// Exponentiation. A 2048-bit multiply-and-reduce with BigInt costs several microseconds and a
// 256-bit exponent needs about 300 of them, so a 100-tunnel lab spends most of its convergence
// here. Both routines below compute exactly base^exp mod p (same bytes as the square-and-multiply
// they replace); they only need fewer multiplications.

/** Bits per window of the generator's table: 52 multiplications per 256-bit exponent. */
const FIXED_WINDOW = 5;
/** Exponent bits the generator's table covers (dhGenerate draws 256); longer ones use modPow. */
const FIXED_BITS = 256;
const fixedTables = new Map<1 | 2 | 5 | 14, bigint[][]>();

/**
 * Fixed-base windowing for the generator 2: table[i][d] = 2^(d * 2^(5i)) mod p, built once per
 * group on first use (about 1,700 multiplications, ~400 KB for group 14), then g^x is one table
 * entry per 5-bit window of x multiplied together: no squarings at all.
 */
function generatorTable(group: 1 | 2 | 5 | 14): bigint[][] {
  const cached = fixedTables.get(group);
  if (cached) return cached;
  const p = modpPrime(group);
  const windows = Math.ceil(FIXED_BITS / FIXED_WINDOW);
  const size = 1 << FIXED_WINDOW;
  const table: bigint[][] = [];
  let base = 2n; // 2^(2^(5i))
  for (let i = 0; i < windows; i++) {
    const row: bigint[] = [1n, base];
    for (let d = 2; d < size; d++) row.push((row[d - 1]! * base) % p);
    table.push(row);
    base = (row[size - 1]! * base) % p; // base^32
  }
  fixedTables.set(group, table);
  return table;
}

/** 2^x mod p for the group's prime. */
function generatorPow(group: 1 | 2 | 5 | 14, x: bigint): bigint {
  const p = modpPrime(group);
  if (x >> BigInt(FIXED_BITS) !== 0n) return modPow(2n, x, p);
  const table = generatorTable(group);
  const mask = BigInt((1 << FIXED_WINDOW) - 1);
  let result = 1n;
  let e = x;
  for (let i = 0; e > 0n; i++, e >>= BigInt(FIXED_WINDOW)) {
    const d = Number(e & mask);
    if (d !== 0) result = result === 1n ? table[i]![d]! : (result * table[i]![d]!) % p;
  }
  return result;
}

/** Left-to-right sliding-window exponentiation (window of up to 5 bits, odd powers precomputed). */
function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  const b = base % mod;
  if (exp === 0n) return 1n % mod;
  const w = 5;
  const b2 = (b * b) % mod;
  const odd: bigint[] = [b]; // b^1, b^3, ..., b^31
  for (let k = 1; k < 1 << (w - 1); k++) odd.push((odd[k - 1]! * b2) % mod);
  const bits = exp.toString(2);
  let result = 1n;
  let i = 0;
  while (i < bits.length) {
    if (bits[i] === '0') {
      result = (result * result) % mod;
      i++;
      continue;
    }
    // The longest window of at most w bits starting here that ends in a 1.
    let j = Math.min(i + w, bits.length);
    while (bits[j - 1] === '0') j--;
    const value = parseInt(bits.slice(i, j), 2);
    for (let k = i; k < j; k++) if (result !== 1n) result = (result * result) % mod;
    result = result === 1n ? odd[value >> 1]! : (result * odd[value >> 1]!) % mod;
    i = j;
  }
  return result;
}

function toBig(b: Uint8Array): bigint {
  let hex = '';
  for (const x of b) hex += x.toString(16).padStart(2, '0');
  return hex ? BigInt('0x' + hex) : 0n;
}

function fromBig(v: bigint, len: number): Uint8Array {
  const hex = v.toString(16).padStart(len * 2, '0');
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
