// `tunnel mode gre ip` (RFC 2784): outer IPv4 (protocol 47, TTL 255, ToS copied) from the tunnel
// source to the destination, a 4-byte GRE header (8 with `tunnel key`), then the inner packet.
// The delivery header's DF bit is clear unless `tunnel path-mtu-discovery` copies the inner one.
// Also the placeholder for `tunnel mode ipsec ipv4`, whose line protocol stays down until the
// IPsec plugin (src/sim/ipsec) registers the real encapsulation.
import { emitGre } from '../wire/gre';
import { emitIpv4 } from '../wire/ipv4';
import { formatIp } from './addr';
import type { TunnelEncapsulation } from './extensions';
import { nextIpId } from './ip-stack';

export const GRE_OVERHEAD = 24;

export const greEncapsulation: TunnelEncapsulation = {
  overhead: (_dev, t) => GRE_OVERHEAD + (t.config.tunnelKey !== undefined ? 4 : 0),
  encapsulate(ctx) {
    const t = ctx.tunnel.config;
    const gre = emitGre(t.tunnelKey !== undefined ? { protocolType: 0x0800, key: t.tunnelKey } : { protocolType: 0x0800 }, ctx.inner);
    const src = formatIp(ctx.source);
    const dst = formatIp(ctx.destination);
    const outer = emitIpv4(
      { src, dst, protocol: 47, ttl: 255, tos: ctx.innerIp.tos, df: t.tunnelPathMtuDiscovery ? ctx.innerIp.df : false, id: nextIpId(ctx.device) },
      gre,
    );
    return { ok: true, bytes: outer, decision: `GRE encapsulation on ${ctx.tunnel.name}: ${src} -> ${dst}`, protocol: 'GRE' };
  },
};

/** Until IPsec is plugged in, an IPsec VTI has no SA, so its line protocol is down. */
export const ipsecVtiWithoutIpsec: TunnelEncapsulation = {
  // IOS default for a VTI with esp-aes esp-sha-hmac is 1438 plaintext; the IPsec plugin computes it.
  overhead: () => 62,
  lineProtocol: (_dev, t) => ({
    up: false,
    reason: t.config.tunnelProtection
      ? 'no IPsec security association is up for this tunnel'
      : 'tunnel mode ipsec ipv4 needs tunnel protection ipsec profile',
  }),
  encapsulate: () => ({ ok: false, reason: 'no IPsec security association for this tunnel' }),
};
