// Data for NAT and OSPF show commands. The simulation produces these rows, so their types are
// declared there (sim may not import console) and the console takes them as they are.
export type { NatTranslationRowData as NatTranslationRow } from '../../sim/nat';
export type { IpProtocolsData, OspfDatabaseView, OspfInterfaceView, OspfLsaRow, OspfNeighborRow, OspfProcessView } from '../../sim/ospf';
