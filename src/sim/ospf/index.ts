// OSPFv2 for the simulation: the engine (clock-free), its simulation plugin, and the data its show commands print.
export { OspfEngine, OSPF_DISTANCE } from './engine';
export type { OspfEngineOptions, OspfNeighborRow, OspfOutput, OspfProtocolInfo, OspfTransmit, NeighborState, InterfaceState } from './engine';
export type { OspfLinkState } from './config';
export { ospfPlugin, ospfOf, OspfRuntime } from './plugin';
export { ipProtocolsData } from './show';
export type { IpProtocolsData } from './show';
export { hmsMillis } from './views';
export type { OspfAreaDatabase, OspfAreaSummary, OspfDatabaseView, OspfInterfaceView, OspfLsaRow, OspfProcessView } from './views';
