// Data for NAT and OSPF show commands.

export interface NatTranslationRow {
  protocol: 'icmp' | 'udp' | 'tcp' | 'esp' | '---';
  insideGlobal: string;
  insideLocal: string;
  outsideLocal: string;
  outsideGlobal: string;
}

export interface OspfNeighborRow {
  neighborId: string;
  priority: number;
  /** FULL/  -, FULL/DR, INIT/DROTHER ... as IOS prints it. */
  state: string;
  deadTime: string;
  address: string;
  interface: string;
}

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
