// Public API of the simulation core (src/sim). See extensions.ts for the hooks that IPsec, IKE,
// OSPF and NAT plug into.
export { Network, TopologyError, type TopologySpec, type NetworkOptions, type ConfigParser } from './network';
export { Device, compareInterfaceNames, type DeviceKind, type NetworkContext } from './device';
export { SimInterface, type InterfaceKind, type LinkStatus, type InterfaceCounters } from './interface';
export { Link, type LinkEnd, type CapturedFrame, DEFAULT_LINK_DELAY } from './link';
export { Rib, prefixText, type Route, type RouteCode, type Resolution } from './rib';
export { ArpCache, type ArpEntry, ARP_TIMEOUT } from './arp';
export { LogBuffer, formatLogLine, iosTimestamp, type LogEntry, type LogListener } from './logging';
export { Trace, traceToJson, type TraceRecord, type TracePoint, type TraceListener } from './trace';
export { Scheduler, type SimTime, type EventHandle, MICROSECOND, MILLISECOND, SECOND } from './scheduler';
export { ping, traceroute, type PingOptions, type PingReport, type PingReply, type PingMark, type TracerouteOptions, type TracerouteReport, type TracerouteHop, type TracerouteProbe } from './ping';
export { captureToPcapng } from './capture';
export { greEncapsulation, GRE_OVERHEAD } from './tunnel-gre';
export { ipProtocolLabel, frameProtocolLabel } from './protocol-label';
export { nextIpId, type SendOptions, type SendResult } from './ip-stack';
export * from './extensions';
export * from './addr';
export { interfaceViews, ipRouteView, arpViews, loggingView, configureDevice, iosDuration, type InterfaceView, type RouteView, type IpRouteView, type ArpView } from './console-data';
