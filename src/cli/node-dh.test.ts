import { afterEach, describe, expect, it } from 'vitest';
import { dhGenerate, dhShared, modpSharedPortable, useModpSharedSecret } from '../crypto/dh';
import { SeededRandom } from '../crypto/rng';
import { nodeModpShared, useNodeDh } from './node-dh';

describe("Node's OpenSSL for MODP shared secrets", () => {
  afterEach(() => useModpSharedSecret());

  it('gives the same bytes as the BigInt code, for every MODP group', () => {
    const rng = new SeededRandom('node-dh');
    for (const group of [1, 2, 5, 14] as const) {
      for (let k = 0; k < 12; k++) {
        const a = dhGenerate(group, rng);
        const b = dhGenerate(group, rng);
        const native = nodeModpShared(group, a.privateKey, b.publicValue);
        expect(native).toEqual(modpSharedPortable(group, a.privateKey, b.publicValue));
        expect(native).toEqual(nodeModpShared(group, b.privateKey, a.publicValue));
      }
    }
  });

  it('keeps the secret at the prime length when it has leading zero bytes', () => {
    // 2^x mod p with a small x is short: 2^8 = 0x100 must come back as 254 zero bytes then 01 00.
    const peer = new Uint8Array(256);
    peer[255] = 2;
    const x = new Uint8Array(32);
    x[31] = 8;
    const out = nodeModpShared(14, x, peer);
    expect(out.length).toBe(256);
    expect([...out.subarray(252)]).toEqual([0, 0, 1, 0]);
    expect(out).toEqual(modpSharedPortable(14, x, peer));
  });

  it('is what dhShared uses once installed, and still rejects invalid public values', () => {
    const rng = new SeededRandom('node-dh-2');
    const a = dhGenerate(14, rng);
    const b = dhGenerate(14, rng);
    const portable = dhShared(14, a.privateKey, b.publicValue);
    useNodeDh();
    expect(dhShared(14, a.privateKey, b.publicValue)).toEqual(portable);
    const one = new Uint8Array(256);
    one[255] = 1;
    expect(dhShared(14, a.privateKey, one)).toBeUndefined();
  });
});
