// The same lab and seed must give the same bytes in Node and in the browser (DESIGN.md). This runs
// a few labs end to end (DH, IKE, ESP with random IVs, NAT-T, GRE) and hashes every frame that
// crossed every link. An e2e test compares the browser's hashes with Node's.
import { sha256 } from '@noble/hashes/sha2.js';
import { BUILTIN_LABS } from '../../lab/builtin';
import { captureToPcapng, ip, Network, ping } from '../../sim';

export interface Fingerprint {
  lab: string;
  frames: number;
  sha256: string;
}

const LABS = ['vti-static', 'nat-t-static', 'gre-ipsec-transport'];

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export function engineFingerprint(seed: number): Fingerprint[] {
  return LABS.map((id) => {
    const entry = BUILTIN_LABS.find((l) => l.id === id)!;
    const net = Network.fromLab(entry.lab, { seed });
    net.converge();
    const h1 = net.device('H1')!;
    ping(net, h1, { target: ip('10.2.2.10'), repeat: 3, size: 300 });
    const pcap = captureToPcapng(net);
    return { lab: id, frames: net.capture.length, sha256: hex(sha256(pcap)) };
  });
}
