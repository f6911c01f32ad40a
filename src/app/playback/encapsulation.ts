// The outermost encapsulation of a packet on the wire, as the canvas colours it. The engine's
// trace already labels every record with its outermost protocol (src/sim/protocol-label.ts);
// this maps those labels onto the seven colours the legend explains.
export type Encapsulation = 'ip' | 'arp' | 'gre' | 'esp' | 'esp-udp' | 'ike' | 'ospf';

export interface EncapsulationInfo {
  id: Encapsulation;
  label: string;
  /** What the legend says it is. */
  meaning: string;
}

export const ENCAPSULATIONS: readonly EncapsulationInfo[] = [
  { id: 'ip', label: 'Plain IP', meaning: 'IPv4 with nothing around it (ICMP, UDP...)' },
  { id: 'arp', label: 'ARP', meaning: 'address resolution on one link' },
  { id: 'gre', label: 'GRE', meaning: 'IPv4 protocol 47, readable by anyone' },
  { id: 'esp', label: 'ESP', meaning: 'IPv4 protocol 50, encrypted' },
  { id: 'esp-udp', label: 'ESP in UDP', meaning: 'NAT-T: ESP inside UDP 4500' },
  { id: 'ike', label: 'IKE', meaning: 'ISAKMP on UDP 500 or 4500' },
  { id: 'ospf', label: 'OSPF', meaning: 'IPv4 protocol 89 routing' },
];

const BY_LABEL: Record<string, Encapsulation> = {
  ARP: 'arp',
  GRE: 'gre',
  ESP: 'esp',
  'UDP-ESP': 'esp-udp',
  ISAKMP: 'ike',
  IKE: 'ike',
  OSPF: 'ospf',
};

/** The colour class of a trace record's protocol label ("ICMP", "GRE", "UDP-ESP", ...). */
export function encapsulationOf(protocolLabel: string): Encapsulation {
  return BY_LABEL[protocolLabel] ?? 'ip';
}
