// One interface of a simulated device: its configuration (from src/ios), its MAC, its
// administrative and line-protocol state, and the counters `show interfaces` prints.
import type { InterfaceConfig } from '../ios/model';
import { parseMac } from '../wire/ethernet';
import { type Ip, parseIp, prefixFromMask } from './addr';
import type { Link } from './link';
import type { SimTime } from './scheduler';

export type InterfaceKind = 'ethernet' | 'loopback' | 'tunnel';

/** The "Status" column of `show ip interface brief`. */
export type LinkStatus = 'up' | 'down' | 'administratively down';

export interface InterfaceCounters {
  inputPackets: number;
  inputBytes: number;
  outputPackets: number;
  outputBytes: number;
  inputDrops: number;
  outputDrops: number;
  broadcasts: number;
  multicasts: number;
}

export function interfaceKind(name: string): InterfaceKind {
  if (/^Loopback/i.test(name)) return 'loopback';
  if (/^Tunnel/i.test(name)) return 'tunnel';
  return 'ethernet';
}

const zeroCounters = (): InterfaceCounters => ({
  inputPackets: 0, inputBytes: 0, outputPackets: 0, outputBytes: 0, inputDrops: 0, outputDrops: 0, broadcasts: 0, multicasts: 0,
});

export class SimInterface {
  readonly kind: InterfaceKind;
  link?: Link;
  status: LinkStatus = 'down';
  lineProtocol = false;
  /** Simulated time of the last line-protocol change (`Last input`, OSPF timers). */
  lastChange: SimTime = 0;
  counters: InterfaceCounters = zeroCounters();
  /** Simulated times of the last frame in and out (`Last input`, `output` in show interfaces). */
  lastInput?: SimTime;
  lastOutput?: SimTime;
  /** Why a tunnel's line protocol is down, in words (shown in the trace and the inspector). */
  downReason?: string;
  /** Tunnel recursive routing detected: held down until this time (IOS `%TUN-5-RECURDOWN`). */
  recursionHoldUntil?: SimTime;
  /** `tunnel path-mtu-discovery`: the path MTU learned from ICMP fragmentation needed, and until when (IOS ager 10 min). */
  pathMtu?: { mtu: number; until: SimTime };

  constructor(
    public config: InterfaceConfig,
    /** Hardware address, colon form; loopbacks and tunnels have none. */
    readonly mac: string | undefined,
  ) {
    this.kind = interfaceKind(config.name);
    this.macBytes = mac === undefined ? undefined : parseMac(mac);
  }

  /** The same hardware address as bytes (the packet path compares and writes it per frame). */
  readonly macBytes: Uint8Array | undefined;

  get name(): string {
    return this.config.name;
  }

  get adminUp(): boolean {
    return !this.config.shutdown;
  }

  /** Up and up: the interface can carry packets. */
  get usable(): boolean {
    return this.status === 'up' && this.lineProtocol;
  }

  /** The primary address as a number and prefix length, when one is configured and valid. */
  get address(): { ip: Ip; prefixLength: number } | undefined {
    const a = this.config.ipAddress;
    if (!a) return undefined;
    // Parsed once per distinct text: the packet path asks for it on every packet.
    if (this.addrCache && this.addrCache.address === a.address && this.addrCache.mask === a.mask) return this.addrCache.value;
    const value = parseAddress(a.address, a.mask);
    this.addrCache = { address: a.address, mask: a.mask, value };
    return value;
  }

  private addrCache?: { address: string; mask: string; value: { ip: Ip; prefixLength: number } | undefined };

  /** Hardware MTU: Ethernet 1500; a tunnel reports its transport's MTU minus overhead elsewhere. */
  get mtu(): number {
    return this.kind === 'tunnel' ? 17916 : this.kind === 'loopback' ? 1514 : 1500;
  }

  resetCounters(): void {
    this.counters = zeroCounters();
  }
}

function parseAddress(address: string, maskText: string): { ip: Ip; prefixLength: number } | undefined {
  const ipv = parseIp(address);
  const mask = parseIp(maskText);
  if (ipv === undefined || mask === undefined) return undefined;
  const len = prefixFromMask(mask);
  if (len === undefined) return undefined;
  return { ip: ipv, prefixLength: len };
}
