// The longer IOS `debug crypto isakmp` / `debug crypto ipsec` texts and `show crypto isakmp sa`,
// kept apart from the state machine. Formats follow IOS 15 output.
import { formatIp as ip } from '../addr';
import type { Phase1Check, OfferedPhase2 } from './proposals';
import { encapValue, transformSetText } from './proposals';
import type { EspKeys, IpsecPolicy, IpsecSaPair, IsakmpSaRow, Ip, ProxyId, TransformSet } from './types';
import { proxyText } from './util';

const spiText = (spi: number) => `0x${spi.toString(16).toUpperCase()}(${spi})`;

export function saRequestText(policy: IpsecPolicy): string {
  const first = policy.transformSets[0];
  const mode = policy.tunnelOnly || first?.mode !== 'transport' ? 'Tunnel' : 'Transport';
  return (
    `IPSEC(sa_request): ,\n  (key eng. msg.) OUTBOUND local= ${ip(policy.localAddress)}:0, remote= ${ip(policy.peer)}:0,\n` +
    `    local_proxy= ${proxyText(policy.local)},\n    remote_proxy= ${proxyText(policy.remote)},\n` +
    `    protocol= ESP, transform= ${first ? transformSetText(first) : '{}'} (${mode}),\n` +
    `    lifedur= ${policy.lifetimeSeconds ?? 3600}s and ${policy.lifetimeKilobytes ?? 4608000}kb`
  );
}

/** "Checking ISAKMP transform N against priority P policy" and the attributes that follow. */
export function phase1CheckLines(c: Phase1Check, transformsOffered: number): string[] {
  const o = c.offered;
  const enc = o.encryption === 'aes' ? 'AES-CBC' : o.encryption === '3des' ? '3DES-CBC' : o.encryption === 'des' ? 'DES-CBC' : 'unknown';
  const lines = [`ISAKMP:(0):Checking ISAKMP transform ${o.number} against priority ${c.policy.priority} policy`, `ISAKMP:      encryption ${enc}`];
  if (o.encryption === 'aes') lines.push(`ISAKMP:      keylength of ${o.keyBits}`);
  lines.push(
    `ISAKMP:      hash ${o.hash === 'sha1' ? 'SHA' : (o.hash ?? 'unknown').toUpperCase()}`,
    `ISAKMP:      default group ${o.group}`,
    `ISAKMP:      auth ${o.auth === 1 ? 'pre-share' : 'RSA sig'}`,
    `ISAKMP:      life type in seconds`,
    `ISAKMP:      life duration (VPI) of  ${lifeVpi(o.lifetime)}`,
  );
  if (c.mismatch) lines.push(`ISAKMP:(0):${c.mismatch}`, `ISAKMP:(0):atts are not acceptable. Next payload is ${o.number < transformsOffered ? 3 : 0}`);
  else lines.push(`ISAKMP:(0):atts are acceptable. Next payload is 0`);
  return lines;
}

/** The attribute lines IOS prints for one offered ESP transform. */
export function phase2TransformLines(o: OfferedPhase2): string[] {
  const name = o.cipher === 'esp-aes' ? 'ESP_AES' : o.cipher === 'esp-3des' ? 'ESP_3DES' : o.cipher === 'esp-des' ? 'ESP_DES' : o.cipher === 'esp-gcm' ? 'ESP_GCM' : (o.cipher ?? 'unknown').toUpperCase();
  const auth = o.integrity ? { 'esp-md5-hmac': 'HMAC-MD5', 'esp-sha-hmac': 'HMAC-SHA', 'esp-sha256-hmac': 'HMAC-SHA256', 'esp-sha384-hmac': 'HMAC-SHA384', 'esp-sha512-hmac': 'HMAC-SHA512' }[o.integrity] : undefined;
  const lines = [
    `ISAKMP: transform 1, ${name}`,
    `ISAKMP:   attributes in transform:`,
    `ISAKMP:      encaps is ${encapValue(o.mode ?? 'tunnel', o.udp)} (${o.mode === 'transport' ? 'Transport' : 'Tunnel'}${o.udp ? '-UDP' : ''})`,
    `ISAKMP:      SA life type in seconds`,
    `ISAKMP:      SA life duration (basic) of ${o.lifetimeSeconds}`,
  ];
  if (auth) lines.push(`ISAKMP:      authenticator is ${auth}`);
  if (o.cipher === 'esp-aes' || o.cipher === 'esp-gcm') lines.push(`ISAKMP:      key length is ${o.keyBits}`);
  return lines;
}

export function validateProposalText(local: Ip, peer: Ip, localProxy: ProxyId, remoteProxy: ProxyId): string {
  return (
    `IPSEC(validate_proposal_request): proposal part #1,\n  (key eng. msg.) INBOUND local= ${ip(local)}:0, remote= ${ip(peer)}:0,\n` +
    `    local_proxy= ${proxyText(localProxy)},\n    remote_proxy= ${proxyText(remoteProxy)},\n` +
    `    protocol= ESP, transform= NONE  (Tunnel),\n    lifedur= 0s and 0kb,\n    spi= 0x0(0), conn_id= 0, keysize= 128, flags= 0x0`
  );
}

/** IPSEC(initialize_sas) and IPSEC(create_sa) for both directions of a new SA pair. */
export function installTexts(sa: IpsecSaPair, set: TransformSet): string[] {
  const natT = sa.udpEncap !== undefined;
  const out: string[] = [];
  const dirs: [string, EspKeys, Ip][] = [
    ['INBOUND', sa.inbound, sa.local],
    ['OUTBOUND', sa.outbound, sa.peer],
  ];
  for (const [dir, k, dst] of dirs) {
    out.push(
      `IPSEC(initialize_sas): ,\n  (key eng. msg.) ${dir} local= ${ip(sa.local)}:0, remote= ${ip(sa.peer)}:0,\n` +
        `    local_proxy= ${proxyText(sa.localProxy)},\n    remote_proxy= ${proxyText(sa.remoteProxy)},\n` +
        `    protocol= ESP, transform= ${transformSetText(set)} (${sa.mode === 'tunnel' ? 'Tunnel' : 'Transport'}${natT ? '-UDP' : ''}),\n` +
        `    lifedur= ${sa.lifetimeSeconds}s and ${sa.lifetimeKilobytes}kb,\n    spi= ${spiText(k.spi)}, conn_id= 0, keysize= ${sa.keyBits}, flags= 0x0`,
      `IPSEC(create_sa): sa created,\n  (sa) sa_dest= ${ip(dst)}, sa_proto= 50,\n    sa_spi= ${spiText(k.spi)},\n` +
        `    sa_trans= ${transformSetText(set).slice(1, -2)} , sa_conn_id= ${sa.connId}\n    sa_lifetime(k/sec)= (${sa.lifetimeKilobytes}/${sa.lifetimeSeconds})`,
    );
  }
  return out;
}

export function deleteSaText(sa: IpsecSaPair): string {
  return `IPSEC(delete_sa): deleting SA,\n  (sa) sa_dest= ${ip(sa.peer)}, sa_proto= 50,\n    sa_spi= ${spiText(sa.outbound.spi)}`;
}

function lifeVpi(v: number): string {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].map((b) => `0x${b.toString(16)}`).join(' ');
}

/** Renders `show crypto isakmp sa` as IOS 15 prints it (columns as in the reference output). */
export function formatShowCryptoIsakmpSa(rows: readonly IsakmpSaRow[]): string {
  const lines = ['IPv4 Crypto ISAKMP SA', 'dst             src             state          conn-id status'];
  for (const r of rows) lines.push(`${ip(r.dst).padEnd(16)}${ip(r.src).padEnd(16)}${r.state.padEnd(15)}${String(r.connId).padStart(7)} ${r.status}`);
  lines.push('         ', 'IPv6 Crypto ISAKMP SA', '');
  return lines.join('\n');
}

/**
 * Renders `show crypto isakmp sa detail`. Capabilities: D (dead peer detection, both ends send
 * the DPD vendor ID), N (NAT-traversal in use). Lifetime is what is left of the ISAKMP SA.
 */
export function formatShowCryptoIsakmpSaDetail(rows: readonly IsakmpSaRow[]): string {
  const lines = ['IPv4 Crypto ISAKMP SA', ' ', 'C-id  Local           Remote          I-VRF  Status Encr Hash   Auth DH Lifetime Cap.', ' '];
  for (const r of rows) {
    const left = r.remainingSeconds;
    const life = [Math.floor(left / 3600), Math.floor(left / 60) % 60, left % 60].map((n) => String(n).padStart(2, '0')).join(':');
    const cap = `D${r.natT ? 'N' : ''}`.padEnd(3);
    lines.push(
      `${String(r.connId).padEnd(6)}${ip(r.local).padEnd(16)}${ip(r.remote).padEnd(23)}ACTIVE ${r.encryption.padEnd(5)}${r.hash.padEnd(7)}${r.auth.padEnd(5)}${String(r.group ?? '').padEnd(3)}${life} ${cap}`,
      `       Engine-id:Conn-id =  SW:${r.connId}`,
      ' ',
    );
  }
  lines.push('IPv6 Crypto ISAKMP SA', '');
  return lines.join('\n');
}
