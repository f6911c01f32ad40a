// The OSPF diagnostics in IOS 15 / IOS-XE layout: `show ip ospf`, `show ip ospf interface [NAME]`,
// `show ip ospf interface brief` and `show ip ospf database`. Lines whose numbers the simulation
// does not keep (flood queue index, flood scan lengths and times) are left out rather than invented.
import { shortInterfaceName } from '../../ios';
import { padEnd } from './format-utils';
import type { OspfDatabaseView, OspfInterfaceView, OspfLsaRow, OspfProcessView } from './other-types';
import type { InterfaceStatus } from './types';

const NETWORK_TYPE: Record<OspfInterfaceView['networkType'], string> = { 'point-to-point': 'POINT_TO_POINT', broadcast: 'BROADCAST', loopback: 'LOOPBACK' };

/** `State ...` in the long form. */
const LONG_STATE: Record<OspfInterfaceView['state'], string> = { DOWN: 'DOWN', LOOPBACK: 'LOOPBACK', WAITING: 'WAITING', P2P: 'POINT_TO_POINT', DR: 'DR', BDR: 'BDR', DROTHER: 'DROTHER' };

/** The State column of the brief form. */
const BRIEF_STATE: Record<OspfInterfaceView['state'], string> = { DOWN: 'DOWN', LOOPBACK: 'LOOP', WAITING: 'WAIT', P2P: 'P2P', DR: 'DR', BDR: 'BDR', DROTHER: 'DROTH' };

const hex = (n: number, digits: number): string => `0x${n.toString(16).toUpperCase().padStart(digits, '0')}`;

/** `Tunnel0 is up, line protocol is up ` (IOS ends it with a space). */
function statusLine(name: string, status: InterfaceStatus | undefined): string {
  return `${name} is ${status?.status ?? 'up'}, line protocol is ${status?.protocol ?? 'up'} `;
}

function interfaceBlock(v: OspfInterfaceView, status: InterfaceStatus | undefined): string[] {
  const out = [
    statusLine(v.name, status),
    `  Internet Address ${v.address}/${v.prefixLength}, Area ${v.area}, Attached via Network Statement`,
    `  Process ID ${v.processId}, Router ID ${v.routerId}, Network Type ${NETWORK_TYPE[v.networkType]}, Cost: ${v.cost}`,
    '  Topology-MTID    Cost    Disabled    Shutdown      Topology Name',
    `        0           ${padEnd(String(v.cost), 10)}no          no            Base`,
  ];
  if (v.networkType === 'loopback') return [...out, '  Loopback interface is treated as a stub Host'];
  out.push(`  Transmit Delay is 1 sec, State ${LONG_STATE[v.state]}${v.networkType === 'broadcast' ? `, Priority ${v.priority}` : ''}`);
  if (v.networkType === 'broadcast') {
    out.push(v.dr ? `  Designated Router (ID) ${v.dr.routerId}, Interface address ${v.dr.address}` : '  No designated router on this network');
    out.push(v.bdr ? `  Backup Designated router (ID) ${v.bdr.routerId}, Interface address ${v.bdr.address}` : '  No backup designated router on this network');
  }
  out.push(`  Timer intervals configured, Hello ${v.helloInterval}, Dead ${v.deadInterval}, Wait ${v.deadInterval}, Retransmit ${v.retransmitInterval}`);
  if (v.state === 'DOWN') return out;
  out.push(`    oob-resync timeout ${v.deadInterval}`);
  if (v.passive) out.push('    No Hellos (Passive interface)');
  else if (v.helloDue) out.push(`    Hello due in ${v.helloDue}`);
  out.push(
    '  Supports Link-local Signaling (LLS)',
    '  Cisco NSF helper support enabled',
    '  IETF NSF helper support enabled',
    `  Neighbor Count is ${v.neighborCount}, Adjacent neighbor count is ${v.adjacentCount} `,
    ...v.adjacent.map((n) => `    Adjacent with neighbor ${n.routerId}${n.role === 'DR' ? '  (Designated Router)' : n.role === 'BDR' ? '  (Backup Designated Router)' : ''}`),
    '  Suppress hello for 0 neighbor(s)',
  );
  return out;
}

/**
 * `show ip ospf interface [NAME]`. `status` gives each interface's line (`is up, line protocol
 * is down`); a named interface that runs no OSPF says so, as IOS does.
 */
export function formatOspfInterfaces(views: readonly OspfInterfaceView[], status: (name: string) => InterfaceStatus | undefined, only?: string): string {
  const list = only ? views.filter((v) => v.name === only) : views;
  if (only && list.length === 0) return `${statusLine(only, status(only))}\n  OSPF not enabled on this interface\n`;
  return list.map((v) => interfaceBlock(v, status(v.name)).join('\n') + '\n').join('');
}

export function formatOspfInterfaceBrief(views: readonly OspfInterfaceView[]): string {
  if (views.length === 0) return '';
  const row = (i: string, pid: string, area: string, addr: string, cost: string, state: string, nbrs: string): string =>
    `${padEnd(i, 12)} ${padEnd(pid, 5)} ${padEnd(area, 15)} ${padEnd(addr, 18)} ${padEnd(cost, 5)} ${padEnd(state, 5)} ${nbrs}`;
  const out = [row('Interface', 'PID', 'Area', 'IP Address/Mask', 'Cost', 'State', 'Nbrs F/C')];
  for (const v of views) out.push(row(shortInterfaceName(v.name), String(v.processId), v.area, `${v.address}/${v.prefixLength}`, String(v.cost), BRIEF_STATE[v.state], `${v.adjacentCount}/${v.neighborCount}`));
  return out.join('\n') + '\n';
}

function lsaTable(title: string, area: string, rows: readonly OspfLsaRow[], linkCount: boolean): string[] {
  if (rows.length === 0) return [];
  const out = ['', `                ${title} (Area ${area})`, '', `Link ID         ADV Router      Age         Seq#       Checksum${linkCount ? ' Link count' : ''}`];
  for (const r of rows) {
    const head = `${padEnd(r.linkId, 15)} ${padEnd(r.advRouter, 15)} ${padEnd(String(r.age), 11)} ${hex(r.sequence, 8)} ${hex(r.checksum, 6)}`;
    out.push(linkCount ? `${head} ${r.linkCount ?? 0}` : head);
  }
  return out;
}

/** `show ip ospf database`: per process, the router, network and summary LSAs of each area. */
export function formatOspfDatabase(dbs: readonly OspfDatabaseView[]): string {
  const out: string[] = [];
  for (const d of dbs) {
    out.push('', `            OSPF Router with ID (${d.routerId}) (Process ID ${d.processId})`);
    for (const a of d.areas) {
      out.push(...lsaTable('Router Link States', a.area, a.router, true));
      out.push(...lsaTable('Net Link States', a.area, a.network, false));
      out.push(...lsaTable('Summary Net Link States', a.area, a.summary, false));
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

const isBackbone = (area: string): boolean => area === '0' || area === '0.0.0.0';

/** `show ip ospf`: the process parameters, then each area. */
export function formatOspfProcesses(procs: readonly OspfProcessView[]): string {
  const out: string[] = [];
  for (const p of procs) {
    const n = p.areas.length;
    out.push(
      ` Routing Process "ospf ${p.processId}" with ID ${p.routerId}`,
      ` Start time: ${p.startTime}, Time elapsed: ${p.elapsed}`,
      ' Supports only single TOS(TOS0) routes',
      ' Supports opaque LSA',
      ' Supports Link-local Signaling (LLS)',
      ' Supports area transit capability',
      ' Supports NSSA (compatible with RFC 3101)',
      ' Supports Database Exchange Summary List Optimization (RFC 5243)',
      ...(p.isAbr ? [' It is an area border router'] : []),
      ' Event-log enabled, Maximum number of events: 1000, Mode: cyclic',
      ' Router is not originating router-LSAs with maximum metric',
      ` Initial SPF schedule delay ${p.spfDelayMs} msecs`,
      ` Minimum hold time between two consecutive SPFs ${p.spfHoldMs} msecs`,
      ` Maximum wait time between two consecutive SPFs ${p.spfHoldMs} msecs`,
      ' Incremental-SPF disabled',
      ' Minimum LSA interval 5 secs',
      ' Minimum LSA arrival 1000 msecs',
      ' LSA group pacing timer 240 secs',
      ' Interface flood pacing timer 33 msecs',
      ' Retransmission pacing timer 66 msecs',
      ' Number of external LSA 0. Checksum Sum 0x000000',
      ' Number of opaque AS LSA 0. Checksum Sum 0x000000',
      ' Number of DCbitless external and opaque AS LSA 0',
      ' Number of DoNotAge external and opaque AS LSA 0',
      ` Number of areas in this router is ${n}. ${n} normal 0 stub 0 nssa`,
      ' Number of areas transit capable is 0',
      ' External flood list length 0',
      ' IETF NSF helper support enabled',
      ' Cisco NSF helper support enabled',
      ` Reference bandwidth unit is ${p.referenceBandwidthMbps} mbps`,
    );
    for (const a of p.areas) {
      out.push(
        `    Area ${isBackbone(a.area) ? `BACKBONE(${a.area})` : a.area}`,
        `        Number of interfaces in this area is ${a.interfaces}${a.loopbacks ? ` (${a.loopbacks} loopback)` : ''}`,
        '        Area has no authentication',
        ...(a.lastSpfAgo ? [`        SPF algorithm last executed ${a.lastSpfAgo} ago`] : []),
        `        SPF algorithm executed ${a.spfRuns} times`,
        '        Area ranges are',
        `        Number of LSA ${a.lsaCount}. Checksum Sum ${hex(a.checksumSum, 6)}`,
        '        Number of opaque link LSA 0. Checksum Sum 0x000000',
        '        Number of DCbitless LSA 0',
        '        Number of indication LSA 0',
        '        Number of DoNotAge LSA 0',
        '        Flood list length 0',
      );
    }
    out.push('');
  }
  return out.length ? out.join('\n') + '\n' : '';
}
