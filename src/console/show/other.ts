// show ip nat translations, show ip ospf neighbor, show ip protocols.
import { padEnd, padStart } from './format-utils';
import type { IpProtocolsData, NatTranslationRow, OspfNeighborRow } from './other-types';

export function formatIpNatTranslations(rows: readonly NatTranslationRow[]): string {
  // IOS-XE columns: protocol in 4, then three 21-wide address:port columns.
  const line = (p: string, a: string, b: string, c: string, d: string): string => `${padEnd(p, 4)} ${padEnd(a, 21)} ${padEnd(b, 21)} ${padEnd(c, 21)} ${d}`.trimEnd();
  const out = [line('Pro', 'Inside global', 'Inside local', 'Outside local', 'Outside global')];
  for (const r of rows) out.push(line(r.protocol, r.insideGlobal, r.insideLocal, r.outsideLocal, r.outsideGlobal));
  out.push(`Total number of translations: ${rows.length}`);
  return out.join('\n') + '\n';
}

export function formatIpOspfNeighbor(rows: readonly OspfNeighborRow[]): string {
  const line = (id: string, pri: string, st: string, dead: string, addr: string, iface: string): string =>
    `${padEnd(id, 15)} ${padStart(pri, 3)}   ${padEnd(st, 15)} ${padEnd(dead, 11)} ${padEnd(addr, 15)} ${iface}`;
  const out = ['', line('Neighbor ID', 'Pri', 'State', 'Dead Time', 'Address', 'Interface')];
  for (const r of rows) out.push(line(r.neighborId, String(r.priority), r.state, r.deadTime, r.address, r.interface));
  return out.join('\n') + '\n';
}

export function formatIpProtocols(d: IpProtocolsData): string {
  const out = ['*** IP Routing is NSF aware ***', ''];
  for (const p of d.ospf) {
    const areas = p.areas.normal + p.areas.stub + p.areas.nssa;
    out.push(
      `Routing Protocol is "ospf ${p.processId}"`,
      '  Outgoing update filter list for all interfaces is not set',
      '  Incoming update filter list for all interfaces is not set',
      `  Router ID ${p.routerId}`,
      `  Number of areas in this router is ${areas}. ${p.areas.normal} normal ${p.areas.stub} stub ${p.areas.nssa} nssa`,
      '  Maximum path: 4',
      '  Routing for Networks:',
      ...p.networks.map((n) => `    ${n.address} ${n.wildcard} area ${n.area}`),
      ...(p.passiveInterfaces.length ? ['  Passive Interface(s):', ...p.passiveInterfaces.map((i) => `    ${i}`)] : []),
      '  Routing Information Sources:',
      '    Gateway         Distance      Last Update',
      ...p.sources.map((s) => `    ${padEnd(s.gateway, 15)} ${padStart(String(s.distance), 8)}      ${s.lastUpdate}`),
      `  Distance: (default is ${p.distance})`,
      '',
    );
  }
  return out.join('\n') + '\n';
}
