// The network's capture as pcapng: one interface per link, named after its two ends, Ethernet
// link type; each frame once, when it was put on the wire, in time order, with simulated time.
import { LINKTYPE_ETHERNET, writePcapng } from '../wire/pcapng';
import type { Network } from './network';

export function captureToPcapng(net: Network): Uint8Array {
  const interfaces = net.links.map((l) => ({ name: l.label, linkType: LINKTYPE_ETHERNET }));
  // The capture is appended as frames are sent, so it is already in time order.
  const packets = net.capture.map((f) => ({ interfaceId: f.link, timestampUs: f.time, data: f.bytes }));
  return writePcapng(interfaces, packets);
}
