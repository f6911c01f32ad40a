// MODP Diffie-Hellman shared secrets through Node's OpenSSL for the headless command and the
// benches. A 2048-bit exponentiation costs about 1.5 ms with BigInt and about 0.3 ms in OpenSSL,
// and a 100-tunnel lab needs 200 of them to converge. The bytes are the same (node-dh.test.ts),
// so a capture does not depend on which path computed it.
import { createDiffieHellman, type DiffieHellman } from 'node:crypto';
import { modpPrime, useModpSharedSecret, type ModpSharedSecret } from '../crypto/dh';

const contexts = new Map<number, DiffieHellman>();

function context(group: 1 | 2 | 5 | 14): DiffieHellman {
  let dh = contexts.get(group);
  if (!dh) {
    dh = createDiffieHellman(Buffer.from(modpPrime(group).toString(16), 'hex'), Buffer.from([2]));
    contexts.set(group, dh);
  }
  return dh;
}

export const nodeModpShared: ModpSharedSecret = (group, privateKey, peerPublic) => {
  const dh = context(group);
  dh.setPrivateKey(privateKey);
  const secret = dh.computeSecret(peerPublic);
  // OpenSSL pads to the prime's length already; copy out of Node's pooled Buffer either way.
  const out = new Uint8Array(peerPublic.length);
  out.set(secret, out.length - secret.length);
  return out;
};

/** Makes every MODP shared secret in this process use OpenSSL. */
export function useNodeDh(): void {
  useModpSharedSecret(nodeModpShared);
}
