// The text of `debug ip ospf hello|adj|events` lines as IOS 15 prints them: a prefix naming the
// process, the debug kind padded to five letters and the short interface name
// ("OSPF-1 ADJ   Tu0: "), then the message. Only lines whose every field the engine knows are made.
import type { OspfDbd } from '../../wire/ospf';

export type DebugKind = 'HELLO' | 'ADJ' | 'EVENT';

/** Which `debug ip ospf ...` switches are on for one OSPF process. */
export interface OspfDebugFlags {
  hello: boolean;
  adj: boolean;
  events: boolean;
}

export function debugLine(processId: number, kind: DebugKind, shortIf: string, text: string): string {
  return `OSPF-${processId} ${kind.padEnd(5)} ${shortIf}: ${text}`;
}

/** IOS prints the DD sequence number in upper-case hex ("seq 0x4E8"), options and flags as bytes ("opt 0x52 flag 0x7"). */
const seqHex = (n: number): string => `0x${(n >>> 0).toString(16).toUpperCase()}`;
const byteHex = (n: number): string => `0x${n.toString(16)}`;

/** OSPF header (24) + DBD fixed part (8) + 20 bytes per LSA header: the "len" IOS prints. */
export const dbdLength = (d: OspfDbd): number => 32 + 20 * d.lsaHeaders.length;

/** "Send DBD to 2.2.2.2 seq 0x2137 opt 0x52 flag 0x7 len 32" */
export function sendDbdText(neighborId: string, d: OspfDbd): string {
  return `Send DBD to ${neighborId} seq ${seqHex(d.sequence)} opt ${byteHex(d.options)} flag ${byteHex(d.flags)} len ${dbdLength(d)}`;
}

/** "Rcv DBD from 2.2.2.2 seq 0x4E8 opt 0x52 flag 0x7 len 32  mtu 1500 state EXSTART" (two spaces before mtu, as IOS). */
export function rcvDbdText(neighborId: string, d: OspfDbd, state: string): string {
  return `Rcv DBD from ${neighborId} seq ${seqHex(d.sequence)} opt ${byteHex(d.options)} flag ${byteHex(d.flags)} len ${dbdLength(d)}  mtu ${d.interfaceMtu} state ${state}`;
}

/** "DR: 1.1.1.1 (Id)   BDR: 2.2.2.2 (Id)", with "none" for an empty role, after an election. */
export function drBdrText(dr: string | undefined, bdr: string | undefined): string {
  const role = (id: string | undefined) => (id ? `${id} (Id)` : 'none');
  return `DR: ${role(dr)}${dr ? '   ' : '    '}BDR: ${role(bdr)}`;
}
