// `show ip ospf neighbor` and the OSPF part of `show ip protocols`, as IOS prints them, from
// the engine's query data. The console prints with its own formatters (src/console/show/other.ts)
// from ipProtocolsData() and the neighbour rows; the two formatters here serve this folder's
// tests, which may not import console.
import type { OspfNeighborRow, OspfProtocolInfo } from './engine';

export function formatOspfNeighbors(rows: readonly OspfNeighborRow[]): string {
  const line = (id: string, pri: string, state: string, dead: string, addr: string, ifName: string) =>
    `${id.padEnd(15)} ${pri.padStart(3)}   ${state.padEnd(15)} ${dead.padEnd(11)} ${addr.padEnd(15)} ${ifName}`;
  const out = ['', 'Neighbor ID     Pri   State           Dead Time   Address         Interface'];
  for (const r of rows) out.push(line(r.neighborId, String(r.priority), r.state, r.deadTime, r.address, r.interface));
  return out.join('\n') + '\n';
}

export function formatOspfProtocols(p: OspfProtocolInfo): string {
  const out = [
    `Routing Protocol is "ospf ${p.processId}"`,
    '  Outgoing update filter list for all interfaces is not set',
    '  Incoming update filter list for all interfaces is not set',
    `  Router ID ${p.routerId}`,
  ];
  if (p.isAbr) out.push('  It is an area border router');
  const n = p.areas.length;
  out.push(`  Number of areas in this router is ${n}. ${n} normal 0 stub 0 nssa`);
  out.push(`  Maximum path: ${p.maximumPaths}`);
  out.push('  Routing for Networks:');
  for (const net of p.networks) out.push(`    ${net.address} ${net.wildcard} area ${net.area}`);
  if (p.passiveInterfaces.length) {
    out.push('  Passive Interface(s):');
    for (const i of p.passiveInterfaces) out.push(`    ${i}`);
  }
  out.push('  Routing Information Sources:');
  out.push('    Gateway         Distance      Last Update');
  for (const s of p.sources) out.push(`    ${s.gateway.padEnd(15)} ${String(s.distance).padStart(8)}      ${s.lastUpdate}`);
  out.push(`  Distance: (default is ${p.distance})`);
  return out.join('\n') + '\n\n';
}

/** What `show ip protocols` prints (src/console/show/other.ts lays it out): one entry per OSPF process. */
export interface IpProtocolsData {
  ospf: {
    processId: number;
    routerId: string;
    areas: { normal: number; stub: number; nssa: number };
    networks: { address: string; wildcard: string; area: string }[];
    passiveInterfaces: string[];
    sources: { gateway: string; distance: number; lastUpdate: string }[];
    distance: number;
  }[];
}

/** The engines' protocol info as `show ip protocols` data (every area counts as normal: no stub or NSSA yet). */
export function ipProtocolsData(infos: readonly OspfProtocolInfo[]): IpProtocolsData {
  return {
    ospf: infos.map((p) => ({
      processId: p.processId,
      routerId: p.routerId,
      areas: { normal: p.areas.length, stub: 0, nssa: 0 },
      networks: p.networks,
      passiveInterfaces: p.passiveInterfaces,
      sources: p.sources,
      distance: p.distance,
    })),
  };
}
