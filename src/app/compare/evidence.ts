// The evidence behind each answer of the compare view's "what it carries / what it protects"
// table: a small lab, a traffic run through the same engine path as the Ping control, and the
// one trace record that shows the answer. Nothing here is drawn by hand: a test runs every entry
// and checks the record it picks (protocol, point, decision and the bytes it carries).
import { BUILTIN_LABS } from '../../lab/builtin';
import type { Lab } from '../../lab/types';
import type { TraceRecord } from '../../sim';
import { plainGreDefaultLab } from '../traffic/lab-variants';
import type { TrafficRequest, TrafficResult } from '../traffic/engine';
import type { VariantId } from './compare-model';

export type CapabilityCell = 'multicast' | 'nonIp' | 'innerHeader' | 'greHeader';
/** The table's rows: the compare view's encapsulations plus the crypto map the forum asks about. */
export type CapabilityRow = VariantId | 'crypto-map';

export interface Evidence {
  row: CapabilityRow;
  cell: CapabilityCell;
  /** The lab the run needs: it replaces the canvas lab (undoable) when the learner confirms. */
  lab: () => Lab;
  request: TrafficRequest;
  /** The record that proves the answer. */
  pick: (r: TraceRecord, i: number, all: readonly TraceRecord[]) => boolean;
  /** Open the ESP payload decrypted (the inspector's "Decrypted" view) after selecting. */
  decrypted: boolean;
  /** What the selected moment shows, in plain words (also the link's description). */
  shows: string;
  /** True when the engine cannot produce the packet the answer is about, so the link shows the
   * field that decides it instead; the table says so next to the link. */
  indirect?: string;
}

const builtin = (id: string): Lab => {
  const b = BUILTIN_LABS.find((l) => l.id === id);
  if (!b) throw new Error(`no built-in lab ${id}`);
  return b.lab;
};

const editRouters = (lab: Lab, names: readonly string[], edit: (config: string) => string, title: string): Lab => ({
  ...lab,
  title,
  devices: lab.devices.map((d) => (names.includes(d.name) ? { ...d, config: edit(d.config) } : d)),
});

const ospfVtiVsMap = () => builtin('ospf-vti-vs-crypto-map');
/** The OSPF hub lab with the HUB - S1 VTI turned into plain GRE (no protection). */
const ospfOverGre = () =>
  editRouters(ospfVtiVsMap(), ['HUB', 'S1'], (c) => c.replace(' tunnel mode ipsec ipv4\n', '').replace(/ tunnel protection ipsec profile \S+\n/, ''), 'OSPF over plain GRE, and across a crypto map');
/** The OSPF hub lab with the HUB - S1 VTI turned into GRE protected by IPsec (the transform set's mode). */
const ospfOverGreIpsec = (mode: 'tunnel' | 'transport') =>
  editRouters(
    ospfVtiVsMap(),
    ['HUB', 'S1'],
    (c) => c.replace(' tunnel mode ipsec ipv4\n', '').replace(' mode tunnel\n', ` mode ${mode}\n`),
    `OSPF over GRE/IPsec (${mode} mode), and across a crypto map`,
  );

const ping = (source: string, destination: string, startup = false): TrafficRequest => ({ kind: 'ping', source, destination, count: 3, size: 100, startup });
/** OSPF hellos are sent while the lab starts, so these runs keep the start-up. */
const withStartup = ping('H0', 'H1', true);

const helloOut = (device: string, iface: string) => (r: TraceRecord) => r.device === device && r.point === 'Originate' && r.decision === `OSPF Hello to 224.0.0.5 out ${iface}`;
/** The record right after the one `first` picks, when it matches `then`. */
export function after(first: (r: TraceRecord) => boolean, then: (r: TraceRecord) => boolean): (r: TraceRecord, i: number, all: readonly TraceRecord[]) => boolean {
  return (r, i, all) => i > 0 && first(all[i - 1]!) && then(r);
}

const HUB_WAN = 'HUB GigabitEthernet1 - ISP GigabitEthernet1';
const R1_R2 = 'R1 GigabitEthernet1 - R2 GigabitEthernet1';
const txOn = (link: string, protocol: string) => (r: TraceRecord) => r.point === 'Tx' && r.link === link && r.protocol === protocol;

export const EVIDENCE: readonly Evidence[] = [
  // Multicast: an OSPF hello to 224.0.0.5 into each kind of tunnel, and out of a crypto-map interface.
  {
    row: 'plain',
    cell: 'multicast',
    lab: ospfVtiVsMap,
    request: withStartup,
    pick: (r) => r.device === 'ISP' && r.point === 'Deliver' && r.protocol === 'OSPF',
    decrypted: false,
    shows: "HUB's OSPF hello to 224.0.0.5 reaches the ISP router and stops there: link-local multicast (TTL 1) is never routed on.",
  },
  {
    row: 'gre',
    cell: 'multicast',
    lab: ospfOverGre,
    request: withStartup,
    pick: (r) => r.device === 'HUB' && r.point === 'Encap' && r.protocol === 'GRE',
    decrypted: false,
    shows: "HUB's OSPF hello to 224.0.0.5 wrapped in GRE on Tunnel1, a unicast packet any router forwards.",
  },
  {
    row: 'gre-ipsec-transport',
    cell: 'multicast',
    lab: () => ospfOverGreIpsec('transport'),
    request: withStartup,
    pick: (r) => r.device === 'HUB' && r.point === 'Encap' && r.protocol === 'ESP' && r.decision.includes('transport mode'),
    decrypted: true,
    shows: "HUB's OSPF hello to 224.0.0.5 inside GRE, encrypted into ESP in transport mode.",
  },
  {
    row: 'gre-ipsec-tunnel',
    cell: 'multicast',
    lab: () => ospfOverGreIpsec('tunnel'),
    request: withStartup,
    pick: (r) => r.device === 'HUB' && r.point === 'Encap' && r.protocol === 'ESP' && r.decision.includes('tunnel mode'),
    decrypted: true,
    shows: "HUB's OSPF hello to 224.0.0.5 inside GRE, encrypted into ESP in tunnel mode.",
  },
  {
    row: 'vti',
    cell: 'multicast',
    lab: ospfVtiVsMap,
    request: withStartup,
    pick: (r) => r.device === 'HUB' && r.point === 'Encap' && r.protocol === 'ESP' && r.decision.startsWith('IPsec encryption on Tunnel1'),
    decrypted: true,
    shows: "HUB's OSPF hello to 224.0.0.5 routed into the VTI Tunnel1 and encrypted into ESP.",
  },
  {
    row: 'crypto-map',
    cell: 'multicast',
    lab: ospfVtiVsMap,
    request: withStartup,
    pick: after(helloOut('HUB', 'GigabitEthernet1'), txOn(HUB_WAN, 'OSPF')),
    decrypted: false,
    shows: "HUB's OSPF hello to 224.0.0.5 leaving the crypto-map interface GigabitEthernet1 in clear: the crypto map only encrypts unicast traffic its access list permits.",
  },
  // Non-IP: the engine sends IPv4 only, so these show the field that decides what a tunnel can carry.
  {
    row: 'gre',
    cell: 'nonIp',
    lab: plainGreDefaultLab,
    request: ping('H1', 'H2'),
    pick: txOn(R1_R2, 'GRE'),
    decrypted: false,
    shows: 'A GRE packet on the R1 - R2 link: its header names the passenger by an EtherType (Protocol Type 0x0800, IPv4 here), so any protocol with an EtherType fits.',
    indirect: 'the engine sends only IPv4; the link shows the GRE Protocol Type field',
  },
  {
    row: 'vti',
    cell: 'nonIp',
    lab: () => builtin('vti-static'),
    request: ping('H1', 'H2'),
    pick: txOn(R1_R2, 'ESP'),
    decrypted: true,
    shows: 'The VTI\'s ESP packet, decrypted: its next header is 4 (IPv4). "tunnel mode ipsec ipv4" has no field to name any other passenger.',
    indirect: 'the engine sends only IPv4; the link shows the ESP next header field',
  },
  ...(['transport', 'tunnel'] as const).map(
    (mode): Evidence => ({
      row: `gre-ipsec-${mode}`,
      cell: 'nonIp',
      lab: () => builtin(`gre-ipsec-${mode}`),
      request: ping('H1', 'H2'),
      pick: txOn(R1_R2, 'ESP'),
      decrypted: true,
      shows: `The ESP packet on the R1 - R2 link (${mode} mode), decrypted: inside is a GRE header whose Protocol Type (0x0800, IPv4 here) can name any EtherType.`,
      indirect: 'the engine sends only IPv4; the link shows the GRE Protocol Type field inside ESP',
    }),
  ),
  // Inner IP header: in clear on plain GRE, inside the ESP ciphertext on the protected tunnels.
  {
    row: 'plain',
    cell: 'innerHeader',
    lab: plainGreDefaultLab,
    request: ping('H1', 'H2'),
    pick: txOn('H1 Ethernet0 - R1 GigabitEthernet2', 'ICMP'),
    decrypted: false,
    shows: "H1's ICMP echo on the wire with nothing around it: every header readable.",
  },
  {
    row: 'gre',
    cell: 'innerHeader',
    lab: plainGreDefaultLab,
    request: ping('H1', 'H2'),
    pick: txOn(R1_R2, 'GRE'),
    decrypted: false,
    shows: 'The GRE packet on the R1 - R2 link: the inner IPv4 header (10.1.1.10 to 10.2.2.10) readable by anyone on the path.',
  },
  ...(['transport', 'tunnel'] as const).map(
    (mode): Evidence => ({
      row: `gre-ipsec-${mode}`,
      cell: 'innerHeader',
      lab: () => builtin(`gre-ipsec-${mode}`),
      request: ping('H1', 'H2'),
      pick: txOn(R1_R2, 'ESP'),
      decrypted: true,
      shows: `The ESP packet on the R1 - R2 link (${mode} mode): the inner IPv4 header lies inside the encrypted range; the decrypted view shows it.`,
    }),
  ),
  {
    row: 'vti',
    cell: 'innerHeader',
    lab: () => builtin('vti-static'),
    request: ping('H1', 'H2'),
    pick: txOn(R1_R2, 'ESP'),
    decrypted: true,
    shows: 'The ESP packet on the R1 - R2 link: the inner IPv4 header lies inside the encrypted range; the decrypted view shows it.',
  },
  {
    row: 'crypto-map',
    cell: 'innerHeader',
    lab: ospfVtiVsMap,
    // The first echo starts IKE and is lost, as on IOS: five echoes leave time for the SA.
    request: { ...ping('H0', 'H2'), count: 5 },
    // The HUB - ISP link also carries the VTI's ESP (OSPF hellos): take the packet the crypto map encrypted.
    pick: (r, i, all) => txOn(HUB_WAN, 'ESP')(r) && all.slice(0, i).some((p) => p.packetId === r.packetId && p.point === 'Encap' && p.decision.startsWith('crypto map CMAP')),
    decrypted: true,
    shows: "H0's ping to H2 leaving HUB through the crypto map as ESP in tunnel mode: the inner IPv4 header is inside the encrypted range; the decrypted view shows it.",
  },
  // GRE header: in clear on plain GRE, encrypted when IPsec protects the tunnel.
  {
    row: 'gre',
    cell: 'greHeader',
    lab: plainGreDefaultLab,
    request: ping('H1', 'H2'),
    pick: txOn(R1_R2, 'GRE'),
    decrypted: false,
    shows: 'The GRE packet on the R1 - R2 link: its GRE header (protocol 47 after the delivery IPv4 header) in clear.',
  },
  ...(['transport', 'tunnel'] as const).map(
    (mode): Evidence => ({
      row: `gre-ipsec-${mode}`,
      cell: 'greHeader',
      lab: () => builtin(`gre-ipsec-${mode}`),
      request: ping('H1', 'H2'),
      pick: txOn(R1_R2, 'ESP'),
      decrypted: true,
      shows:
        mode === 'transport'
          ? 'The ESP packet on the R1 - R2 link: ESP follows the delivery header and the GRE header is inside the encrypted range (next header 47).'
          : 'The ESP packet on the R1 - R2 link: the GRE delivery header and the GRE header are both inside the encrypted range (next header 4).',
    }),
  ),
];

export const evidenceFor = (row: CapabilityRow, cell: CapabilityCell): Evidence | undefined => EVIDENCE.find((e) => e.row === row && e.cell === cell);

export type EvidenceRun =
  | { ok: true; lab: Lab; records: TraceRecord[]; summary: string[]; espSa: string[]; target: string; index: number }
  | { ok: false; error: string };

/** Runs one piece of evidence with `run` (runTraffic, or runTrafficAsync in the app) and finds its record. */
export async function runEvidence(
  e: Evidence,
  run: (lab: Lab, request: TrafficRequest) => Promise<TrafficResult> | TrafficResult,
): Promise<EvidenceRun> {
  const lab = e.lab();
  const result = await run(lab, e.request);
  if (!result.ok) return result;
  const index = result.records.findIndex(e.pick);
  if (index < 0) return { ok: false, error: 'the run did not produce the packet this answer is about' };
  return { ok: true, lab, records: result.records, summary: result.summary, espSa: result.espSa, target: result.target, index };
}
