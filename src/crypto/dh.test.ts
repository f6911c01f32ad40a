import { describe, expect, it } from 'vitest';
import { createDiffieHellman, createECDH, getDiffieHellman } from 'node:crypto';
import { DH_GROUPS, dhGenerate, dhPublicLength, dhSecretLength, dhShared, modpPrime } from './dh';
import { SeededRandom } from './rng';

const hex = (b: Uint8Array | Buffer) => Buffer.from(b).toString('hex');

describe('Diffie-Hellman groups', () => {
  it('has the RFC 2409 / 3526 primes (as Node ships them)', () => {
    for (const g of [1, 2, 5, 14] as const) expect(modpPrime(g).toString(16)).toBe(getDiffieHellman(`modp${g}`).getPrime('hex'));
  });

  it('gives fixed-length public values: 96/128/192/256 bytes MODP, 64/96 bytes ECP', () => {
    const rng = new SeededRandom(1);
    const want = { 1: 96, 2: 128, 5: 192, 14: 256, 19: 64, 20: 96 } as const;
    for (const g of DH_GROUPS) {
      expect(dhPublicLength(g)).toBe(want[g]);
      expect(dhGenerate(g, rng).publicValue.length).toBe(want[g]);
    }
    expect(dhSecretLength(19)).toBe(32);
    expect(dhSecretLength(14)).toBe(256);
  });

  it('both sides derive the same secret, and the same seed the same keys', () => {
    for (const g of DH_GROUPS) {
      const a = dhGenerate(g, new SeededRandom('a'));
      const b = dhGenerate(g, new SeededRandom('b'));
      const s1 = dhShared(g, a.privateKey, b.publicValue)!;
      const s2 = dhShared(g, b.privateKey, a.publicValue)!;
      expect(hex(s1)).toBe(hex(s2));
      expect(s1.length).toBe(dhSecretLength(g));
      expect(hex(dhGenerate(g, new SeededRandom('a')).publicValue)).toBe(hex(a.publicValue));
    }
  });

  it('matches Node (OpenSSL) for MODP public values and secrets', () => {
    for (const g of [2, 14] as const) {
      const ours = dhGenerate(g, new SeededRandom('kat'));
      const node = createDiffieHellman(modpPrime(g).toString(16), 'hex', Buffer.from([2]));
      node.setPrivateKey(Buffer.from(ours.privateKey));
      node.generateKeys();
      expect(hex(node.getPublicKey()).padStart(dhPublicLength(g) * 2, '0')).toBe(hex(ours.publicValue));
      // A fixed peer, so the test is the same every run; Node drops leading zero bytes of a
      // public value, while IKE carries it at the group's full length.
      const peer = createDiffieHellman(modpPrime(g).toString(16), 'hex', Buffer.from([2]));
      peer.setPrivateKey(Buffer.from(new SeededRandom(`peer-${g}`).bytes(32)));
      peer.generateKeys();
      const peerPublic = Buffer.from(hex(peer.getPublicKey()).padStart(dhPublicLength(g) * 2, '0'), 'hex');
      const theirs = node.computeSecret(peerPublic);
      expect(hex(dhShared(g, ours.privateKey, peerPublic)!)).toBe(hex(theirs).padStart(dhSecretLength(g) * 2, '0'));
    }
  });

  it('matches Node for ECP groups 19 and 20 (x||y on the wire, x as the secret)', () => {
    for (const [g, name] of [[19, 'prime256v1'], [20, 'secp384r1']] as const) {
      const ours = dhGenerate(g, new SeededRandom('ecp'));
      const node = createECDH(name);
      node.setPrivateKey(Buffer.from(ours.privateKey));
      expect(hex(node.getPublicKey()).slice(2)).toBe(hex(ours.publicValue));
      const peer = createECDH(name);
      peer.setPrivateKey(Buffer.from(new SeededRandom(`peer-${g}`).bytes(g === 19 ? 32 : 48)));
      expect(hex(dhShared(g, ours.privateKey, peer.getPublicKey().subarray(1))!)).toBe(hex(node.computeSecret(peer.getPublicKey())));
    }
  });

  it('refuses invalid peer values', () => {
    const a = dhGenerate(2, new SeededRandom(3));
    expect(dhShared(2, a.privateKey, new Uint8Array(128))).toBeUndefined();
    expect(dhShared(2, a.privateKey, new Uint8Array(127).fill(5))).toBeUndefined();
    const e = dhGenerate(19, new SeededRandom(3));
    expect(dhShared(19, e.privateKey, new Uint8Array(64).fill(7))).toBeUndefined();
  });
});
