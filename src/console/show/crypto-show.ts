// show crypto isakmp sa / ipsec sa [detail] / session [detail] / map, in the layouts of
// ../shared/reference (genieparser, ntc-templates raw output and the forum thread).
import { padEnd, padStart } from './format-utils';
import type { CryptoMapData, CryptoSessionData, EspSaData, IpsecSaData, IsakmpSaRow } from './crypto-types';

export function formatCryptoIsakmpSa(rows: readonly IsakmpSaRow[]): string {
  const out = ['IPv4 Crypto ISAKMP SA', 'dst             src             state          conn-id status'];
  for (const r of rows) out.push(`${padEnd(r.dst, 15)} ${padEnd(r.src, 15)} ${padEnd(r.state, 15)}${padStart(String(r.connId), 7)} ${r.status}`);
  out.push('', 'IPv6 Crypto ISAKMP SA', '');
  return out.join('\n') + '\n';
}

const spiText = (spi: number): string => `0x${(spi >>> 0).toString(16).toUpperCase()}(${spi >>> 0})`;
const ident = (i: IpsecSaData['localIdent']): string => `(${i.address}/${i.mask}/${i.protocol}/${i.port})`;

function espLines(sas: EspSaData[], detail: boolean): string[] {
  // No SA yet (an ACL or IKE problem): IOS leaves the section empty, one blank line.
  if (sas.length === 0) return [''];
  const out: string[] = [];
  for (const s of sas) {
    out.push(
      `      spi: ${spiText(s.spi)}`,
      `        transform: ${s.transform} ,`,
      `        in use settings =${s.settings}`,
      `        conn id: ${s.connId}, flow_id: ${s.flowId}, sibling_flags FFFFFFFF80000048, crypto map: ${s.cryptoMap}`,
      `        sa timing: remaining key lifetime (k/sec): (${s.remainingKb}/${s.remainingSec})`,
      `        IV size: ${s.ivSize} bytes`,
      detail ? `        replay detection support: Y  replay window size: ${s.replayWindow ?? 64}` : '        replay detection support: Y',
      '        Status: ACTIVE(ACTIVE)',
      '',
    );
  }
  return out;
}

function ipsecFlow(f: IpsecSaData, detail: boolean): string[] {
  const counters = detail
    ? [
        `    #pkts no sa (send) 0, #pkts invalid sa (rcv) 0`,
        `    #pkts encaps failed (send) ${f.sendErrors}, #pkts decaps failed (rcv) ${f.recvErrors}`,
        '    #pkts invalid prot (recv) 0, #pkts verify failed: 0',
        '    #pkts invalid identity (recv) 0, #pkts invalid len (rcv) 0',
        '    #pkts replay rollover (send): 0, #pkts replay rollover (rcv) 0',
        '    ##pkts replay failed (rcv): 0',
        '    #pkts tagged (send): 0, #pkts untagged (rcv): 0',
        '    #pkts not tagged (send): 0, #pkts not untagged (rcv): 0',
        '    #pkts internal err (send): 0, #pkts internal err (recv) 0',
      ]
    : [`    #send errors ${f.sendErrors}, #recv errors ${f.recvErrors}`];
  return [
    '   protected vrf: (none)',
    `   local  ident (addr/mask/prot/port): ${ident(f.localIdent)}`,
    `   remote ident (addr/mask/prot/port): ${ident(f.remoteIdent)}`,
    `   current_peer ${f.peer} port ${f.peerPort}`,
    `     PERMIT, flags={${f.flags}}`,
    `    #pkts encaps: ${f.encaps}, #pkts encrypt: ${f.encrypt}, #pkts digest: ${f.digest}`,
    `    #pkts decaps: ${f.decaps}, #pkts decrypt: ${f.decrypt}, #pkts verify: ${f.verify}`,
    '    #pkts compressed: 0, #pkts decompressed: 0',
    '    #pkts not compressed: 0, #pkts compr. failed: 0',
    '    #pkts not decompressed: 0, #pkts decompress failed: 0',
    ...counters,
    '',
    `     local crypto endpt.: ${f.localEndpoint}, remote crypto endpt.: ${f.remoteEndpoint}`,
    `     plaintext mtu ${f.plaintextMtu}, path mtu ${f.pathMtu}, ip mtu ${f.ipMtu}, ip mtu idb ${f.ipMtuIdb}`,
    `     current outbound spi: ${spiText(f.outboundSpi)}`,
    `     PFS (Y/N): ${f.pfs ? 'Y' : 'N'}, DH group: ${f.dhGroup ?? 'none'}`,
    '',
    '     inbound esp sas:',
    ...espLines(f.inbound, detail),
    '     inbound ah sas:',
    '',
    '     inbound pcp sas:',
    '',
    '     outbound esp sas:',
    ...espLines(f.outbound, detail),
    '     outbound ah sas:',
    '',
    '     outbound pcp sas:',
  ];
}

export function formatCryptoIpsecSa(flows: readonly IpsecSaData[], detail = false): string {
  const out: string[] = [];
  let last: string | undefined;
  for (const f of flows) {
    const key = `${f.interface} ${f.cryptoMapTag}`;
    if (key !== last) {
      out.push('', `interface: ${f.interface}`, `    Crypto map tag: ${f.cryptoMapTag}, local addr ${f.localAddress}`);
      last = key;
    }
    out.push('', ...ipsecFlow(f, detail));
  }
  return out.join('\n') + '\n';
}

export function formatCryptoSession(sessions: readonly CryptoSessionData[], detail = false): string {
  const out = ['Crypto session current status', ''];
  if (detail) {
    out.splice(1, 1, ' ', 'Code: C - IKE Configuration mode, D - Dead Peer Detection     ', 'K - Keepalives, N - NAT-traversal, T - cTCP encapsulation     ', 'X - IKE Extended Authentication, F - IKE Fragmentation', 'R - IKE Auto Reconnect', ' ');
  }
  for (const s of sessions) {
    out.push(`Interface: ${s.interface}`);
    if (s.profile) out.push(`Profile: ${s.profile}`);
    if (detail && s.uptime) out.push(`Uptime: ${s.uptime}`);
    out.push(`Session status: ${padEnd(s.status, 14)}`);
    out.push(detail ? `Peer: ${s.peer} port ${s.peerPort} fvrf: (none) ivrf: (none)` : `Peer: ${s.peer} port ${s.peerPort} `);
    if (detail) out.push(`      Phase1_id: ${s.peer}`, '      Desc: (none)');
    for (const ike of s.ikeSas) {
      out.push(detail ? '  Session ID: 0 ' : '  Session ID: 0  ');
      out.push(`  IKEv1 SA: local ${ike.local}/${ike.localPort} remote ${ike.remote}/${ike.remotePort} ${ike.status}${detail ? '' : ' '}`);
      if (detail) out.push(`          Capabilities:${ike.capabilities ?? '(none)'} connid:${ike.connId ?? 0} lifetime:${ike.lifetime ?? '0'}`);
    }
    for (const f of s.flows) {
      out.push(`  IPSEC FLOW: ${f.description}${detail ? '' : ' '}`);
      out.push(`        Active SAs: ${f.activeSas}, origin: ${f.origin}`);
      if (detail) {
        out.push(`        Inbound:  #pkts dec'ed ${f.inboundPackets ?? 0} drop ${f.inboundDrops ?? 0} life (KB/Sec) ${f.inboundKbLeft ?? 0}`);
        out.push(`        Outbound: #pkts enc'ed ${f.outboundPackets ?? 0} drop ${f.outboundDrops ?? 0} life (KB/Sec) ${f.outboundKbLeft ?? 0}`);
      }
    }
    out.push(detail ? ' ' : '');
  }
  return out.join('\n') + '\n';
}

export function formatCryptoMap(maps: readonly CryptoMapData[]): string {
  const out: string[] = [];
  for (const m of maps) {
    out.push(`Crypto Map IPv4 "${m.name}" ${m.seq} ${m.kind}`);
    if (m.profileInstance) out.push('\tMap is a PROFILE INSTANCE.');
    if (m.isakmpProfile) out.push(`\tISAKMP Profile: ${m.isakmpProfile}`);
    if (m.profileName) out.push(`\tProfile name: ${m.profileName}`);
    if (m.peer) out.push(`\tPeer = ${m.peer}`);
    if (m.acl) {
      out.push(`\t${m.acl.kind === 'standard' ? 'Standard' : 'Extended'} IP access list ${m.acl.name}`);
      for (const l of m.acl.lines) out.push(`\t    ${l}`);
    } else if (!m.profileName) out.push('\tNo matching address list set.');
    if (m.currentPeer) out.push(`\tCurrent peer: ${m.currentPeer}`);
    out.push(
      `\tSecurity association lifetime: ${m.securityAssociationLifetime.kilobytes} kilobytes/${m.securityAssociationLifetime.seconds} seconds`,
      '\tResponder-Only (Y/N): N',
      `\tPFS (Y/N): ${m.pfs === 'N' ? 'N' : `Y\n\tDH group:  ${m.pfs}`}`,
      '\tMixed-mode : Disabled',
      '\tTransform sets={ ',
      ...m.transformSets.map((t) => `\t\t${t.name}:  { ${t.transforms}  } , `),
      '\t}',
    );
    if (m.interfaces.length) out.push(`\tInterfaces using crypto map ${m.name}:`, ...m.interfaces.map((i) => `\t\t${i}`));
    out.push('');
  }
  return out.join('\n') + '\n';
}

const BRIEF_STATUS: Record<CryptoSessionData['status'], string> = { 'UP-ACTIVE': 'UA', 'UP-IDLE': 'UI', 'UP-NO-IKE': 'UK', 'DOWN-NEGOTIATING': 'DN', DOWN: 'D' };

/**
 * `show crypto session brief`: one line per peer and interface. The phase 1 id is the peer's
 * address once an IKE SA exists (pre-shared keys identify by address); the uptime once IPsec SAs do.
 */
export function formatCryptoSessionBrief(sessions: readonly CryptoSessionData[], shortName: (i: string) => string): string {
  const out = [
    'Status: A- Active, U - Up, D - Down, I - Idle, S - Standby, N - Negotiating ',
    '        K - No IKE',
    'ivrf = (none)',
    'Peer            I/F          Username        Group/Phase1_id          Uptime   Status',
  ];
  for (const s of sessions) {
    const phase1 = s.ikeSas.length ? s.peer : '';
    out.push(`${padEnd(s.peer, 15)} ${padEnd(shortName(s.interface), 12)} ${padEnd('', 15)} ${padEnd(phase1, 24)} ${padEnd(s.uptime ?? '', 8)} ${BRIEF_STATUS[s.status]}`);
  }
  return out.join('\n') + '\n';
}
