// `show interfaces [NAME]` in the IOS-XE layout of ../shared/reference (CSR1000v), Ethernet,
// Loopback and Tunnel variants; the ntc-templates parser reads it.
import { dottedMac } from './format-utils';
import type { InterfaceDetail } from './types';

function statusLine(i: InterfaceDetail): string {
  return `${i.name} is ${i.status}, line protocol is ${i.protocol}`;
}

function counterLines(i: InterfaceDetail, ethernet: boolean): string[] {
  const c = i.counters;
  return [
    `  Input queue: 0/375/${c.inputDrops}/0 (size/max/drops/flushes); Total output drops: ${c.outputDrops}`,
    '  Queueing strategy: fifo',
    `  Output queue: 0/${ethernet ? 40 : 0} (size/max)`,
    '  5 minute input rate 0 bits/sec, 0 packets/sec',
    '  5 minute output rate 0 bits/sec, 0 packets/sec',
    `     ${c.inputPackets} packets input, ${c.inputBytes} bytes, 0 no buffer`,
    `     Received ${c.broadcasts} broadcasts (${c.multicasts} IP multicasts)`,
    '     0 runts, 0 giants, 0 throttles',
    ethernet ? '     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored' : '     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort',
    ...(ethernet ? ['     0 watchdog, 0 multicast, 0 pause input'] : []),
    `     ${c.outputPackets} packets output, ${c.outputBytes} bytes, 0 underruns`,
    '     0 output errors, 0 collisions, 0 interface resets',
    '     0 unknown protocol drops',
    ...(ethernet ? ['     0 babbles, 0 late collision, 0 deferred', '     0 lost carrier, 0 no carrier, 0 pause output'] : []),
    '     0 output buffer failures, 0 output buffers swapped out',
  ];
}

export function formatInterface(i: InterfaceDetail): string {
  const out = [statusLine(i)];
  const address = i.ipAddress && i.prefixLength !== undefined ? [`  Internet address is ${i.ipAddress}/${i.prefixLength}`] : [];
  const desc = i.description !== undefined ? [`  Description: ${i.description}`] : [];
  const last = `  Last input ${i.lastInput}, output ${i.lastOutput}, output hang never`;
  if (i.kind === 'ethernet') {
    const mac = dottedMac(i.mac ?? '0000.0000.0000');
    out.push(
      `  Hardware is ${i.hardware ?? 'CSR vNIC'}, address is ${mac} (bia ${mac})`,
      ...desc,
      ...address,
      `  MTU ${i.mtu} bytes, BW 1000000 Kbit/sec, DLY 10 usec,`,
      '     reliability 255/255, txload 1/255, rxload 1/255',
      '  Encapsulation ARPA, loopback not set',
      '  Keepalive set (10 sec)',
      '  Full Duplex, 1000Mbps, link type is auto, media type is RJ45',
      '  output flow-control is unsupported, input flow-control is unsupported',
      '  ARP type: ARPA, ARP Timeout 04:00:00',
      last,
      '  Last clearing of "show interface" counters never',
      ...counterLines(i, true),
    );
  } else if (i.kind === 'loopback') {
    out.push(
      '  Hardware is Loopback',
      ...desc,
      ...address,
      `  MTU ${i.mtu} bytes, BW 8000000 Kbit/sec, DLY 5000 usec,`,
      '     reliability 255/255, txload 1/255, rxload 1/255',
      '  Encapsulation LOOPBACK, loopback not set',
      '  Keepalive set (10 sec)',
      last,
      '  Last clearing of "show interface" counters never',
      ...counterLines(i, false),
    );
  } else {
    const t = i.tunnel ?? { protocol: 'GRE/IP' };
    const src = t.sourceAddress ?? (t.sourceInterface ? 'UNKNOWN' : 'UNKNOWN');
    const srcText = t.sourceInterface ? `${src} (${t.sourceInterface})` : src;
    out.push(
      '  Hardware is Tunnel',
      ...desc,
      ...address,
      `  MTU ${i.mtu} bytes, BW 100 Kbit/sec, DLY 50000 usec,`,
      '     reliability 255/255, txload 1/255, rxload 1/255',
      '  Encapsulation TUNNEL, loopback not set',
      '  Keepalive not set',
      // IOS-XE prints the evaluation either way: `up`, or `down - <reason>` (reference show_interfaces).
      ...(t.linestateDown ? [`  Tunnel linestate evaluation down - ${t.linestateDown}`] : i.protocol === 'up' ? ['  Tunnel linestate evaluation up'] : []),
      `  Tunnel source ${srcText}, destination ${t.destination ?? 'UNKNOWN'}`,
      `  Tunnel protocol/transport ${t.protocol}`,
      ...(t.protocol.includes('GRE') ? [`    Key ${t.key !== undefined ? `0x${t.key.toString(16).toUpperCase()}` : 'disabled'}, sequencing disabled`, '    Checksumming of packets disabled'] : []),
      `  Tunnel TTL 255${t.protocol.includes('GRE') ? ', Fast tunneling enabled' : ''}`,
      ...(t.pathMtuDiscovery ? ['  Path MTU Discovery, ager 10 mins, min MTU 92'] : []),
      ...(t.transportMtu !== undefined ? [`  Tunnel transport MTU ${t.transportMtu} bytes`] : []),
      '  Tunnel transmit bandwidth 8000 (kbps)',
      '  Tunnel receive bandwidth 8000 (kbps)',
      ...(t.protectionProfile ? [`  Tunnel protection via IPSec (profile "${t.protectionProfile}")`] : []),
      last,
      '  Last clearing of "show interface" counters never',
      ...counterLines(i, false),
    );
  }
  return out.join('\n') + '\n';
}

export function formatInterfaces(list: readonly InterfaceDetail[]): string {
  return list.map(formatInterface).join('');
}
