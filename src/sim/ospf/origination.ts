// What this router says about itself in its LSAs (RFC 2328 §12.4.1, §12.4.2): the router-LSA
// links of one interface, and the network-LSA a DR originates for its segment.
import type { NetworkLsaBody, RouterLink } from '../../wire/ospf';
import { formatIp, parseIp } from '../addr';
import type { Iface } from './types';

/**
 * Router-LSA links of one interface: a loopback is a /32 stub; a point-to-point interface a link
 * to each FULL neighbour plus a stub for its subnet (IOS's numbered point-to-point); a broadcast
 * interface a transit link once it is adjacent to the DR (or is the DR with a FULL neighbour),
 * else a stub. Passive interfaces are stubs.
 */
export function routerLinks(i: Iface): RouterLink[] {
  const s = i.setup;
  const net = formatIp((s.address & s.mask) >>> 0);
  const stub = (): RouterLink => ({ linkId: net, linkData: formatIp(s.mask), type: 3, metric: s.cost });
  if (s.kind === 'loopback') return [{ linkId: formatIp(s.address), linkData: '255.255.255.255', type: 3, metric: s.cost }];
  if (s.kind === 'point-to-point') {
    const l: RouterLink[] = [];
    for (const n of i.neighbors.values()) if (n.state === 'FULL') l.push({ linkId: n.routerId, linkData: formatIp(s.address), type: 1, metric: s.cost });
    l.push(stub());
    return l;
  }
  const fullWithDr = [...i.neighbors.values()].some((n) => n.state === 'FULL' && n.address === i.dr);
  const drWithFull = i.state === 'DR' && [...i.neighbors.values()].some((n) => n.state === 'FULL');
  if (!s.passive && i.state !== 'WAITING' && (fullWithDr || drWithFull)) return [{ linkId: formatIp(i.dr), linkData: formatIp(s.address), type: 2, metric: s.cost }];
  return [stub()];
}

/** The network-LSA of a segment where this router is DR with at least one FULL neighbour. */
export function networkLsaBody(i: Iface, routerId: string): NetworkLsaBody | undefined {
  const full = [...i.neighbors.values()].filter((n) => n.state === 'FULL').map((n) => n.routerId);
  if (i.state !== 'DR' || full.length === 0) return undefined;
  full.sort((a, b) => (parseIp(a) ?? 0) - (parseIp(b) ?? 0));
  return { kind: 'network', networkMask: formatIp(i.setup.mask), attachedRouters: [routerId, ...full] };
}
