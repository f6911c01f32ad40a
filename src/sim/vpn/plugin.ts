// IPsec as a simulation plugin (extensions.ts): a VpnRuntime on every router, the `tunnel mode
// ipsec ipv4` encapsulation (an IPsec VTI), GRE tunnel protection, and the console's crypto show
// methods on the device (src/console/sim-adapter.ts forwards isakmpSas, ipsecSas, cryptoSessions,
// cryptoMaps, debug and clear when a device has them).
import type { Device } from '../device';
import type { SimPlugin, TunnelEncapsulation } from '../extensions';
import type { SimInterface } from '../interface';
import { findEspCipher, findEspIntegrity } from '../../crypto/esp-transforms';
import { plaintextMtu } from '../ipsec/overhead';
import { hasCrypto, tunnelPolicy } from './config';
import { VpnRuntime } from './runtime';
import { attachConsoleViews } from './show';

const runtimes = new WeakMap<Device, VpnRuntime>();

export function vpnOf(device: Device): VpnRuntime | undefined {
  return runtimes.get(device);
}

/** Path MTU toward the tunnel destination: the IP MTU of the interface it leaves by. */
export function pathMtu(dev: Device, t: SimInterface): number {
  const dst = dev.tunnelDestinationAddress(t);
  const res = dst === undefined ? undefined : dev.resolve(dst);
  const out = res ? dev.iface(res.interface) : undefined;
  return out && out.kind !== 'tunnel' ? dev.ipMtu(out) : 1500;
}

/**
 * IP MTU of an IPsec VTI as IOS derives it: the plaintext MTU of its (first) transform set over
 * the path, 1438 for esp-aes esp-sha-hmac on 1500, 1422 once NAT-T adds its UDP header.
 */
export function vtiIpMtu(dev: Device, t: SimInterface): number {
  const rt = runtimes.get(dev);
  const b = rt?.sad.forPolicy(t.name);
  const path = pathMtu(dev, t);
  if (b) return plaintextMtu(path, b.outbound.config, 'tunnel', b.outbound.config.udpEncap !== undefined);
  const p = tunnelPolicy(dev, t);
  const ts = p?.transformSets[0];
  const cipher = ts ? (findEspCipher(ts.cipher, ts.keyBits ?? (ts.cipher === 'esp-aes' ? 128 : undefined)) ?? findEspCipher(ts.cipher)) : undefined;
  if (!ts || !cipher) return path - 62;
  return plaintextMtu(path, { cipher, integrity: ts.integrity ? (findEspIntegrity(ts.integrity) ?? null) : null }, 'tunnel');
}

/** IOS-XE's `Tunnel linestate evaluation down - transport reg down` for a VTI without IPsec SAs. */
export const TRANSPORT_REG_DOWN = 'transport reg down';

export const ipsecVti: TunnelEncapsulation = {
  overhead: (dev, t) => 1500 - vtiIpMtu(dev, t),
  lineProtocol(dev, t) {
    // IOS: a VTI's line protocol follows its IPsec SAs; without `tunnel protection` it never comes
    // up. The reason is what `show interfaces` prints after "Tunnel linestate evaluation down - ":
    // IOS-XE says `transport reg down` while the tunnel's IPsec transport (its crypto socket) is
    // not registered up. Assumed the same for a missing `tunnel protection` or profile (not seen
    // in the reference output). The plain explanation stays in the trace (IKE failures, drops).
    if (!t.config.tunnelProtection) return { up: false, reason: TRANSPORT_REG_DOWN };
    const rt = runtimes.get(dev);
    if (!rt) return { up: false, reason: TRANSPORT_REG_DOWN };
    if (rt.sad.forPolicy(t.name)) return { up: true };
    return { up: false, reason: TRANSPORT_REG_DOWN };
  },
  encapsulate(ctx) {
    const rt = runtimes.get(ctx.device);
    if (!rt) return { ok: false, reason: 'no IPsec on this device' };
    return rt.vtiEncapsulate(ctx);
  },
};

export const vpnPlugin: SimPlugin = {
  name: 'ipsec',
  attach(device) {
    if (device.kind === 'host') return;
    // IOS listens on UDP 500/4500 only once crypto is configured (else: port unreachable).
    const start = () => {
      if (runtimes.has(device) || !hasCrypto(device.config)) return;
      const rt = new VpnRuntime(device);
      runtimes.set(device, rt);
      attachConsoleViews(device, rt);
      rt.soon();
    };
    device.onConfigChange(start);
    start();
  },
  tunnelModes: { 'ipsec ipv4': ipsecVti },
  tunnelProtection(ctx, delivery) {
    const rt = runtimes.get(ctx.device);
    if (!rt) return { ok: false, reason: 'no IPsec on this device' };
    return rt.greProtect(ctx, delivery);
  },
};
