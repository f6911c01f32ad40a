// IOS ping and traceroute as the engine runs them: each call sends its probes and runs the
// simulation forward until a reply or the timeout, so a ping takes its round trips in simulated
// time. Results are data; src/console prints them in IOS format.
import { emitIcmp, parseIcmp } from '../wire/icmp';
import type { Ipv4Packet } from '../wire/ipv4';
import { emitUdp } from '../wire/udp';
import { type Ip, formatIp, parseIp } from './addr';
import type { Device } from './device';
import { resolveOriginated } from './ip-stack';
import type { Network } from './network';
import { MILLISECOND, SECOND } from './scheduler';

export interface PingOptions {
  target: Ip;
  /** IOS `repeat`, default 5. */
  repeat?: number;
  /** IOS `size`: the whole IP datagram in bytes, default 100. */
  size?: number;
  /** IOS `timeout` in seconds, default 2. */
  timeout?: number;
  /** IOS `source`: an interface name or an address of this device. */
  source?: string;
  /** IOS `df-bit`. */
  df?: boolean;
}

/** One character of the IOS ping line: ! reply, . timeout, U unreachable, M could not fragment, & TTL expired, ? unknown. */
export type PingMark = '!' | '.' | 'U' | 'M' | 'Q' | '&' | '?';

export interface PingReply {
  seq: number;
  mark: PingMark;
  /** Round trip in microseconds of simulated time, for '!'. */
  rtt?: number;
  /** Who answered (the target, or the router that sent the error). */
  from?: Ip;
}

export interface PingReport {
  target: Ip;
  size: number;
  repeat: number;
  timeout: number;
  /** Source address used, when `source` was given. */
  source?: Ip;
  replies: PingReply[];
  received: number;
  /** 0-100, rounded down as IOS does. */
  successRate: number;
  /** Milliseconds, IOS rounding (min/avg/max), when anything came back. */
  rttMs?: { min: number; avg: number; max: number };
  /** Set when the ping could not start ("% Invalid source address- IP address not on any of our up interfaces"). */
  error?: string;
}

/** IOS fills echo data with 0xABCD. */
function echoData(len: number): Uint8Array {
  const d = new Uint8Array(Math.max(0, len));
  for (let i = 0; i < d.length; i++) d[i] = i % 2 === 0 ? 0xab : 0xcd;
  return d;
}

function sourceAddress(dev: Device, source: string | undefined): { ip?: Ip; error?: string } {
  if (source === undefined) return {};
  const asIp = parseIp(source);
  if (asIp !== undefined) {
    if (!dev.isLocalAddress(asIp)) return { error: '% Invalid source address- IP address not on any of our up interfaces' };
    return { ip: asIp };
  }
  const i = dev.iface(source);
  if (!i) return { error: `% Invalid source interface - ${source}` };
  if (!i.address || !i.usable) return { error: `% Invalid source address- IP address not on any of our up interfaces` };
  return { ip: i.address.ip };
}

export function ping(net: Network, dev: Device, o: PingOptions): PingReport {
  const repeat = o.repeat ?? 5;
  const size = Math.max(36, o.size ?? 100);
  const timeout = o.timeout ?? 2;
  const report: PingReport = { target: o.target, size, repeat, timeout, replies: [], received: 0, successRate: 0 };
  const src = sourceAddress(dev, o.source);
  if (src.error) return { ...report, error: src.error };
  if (src.ip !== undefined) report.source = src.ip;
  net.start();
  const id = dev.rng.int(0, 0xffff);
  const data = echoData(size - 28);
  const targetText = formatIp(o.target);
  for (let seq = 0; seq < repeat; seq++) {
    let reply: PingReply | undefined;
    const sentAt = net.now;
    const listener = (d: { ip: Ipv4Packet }) => {
      if (reply) return;
      const m = parseIcmp(d.ip.payload, { verifyChecksum: false });
      if (!m.ok) return;
      const v = m.value;
      if (v.kind === 'echo-reply') {
        if (v.id === id && v.seq === seq && d.ip.src === targetText) reply = { seq, mark: '!', rtt: net.now - sentAt, from: o.target };
        return;
      }
      if (v.kind !== 'dest-unreachable' && v.kind !== 'time-exceeded') return;
      // Match the quoted echo: ICMP type 8 with our id and seq.
      const q = quotedEcho(v.original);
      if (!q || q.id !== id || q.seq !== seq) return;
      const mark: PingMark = v.kind === 'time-exceeded' ? '&' : v.code === 4 ? 'M' : 'U';
      reply = { seq, mark, from: parseIp(d.ip.src) };
    };
    dev.icmpListeners.add(listener);
    const echo = emitIcmp({ kind: 'echo-request', code: 0, id, seq, data });
    dev.sendIp({ dst: o.target, src: src.ip, protocol: 1, payload: echo, df: o.df ?? false, decision: dev.tracing ? `ping: ICMP echo request ${seq} to ${formatIp(o.target)}` : undefined });
    net.runUntil(() => reply !== undefined, sentAt + timeout * SECOND);
    dev.icmpListeners.delete(listener);
    report.replies.push(reply ?? { seq, mark: '.' });
  }
  const rtts = report.replies.filter((r) => r.mark === '!').map((r) => r.rtt ?? 0);
  report.received = rtts.length;
  report.successRate = Math.floor((100 * rtts.length) / repeat);
  if (rtts.length > 0) {
    const ms = rtts.map((r) => Math.round(r / MILLISECOND));
    report.rttMs = { min: Math.min(...ms), avg: Math.round(ms.reduce((a, b) => a + b, 0) / ms.length), max: Math.max(...ms) };
  }
  return report;
}

function quotedEcho(original: Uint8Array): { id: number; seq: number } | undefined {
  if (original.length < 28) return undefined;
  const ihl = (original[0]! & 0xf) * 4;
  if (original[9] !== 1 || original.length < ihl + 8 || original[ihl] !== 8) return undefined;
  return { id: (original[ihl + 4]! << 8) | original[ihl + 5]!, seq: (original[ihl + 6]! << 8) | original[ihl + 7]! };
}

// ---- traceroute -----------------------------------------------------------------------------

export interface TracerouteOptions {
  target: Ip;
  source?: string;
  /** IOS `probe`, default 3. */
  probes?: number;
  /** Seconds, IOS default 3. */
  timeout?: number;
  minTtl?: number;
  /** IOS default 30. */
  maxTtl?: number;
  /** First UDP destination port, IOS default 33434 (one more per probe). */
  port?: number;
}

export interface TracerouteProbe {
  /** Responder; undefined for a timeout (`*`). */
  from?: Ip;
  rtt?: number;
  /** IOS marker after the time: !H host unreachable, !N network, !P protocol, !A administratively. */
  marker?: string;
}

export interface TracerouteHop {
  ttl: number;
  probes: TracerouteProbe[];
}

export interface TracerouteReport {
  target: Ip;
  hops: TracerouteHop[];
  /** True when the destination answered (port unreachable). */
  reached: boolean;
  error?: string;
}

const UNREACH_MARKERS: Record<number, string> = { 0: '!N', 1: '!H', 2: '!P', 4: '!F', 13: '!A' };

export function traceroute(net: Network, dev: Device, o: TracerouteOptions): TracerouteReport {
  const report: TracerouteReport = { target: o.target, hops: [], reached: false };
  const src = sourceAddress(dev, o.source);
  if (src.error) return { ...report, error: src.error };
  net.start();
  const probes = o.probes ?? 3;
  const timeout = (o.timeout ?? 3) * SECOND;
  let port = o.port ?? 33434;
  const sport = 49152 + dev.rng.int(0, 16383);
  const srcIp = src.ip ?? (() => {
    const res = resolveOriginated(dev, o.target);
    return res ? dev.iface(res.interface)?.address?.ip : undefined;
  })();
  for (let ttl = o.minTtl ?? 1; ttl <= (o.maxTtl ?? 30); ttl++) {
    const hop: TracerouteHop = { ttl, probes: [] };
    let stop = false;
    for (let k = 0; k < probes; k++) {
      const dport = port++;
      let probe: TracerouteProbe | undefined;
      const sentAt = net.now;
      const listener = (d: { ip: { src: string; payload: Uint8Array } }) => {
        if (probe) return;
        const m = parseIcmp(d.ip.payload, { verifyChecksum: false });
        if (!m.ok || (m.value.kind !== 'time-exceeded' && m.value.kind !== 'dest-unreachable')) return;
        // The quote holds the IP header and the first 8 bytes: our UDP ports.
        const orig = m.value.original;
        if (orig.length < 28) return;
        const ihl = (orig[0]! & 0xf) * 4;
        if (orig[9] !== 17 || orig.length < ihl + 4) return;
        const qs = (orig[ihl]! << 8) | orig[ihl + 1]!;
        const qd = (orig[ihl + 2]! << 8) | orig[ihl + 3]!;
        if (qs !== sport || qd !== dport) return;
        const from = parseIp(d.ip.src);
        const p: TracerouteProbe = { from, rtt: net.now - sentAt };
        if (m.value.kind === 'dest-unreachable') {
          if (m.value.code === 3) report.reached = true;
          else p.marker = UNREACH_MARKERS[m.value.code] ?? `!${m.value.code}`;
          stop = true;
        }
        probe = p;
      };
      dev.icmpListeners.add(listener);
      const payload = emitUdp({ srcPort: sport, dstPort: dport }, new Uint8Array(0), srcIp !== undefined ? { src: formatIp(srcIp), dst: formatIp(o.target) } : undefined);
      dev.sendIp({ dst: o.target, src: srcIp, protocol: 17, payload, ttl, decision: `traceroute probe TTL ${ttl} to ${formatIp(o.target)}:${dport}` });
      net.runUntil(() => probe !== undefined, sentAt + timeout);
      dev.icmpListeners.delete(listener);
      hop.probes.push(probe ?? {});
    }
    report.hops.push(hop);
    if (stop) break;
  }
  return report;
}
