// `show ip route` in IOS 15 / IOS-XE layout: the codes legend, the gateway of last resort, and
// routes grouped under their classful network ("is subnetted" / "is variably subnetted").
import { ipToNumber, padEnd } from './format-utils';
import type { IpRouteData, RouteRow } from './types';

export const ROUTE_CODES = `Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP
       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area 
       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2
       E1 - OSPF external type 1, E2 - OSPF external type 2
       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2
       ia - IS-IS inter area, * - candidate default, U - per-user static route
       o - ODR, P - periodic downloaded static route, H - NHRP, l - LISP
       a - application route
       + - replicated route, % - next hop override, p - overrides from PfR`;

/** Classful mask length of a network: A /8, B /16, C /24, else /32 (multicast and above). */
function classfulLength(network: string): number {
  const first = Number(network.split('.')[0]);
  return first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : 32;
}

function classfulNetwork(network: string): string {
  const len = classfulLength(network);
  const n = ipToNumber(network);
  const m = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  const v = (n & m) >>> 0;
  return [24, 16, 8, 0].map((s) => (v >>> s) & 255).join('.');
}

/** The part after the prefix: `is directly connected, Gi1` or `[1/0] via 10.0.0.1, 00:01:02, Tu0`. */
function pathText(r: RouteRow): string {
  if (r.nextHop === undefined) return `is directly connected, ${r.interface ?? 'Null0'}`;
  const parts = [`[${r.distance}/${r.metric}] via ${r.nextHop}`];
  if (r.age) parts.push(r.age);
  if (r.interface) parts.push(r.interface);
  return parts.join(', ');
}

const isDefault = (r: RouteRow): boolean => r.network === '0.0.0.0' && r.prefixLength === 0;

function codeText(r: RouteRow): string {
  return isDefault(r) ? `${r.code}*` : r.code;
}

/** Lines for one prefix (several rows = equal-cost paths, continuation lines aligned on `[`). */
function routeLines(rows: RouteRow[], codeWidth: number, withMask: boolean): string[] {
  const r = rows[0]!;
  const code = codeText(r);
  const head = `${code.length >= codeWidth ? `${code} ` : padEnd(code, codeWidth)}${r.network}${withMask ? `/${r.prefixLength}` : ''} `;
  const out = [head + pathText(r)];
  for (const more of rows.slice(1)) out.push(' '.repeat(head.length) + pathText(more));
  return out;
}

/**
 * `show ip route`, or with `only` a filtered form (`show ip route ospf`): IOS still prints the
 * real gateway of last resort and the subnet headers of the whole table (`10.0.0.0/8 is
 * variably subnetted, 5 subnets, 2 masks`), listing only the routes that match.
 */
export function formatIpRoute(data: IpRouteData, only?: (r: RouteRow) => boolean): string {
  if (!data.routing) {
    const gw = data.defaultGateway ? `Default gateway is ${data.defaultGateway}` : 'Default gateway is not set';
    return `${gw}\n\nHost               Gateway           Last Use    Total Uses  Interface\nICMP redirect cache is empty\n`;
  }
  const out = [ROUTE_CODES, ''];
  const def = data.routes.filter(isDefault);
  const gw = def[0];
  out.push(gw ? `Gateway of last resort is ${gw.nextHop ?? '0.0.0.0'} to network 0.0.0.0` : 'Gateway of last resort is not set', '');

  // Group rows by prefix, then prefixes by classful network.
  const byPrefix = new Map<string, RouteRow[]>();
  for (const r of data.routes) {
    const k = `${r.network}/${r.prefixLength}`;
    byPrefix.set(k, [...(byPrefix.get(k) ?? []), r]);
  }
  const prefixes = [...byPrefix.values()].sort((a, b) => ipToNumber(a[0]!.network) - ipToNumber(b[0]!.network) || a[0]!.prefixLength - b[0]!.prefixLength);
  const majors = new Map<string, RouteRow[][]>();
  for (const p of prefixes) {
    const r = p[0]!;
    const key = r.prefixLength < classfulLength(r.network) ? `super ${r.network}/${r.prefixLength}` : classfulNetwork(r.network);
    majors.set(key, [...(majors.get(key) ?? []), p]);
  }
  const majorKeys = [...majors.keys()].sort((a, b) => {
    const na = ipToNumber(a.replace(/^super /, '').split('/')[0]!);
    const nb = ipToNumber(b.replace(/^super /, '').split('/')[0]!);
    return na - nb || (a.startsWith('super') ? -1 : 1);
  });
  for (const key of majorKeys) {
    const group = majors.get(key)!;
    const shown = only ? group.map((p) => p.filter(only)).filter((p) => p.length > 0) : group;
    if (shown.length === 0) continue;
    const first = group[0]![0]!;
    const classful = classfulLength(first.network);
    const onlyClassful = group.length === 1 && first.prefixLength <= classful;
    if (key.startsWith('super') || onlyClassful) {
      for (const p of shown) out.push(...routeLines(p, 6, true));
      continue;
    }
    const masks = new Set(group.map((p) => p[0]!.prefixLength));
    const n = group.length;
    if (masks.size === 1) {
      out.push(`      ${key}/${first.prefixLength} is subnetted, ${n} subnets`);
      for (const p of shown) out.push(...routeLines(p, 9, false));
    } else {
      out.push(`      ${key}/${classful} is variably subnetted, ${n} subnets, ${masks.size} masks`);
      for (const p of shown) out.push(...routeLines(p, 9, true));
    }
  }
  return out.join('\n') + '\n';
}
