// One router's IKEv1 peer: main mode (pre-shared keys) and quick mode, with NAT-T (RFC 3947).
// Deterministic and clock-free: the caller passes `now` (SimTime, microseconds) and a seeded
// random generator, sends the datagrams it gets back, and calls tick() at nextTimerAt().
import { cbcBlockSize } from '../../crypto/cbc';
import { type DhKeyPair, dhGenerate, dhShared } from '../../crypto/dh';
import * as kdf from '../../crypto/ikev1-prf';
import type { SeededRandom } from '../../crypto/rng';
import {
  type IsakmpMessage,
  type IsakmpPayload,
  DOI_IPSEC,
  ExchangeType,
  NotifyType,
  ProtocolId,
  VendorId,
  emit,
  emitPayloadBody,
  emitChain,
  notifyName,
  parse,
} from '../../wire/isakmp';
import { formatIp } from '../addr';
import { SECOND } from '../scheduler';
import { type CipherState, algorithmOf, openMessage, sealMessage } from './crypt';
import {
  type OfferedPhase2,
  type Phase1Choice,
  choosePhase1,
  encapValue,
  keymatLength,
  matchTransform,
  offeredText,
  phase1Answer,
  phase1KeyBits,
  phase1Offer,
  phase2Offer,
  readPhase1Transform,
  readPhase2Proposal,
  transformSetText,
  cipherKeyBits,
} from './proposals';
import type { DhGroup, FailureKind, IkeConfig, IkeDatagram, IkeEvent, IkeLog, IkeOutput, Ip, IpsecPolicy, IpsecSaPair, IsakmpSaRow, ProxyId, SimTime, TransformSet } from './types';
import { type MmState, NON_ESP_MARKER, equalBytes, findKey, hex, idToProxy, natdHash, proxyText, proxyToId, proxyWithin, readU32, showState, u32 } from './util';

const IKE_PORT = 500;
const NATT_PORT = 4500;
const NONCE_LEN = 20;
/** How long a deleted ISAKMP SA stays listed as "ACTIVE (deleted)". */
const DELETED_LINGER = 10 * SECOND;
/** IOS rekeys an IPsec SA shortly before it expires (soft lifetime). */
const SOFT_LIFETIME = 0.9;

type Role = 'I' | 'R';

interface Retransmit {
  datagram: IkeDatagram;
  nextAt: SimTime;
  count: number;
  label: string;
}

interface QuickExchange {
  messageId: number;
  role: Role;
  policy?: IpsecPolicy;
  state: string;
  iv: Uint8Array;
  ni: Uint8Array;
  nr?: Uint8Array;
  spiIn: Uint8Array;
  dh?: DhKeyPair;
  idci?: IsakmpPayload;
  idcr?: IsakmpPayload;
  chosen?: { set: TransformSet; offered: OfferedPhase2; spiOut: Uint8Array; gqmxy?: Uint8Array; pfs?: DhGroup };
  localProxy?: ProxyId;
  remoteProxy?: ProxyId;
  retransmit?: Retransmit;
  lastRecv?: Uint8Array;
  lastSent?: IkeDatagram;
  /** Set when the exchange completed; kept a while to answer retransmissions. */
  doneAt?: SimTime;
}

/** How long a finished quick mode is remembered to answer a retransmitted message. */
const QM_LINGER = 60 * SECOND;

interface Phase1 {
  connId: number;
  role: Role;
  state: MmState;
  localIp: Ip;
  localPort: number;
  peerIp: Ip;
  peerPort: number;
  ckyI: Uint8Array;
  ckyR: Uint8Array;
  psk?: Uint8Array;
  saiB?: Uint8Array;
  choice?: Phase1Choice;
  dh?: DhKeyPair;
  gxi?: Uint8Array;
  gxr?: Uint8Array;
  ni?: Uint8Array;
  nr?: Uint8Array;
  skeyid?: kdf.SkeyidSet;
  cipher?: CipherState;
  iv?: Uint8Array;
  lastP1Block?: Uint8Array;
  peerNatT: boolean;
  natLocal: boolean;
  natPeer: boolean;
  retransmit?: Retransmit;
  lastRecv?: Uint8Array;
  lastSent?: IkeDatagram;
  pending: IpsecPolicy[];
  quick: Map<number, QuickExchange>;
  createdAt: SimTime;
  upAt?: SimTime;
  expiresAt?: SimTime;
  /** When the responder gives up waiting for the initiator's next message. */
  idleDeadline?: SimTime;
  deletedAt?: SimTime;
  nextKeepaliveAt?: SimTime;
  reportedFailure?: boolean;
}

class Out implements IkeOutput {
  send: IkeDatagram[] = [];
  logs: IkeLog[] = [];
  events: IkeEvent[] = [];
  debug(text: string): void {
    this.logs.push({ kind: 'debug', text });
  }
  syslog(text: string): void {
    this.logs.push({ kind: 'syslog', text });
  }
  fail(kind: FailureKind, peer: Ip, explanation: string, policy?: string): void {
    this.events.push(policy ? { type: 'failure', kind, peer, policy, explanation } : { type: 'failure', kind, peer, explanation });
  }
}

const ip = formatIp;

export class IkeEngine {
  private config: Required<Pick<IkeConfig, 'natTraversal' | 'natKeepaliveSeconds' | 'retransmitSeconds' | 'retransmitLimit'>> & IkeConfig;
  private readonly sas = new Map<string, Phase1>();
  private readonly ipsec = new Map<string, IpsecSaPair & { rekeyAt?: SimTime; role: Role }>();
  private readonly keyLog: string[] = [];
  private nextConnId = 1001;

  constructor(
    config: IkeConfig,
    private readonly rng: SeededRandom,
  ) {
    this.config = this.withDefaults(config);
  }

  /** Replaces the configuration (after a config change). Existing SAs stay up. */
  configure(config: IkeConfig): void {
    this.config = this.withDefaults(config);
  }

  private withDefaults(c: IkeConfig) {
    return { ...c, natTraversal: c.natTraversal ?? true, natKeepaliveSeconds: c.natKeepaliveSeconds ?? 20, retransmitSeconds: c.retransmitSeconds ?? 10, retransmitLimit: c.retransmitLimit ?? 5 };
  }

  // ------------------------------------------------------------ public API

  /** The IPsec SA pair negotiated for a policy, if up. */
  ipsecSa(policyName: string): IpsecSaPair | undefined {
    return this.ipsec.get(policyName);
  }

  ipsecSas(): IpsecSaPair[] {
    return [...this.ipsec.values()];
  }

  /** Is a negotiation for this policy running (phase 1 or quick mode)? */
  negotiating(policyName: string): boolean {
    for (const p1 of this.sas.values()) {
      if (p1.deletedAt !== undefined) continue;
      if (p1.pending.some((p) => p.name === policyName)) return true;
      for (const q of p1.quick.values()) if (q.doneAt === undefined && q.policy?.name === policyName) return true;
    }
    return false;
  }

  /** Rows of `show crypto isakmp sa` (dst is the responder, src the initiator, as on IOS). */
  isakmpSas(now: SimTime): IsakmpSaRow[] {
    return [...this.sas.values()].map((p) => ({
      dst: p.role === 'I' ? p.peerIp : p.localIp,
      src: p.role === 'I' ? p.localIp : p.peerIp,
      state: showState(p.state),
      connId: p.connId,
      status: p.deletedAt !== undefined ? 'ACTIVE (deleted)' : 'ACTIVE',
      encryption: p.choice ? (p.choice.encryption === 'aes' ? (p.choice.keyBits === 128 ? 'aes' : `aes${p.choice.keyBits}`) : p.choice.encryption) : '',
      hash: p.choice ? (p.choice.hash === 'sha1' ? 'sha' : p.choice.hash) : '',
      auth: 'psk' as const,
      group: p.choice?.group,
      remainingSeconds: p.expiresAt !== undefined ? Math.max(0, Math.floor((p.expiresAt - now) / SECOND)) : 0,
      natT: p.natLocal || p.natPeer,
    }));
  }

  /**
   * Wireshark's ikev1_decryption_table, one UAT line per ISAKMP SA ever keyed:
   * `<initiator cookie hex>,<encryption key hex>`, for `tshark -o 'uat:ikev1_decryption_table:LINE'`
   * or the ikev1_decryption_table file. Both are byte fields, which a UAT writes as bare hex:
   * tshark 4.0 refuses the quoted form ("Length of Initiator's COOKIE must be 8 octets").
   */
  ikev1DecryptionTable(): string[] {
    return [...this.keyLog];
  }

  /** Starts (or reuses) the negotiation an IpsecPolicy asks for: the first packet of a crypto map, or a VTI coming up. */
  initiate(policy: IpsecPolicy, now: SimTime): IkeOutput {
    const out = new Out();
    if (this.ipsec.has(policy.name) || this.negotiating(policy.name)) return out;
    out.debug(
      `IPSEC(sa_request): ,\n  (key eng. msg.) OUTBOUND local= ${ip(policy.localAddress)}:0, remote= ${ip(policy.peer)}:0,\n    local_proxy= ${proxyText(policy.local)},\n    remote_proxy= ${proxyText(policy.remote)},\n    protocol= ESP, transform= ${policy.transformSets[0] ? transformSetText(policy.transformSets[0]) : '{}'} (${policy.tunnelOnly || policy.transformSets[0]?.mode !== 'transport' ? 'Tunnel' : 'Transport'}),\n    lifedur= ${policy.lifetimeSeconds ?? 3600}s and ${policy.lifetimeKilobytes ?? 4608000}kb`,
    );
    const ready = this.findPhase1(policy.peer, policy.localAddress);
    if (ready && ready.state === 'IKE_P1_COMPLETE') {
      this.startQuick(ready, policy, now, out);
      return out;
    }
    if (ready) {
      ready.pending.push(policy);
      return out;
    }
    this.startMain(policy, now, out);
    return out;
  }

  /** Handles one UDP datagram addressed to this router on port 500 or 4500. */
  receive(d: IkeDatagram, now: SimTime): IkeOutput {
    const out = new Out();
    let bytes = d.payload;
    if (d.dstPort === NATT_PORT) {
      if (bytes.length === 1 && bytes[0] === 0xff) return out; // NAT keepalive (RFC 3948 §2.3)
      if (bytes.length < 4 || readU32(bytes) !== 0) return out; // ESP in UDP: not ours
      bytes = bytes.subarray(4);
    }
    const r = parse(bytes);
    if (!r.ok) {
      out.syslog(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(d.srcIp)} failed its sanity check or is malformed`);
      out.fail('malformed', d.srcIp, `An ISAKMP message from ${ip(d.srcIp)} could not be parsed: ${r.error}.`);
      return out;
    }
    const msg = r.value;
    const key = hex(msg.initiatorCookie);
    const p1 = this.sas.get(key);
    const freshOffer = msg.exchangeType === ExchangeType.MainMode && msg.responderCookie.every((b) => b === 0) && !(msg.flags & 1);
    if (p1 && p1.deletedAt !== undefined && msg.exchangeType !== ExchangeType.Informational) {
      // A retransmitted message 1 after we refused it: refuse it again, as IOS does.
      if (!freshOffer || p1.role !== 'R') return out;
      this.sas.delete(key);
    }
    if (!p1 || p1.deletedAt !== undefined) {
      if (freshOffer) {
        this.responderMm1(d, msg, bytes, now, out);
      } else if (msg.exchangeType !== ExchangeType.Informational) {
        out.syslog(`%CRYPTO-4-IKMP_NO_SA: IKE message from ${ip(d.srcIp)} has no SA and is not an initialization offer`);
      }
      return out;
    }
    out.debug(`ISAKMP (${p1.connId}): received packet from ${ip(d.srcIp)} dport ${d.dstPort} sport ${d.srcPort} Global (${p1.role}) ${showState(p1.state)}`);
    if (msg.exchangeType === ExchangeType.Informational) {
      this.informational(p1, msg, d, now, out);
      return out;
    }
    if (msg.exchangeType === ExchangeType.QuickMode) {
      this.quickReceive(p1, msg, bytes, d, now, out);
      return out;
    }
    if (msg.exchangeType !== ExchangeType.MainMode) {
      out.debug(`ISAKMP:(${p1.connId}): Unknown Input IKE_MESG_FROM_PEER, exchange type ${msg.exchangeType}`);
      return out;
    }
    if (p1.lastRecv && equalBytes(p1.lastRecv, bytes)) {
      out.debug(`ISAKMP (${p1.connId}): phase 1 packet is a duplicate of a previous packet.`);
      if (p1.role === 'R' && p1.lastSent) {
        out.debug(`ISAKMP:(${p1.connId}): retransmitting due to retransmit phase 1`);
        out.debug(`ISAKMP:(${p1.connId}): retransmitting phase 1 ${showState(p1.state)}...`);
        out.send.push(p1.lastSent);
      }
      return out;
    }
    if (d.dstPort === NATT_PORT) p1.peerPort = d.srcPort;
    switch (p1.state) {
      case 'IKE_I_MM1':
        this.initiatorMm2(p1, msg, bytes, now, out);
        break;
      case 'IKE_R_MM2':
        this.responderMm3(p1, msg, bytes, d, now, out);
        break;
      case 'IKE_I_MM3':
        this.initiatorMm4(p1, msg, bytes, d, now, out);
        break;
      case 'IKE_R_MM4':
        this.responderMm5(p1, msg, bytes, d, now, out);
        break;
      case 'IKE_I_MM5':
        this.initiatorMm6(p1, msg, bytes, now, out);
        break;
      default:
        out.debug(`ISAKMP:(${p1.connId}): Unknown Input IKE_MESG_FROM_PEER, IKE_MM_EXCH:  state = ${p1.state}`);
    }
    return out;
  }

  /** Retransmissions, give-ups, lifetimes, rekeys and NAT keepalives due at `now`. */
  tick(now: SimTime): IkeOutput {
    const out = new Out();
    for (const [key, p1] of this.sas) {
      if (p1.deletedAt !== undefined) {
        if (now >= p1.deletedAt + DELETED_LINGER) this.sas.delete(key);
        continue;
      }
      if (p1.retransmit && now >= p1.retransmit.nextAt) this.retransmitP1(p1, now, out);
      if (p1.deletedAt === undefined && p1.idleDeadline !== undefined && now >= p1.idleDeadline && p1.state !== 'IKE_P1_COMPLETE') {
        this.deleteP1(p1, now, out, 'Death by retransmission P1');
        this.reportStuck(p1, out);
      }
      for (const q of [...p1.quick.values()]) {
        if (q.doneAt !== undefined && now >= q.doneAt + QM_LINGER) p1.quick.delete(q.messageId);
        else if (q.retransmit && now >= q.retransmit.nextAt) this.retransmitQm(p1, q, now, out);
      }
      if (p1.deletedAt === undefined && p1.expiresAt !== undefined && now >= p1.expiresAt) {
        this.sendDeleteIsakmp(p1, out);
        this.deleteP1(p1, now, out, 'Lifetime expired');
      }
      if (p1.deletedAt === undefined && p1.nextKeepaliveAt !== undefined && now >= p1.nextKeepaliveAt) {
        out.send.push({ srcIp: p1.localIp, srcPort: NATT_PORT, dstIp: p1.peerIp, dstPort: p1.peerPort, payload: new Uint8Array([0xff]) });
        p1.nextKeepaliveAt = now + this.config.natKeepaliveSeconds * SECOND;
      }
    }
    for (const [name, sa] of this.ipsec) {
      if (now >= sa.expiresAt) {
        this.ipsec.delete(name);
        out.debug(`IPSEC(delete_sa): deleting SA,\n  (sa) sa_dest= ${ip(sa.peer)}, sa_proto= 50,\n    sa_spi= 0x${sa.outbound.spi.toString(16).toUpperCase()}(${sa.outbound.spi})`);
        out.events.push({ type: 'ipsec-down', sa, reason: 'lifetime expired' });
        continue;
      }
      if (sa.rekeyAt !== undefined && now >= sa.rekeyAt) {
        sa.rekeyAt = undefined;
        const policy = this.config.ipsec.find((p) => p.name === name);
        if (policy) this.rekey(policy, now, out);
      }
    }
    return out;
  }

  /** The next time tick() has work to do, if any. */
  nextTimerAt(): SimTime | undefined {
    let t: number | undefined;
    const take = (v: number | undefined) => {
      if (v !== undefined && (t === undefined || v < t)) t = v;
    };
    for (const p1 of this.sas.values()) {
      if (p1.deletedAt !== undefined) {
        take(p1.deletedAt + DELETED_LINGER);
        continue;
      }
      take(p1.retransmit?.nextAt);
      if (p1.state !== 'IKE_P1_COMPLETE') take(p1.idleDeadline);
      take(p1.expiresAt);
      take(p1.nextKeepaliveAt);
      for (const q of p1.quick.values()) take(q.retransmit?.nextAt);
    }
    for (const sa of this.ipsec.values()) {
      take(sa.expiresAt);
      take(sa.rekeyAt);
    }
    return t;
  }

  /** `clear crypto isakmp` / `clear crypto sa`: drops every SA (with Delete notifications). */
  clear(now: SimTime, what: 'isakmp' | 'sa' | 'all' = 'all'): IkeOutput {
    const out = new Out();
    if (what !== 'isakmp') {
      for (const [name, sa] of this.ipsec) {
        const p1 = this.findPhase1(sa.peer, sa.local);
        if (p1?.state === 'IKE_P1_COMPLETE') this.sendInformational(p1, [{ type: 'delete', doi: DOI_IPSEC, protocolId: ProtocolId.ESP, spiSize: 4, spis: [u32(sa.inbound.spi)] }], out);
        this.ipsec.delete(name);
        out.events.push({ type: 'ipsec-down', sa, reason: 'cleared' });
      }
    }
    if (what !== 'sa') {
      for (const p1 of this.sas.values()) {
        if (p1.deletedAt !== undefined) continue;
        if (p1.state === 'IKE_P1_COMPLETE') this.sendDeleteIsakmp(p1, out);
        this.deleteP1(p1, now, out, 'User requested');
      }
    }
    return out;
  }

  // ------------------------------------------------------------ main mode

  private findPhase1(peer: Ip, local: Ip): Phase1 | undefined {
    let found: Phase1 | undefined;
    for (const p1 of this.sas.values()) {
      if (p1.deletedAt !== undefined || p1.peerIp !== peer || p1.localIp !== local) continue;
      if (p1.state === 'IKE_P1_COMPLETE') return p1;
      found ??= p1;
    }
    return found;
  }

  private newPhase1(role: Role, localIp: Ip, peerIp: Ip, ckyI: Uint8Array, now: SimTime): Phase1 {
    return {
      connId: 0,
      role,
      state: 'IKE_READY',
      localIp,
      localPort: IKE_PORT,
      peerIp,
      peerPort: IKE_PORT,
      ckyI,
      ckyR: new Uint8Array(8),
      peerNatT: false,
      natLocal: false,
      natPeer: false,
      pending: [],
      quick: new Map(),
      createdAt: now,
    };
  }

  private setState(p1: Phase1, next: MmState, input: string, out: Out): void {
    out.debug(`ISAKMP:(${p1.connId}):Input = ${input}`);
    out.debug(`ISAKMP:(${p1.connId}):Old State = ${p1.state}  New State = ${next}`);
    p1.state = next;
  }

  private datagram(p1: Phase1, bytes: Uint8Array): IkeDatagram {
    const payload = p1.localPort === NATT_PORT ? concat(NON_ESP_MARKER, bytes) : bytes;
    return { srcIp: p1.localIp, srcPort: p1.localPort, dstIp: p1.peerIp, dstPort: p1.peerPort, payload };
  }

  private sendP1(p1: Phase1, bytes: Uint8Array, now: SimTime, out: Out, retransmit: boolean): void {
    const d = this.datagram(p1, bytes);
    out.debug(`ISAKMP:(${p1.connId}): sending packet to ${ip(p1.peerIp)} my_port ${p1.localPort} peer_port ${p1.peerPort} (${p1.role}) ${showState(p1.state)}`);
    out.debug(`ISAKMP:(${p1.connId}):Sending an IKE IPv4 Packet.`);
    out.send.push(d);
    p1.lastSent = d;
    const interval = this.config.retransmitSeconds * SECOND;
    if (retransmit) p1.retransmit = { datagram: d, nextAt: now + interval, count: 0, label: `phase 1 ${showState(p1.state)}` };
    else p1.retransmit = undefined;
    // Whoever waits gives up after the whole retransmission budget.
    p1.idleDeadline = now + interval * (this.config.retransmitLimit + 1);
  }

  private startMain(policy: IpsecPolicy, now: SimTime, out: Out): void {
    const peer = policy.peer;
    const key = findKey(this.config.keys, peer);
    out.debug(`ISAKMP:(0): SA request profile is (NULL)`);
    out.debug(`ISAKMP: Created a peer struct for ${ip(peer)}, peer port ${IKE_PORT}`);
    if (!key) {
      out.debug(`ISAKMP:(0):No pre-shared key with ${ip(peer)}!`);
      out.debug(`ISAKMP:(0): No Cert or pre-shared address key.`);
      out.debug(`ISAKMP:(0): construct_initial_message: Can not start Main mode`);
      out.debug(`ISAKMP: Unlocking peer struct for isakmp_initiator`);
      out.fail('no-key', peer, `IKE cannot start: there is no pre-shared key for peer ${ip(peer)} (add "crypto isakmp key KEY address ${ip(peer)}").`, policy.name);
      return;
    }
    const policies = this.config.policies.filter((p) => p.authentication === 'pre-share');
    if (policies.length === 0) {
      out.debug(`ISAKMP:(0): No pre-share ISAKMP policy configured; can not start Main mode`);
      out.fail('no-isakmp-policy', peer, `IKE cannot start: no "crypto isakmp policy" uses "authentication pre-share".`, policy.name);
      return;
    }
    const p1 = this.newPhase1('I', policy.localAddress, peer, this.rng.bytes(8), now);
    p1.psk = new TextEncoder().encode(key.key);
    p1.pending.push(policy);
    this.sas.set(hex(p1.ckyI), p1);
    out.debug(`ISAKMP:(0):Found ADDRESS key in keyring default`);
    const sa = phase1Offer(policies);
    p1.saiB = emitPayloadBody(sa);
    const payloads: IsakmpPayload[] = [sa];
    if (this.config.natTraversal) {
      for (const [label, v] of [['rfc3947', VendorId.RFC3947], ['07', VendorId.NatTDraft07], ['03', VendorId.NatTDraft03], ['02', VendorId.NatTDraft02n]] as const) {
        payloads.push({ type: 'vendor', data: v });
        out.debug(`ISAKMP:(0): constructed NAT-T vendor-${label} ID`);
      }
    }
    this.setState(p1, 'IKE_I_MM1', 'IKE_MESG_FROM_IPSEC, IKE_SA_REQ_MM', out);
    out.debug(`ISAKMP:(0): beginning Main Mode exchange`);
    const bytes = emit({ initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.MainMode, flags: 0, messageId: 0, payloads });
    this.sendP1(p1, bytes, now, out, true);
  }

  private responderMm1(d: IkeDatagram, msg: IsakmpMessage, bytes: Uint8Array, now: SimTime, out: Out): void {
    out.debug(`ISAKMP (0): received packet from ${ip(d.srcIp)} dport ${d.dstPort} sport ${d.srcPort} Global (N) NEW SA`);
    out.debug(`ISAKMP: Created a peer struct for ${ip(d.srcIp)}, peer port ${d.srcPort}`);
    out.debug(`ISAKMP: local port ${d.dstPort}, remote port ${d.srcPort}`);
    const p1 = this.newPhase1('R', d.dstIp, d.srcIp, msg.initiatorCookie, now);
    p1.peerPort = d.srcPort;
    p1.localPort = d.dstPort;
    p1.ckyR = this.rng.bytes(8);
    p1.lastRecv = bytes;
    this.sas.set(hex(p1.ckyI), p1);
    this.setState(p1, 'IKE_R_MM1', 'IKE_MESG_FROM_PEER, IKE_MM_EXCH', out);
    const sa = msg.payloads.find((p) => p.type === 'sa');
    if (!sa || sa.type !== 'sa') {
      out.syslog(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(d.srcIp)} failed its sanity check or is malformed`);
      this.deleteP1(p1, now, out, 'Malformed main mode message 1');
      return;
    }
    out.debug(`ISAKMP:(0): processing SA payload. message ID = 0`);
    p1.peerNatT = this.config.natTraversal && this.vendorIds(msg.payloads, out, 0);
    const key = findKey(this.config.keys, d.srcIp);
    if (key) {
      out.debug(`ISAKMP:(0):found peer pre-shared key matching ${ip(d.srcIp)}`);
      p1.psk = new TextEncoder().encode(key.key);
    } else {
      out.debug(`ISAKMP:(0):No pre-shared key with ${ip(d.srcIp)}!`);
    }
    const { choice, checks } = choosePhase1(sa, this.config.policies, key !== undefined);
    for (const c of checks) {
      out.debug(`ISAKMP:(0):Checking ISAKMP transform ${c.offered.number} against priority ${c.policy.priority} policy`);
      out.debug(`ISAKMP:      encryption ${c.offered.encryption === 'aes' ? 'AES-CBC' : c.offered.encryption === '3des' ? '3DES-CBC' : c.offered.encryption === 'des' ? 'DES-CBC' : 'unknown'}`);
      if (c.offered.encryption === 'aes') out.debug(`ISAKMP:      keylength of ${c.offered.keyBits}`);
      out.debug(`ISAKMP:      hash ${c.offered.hash === 'sha1' ? 'SHA' : (c.offered.hash ?? 'unknown').toUpperCase()}`);
      out.debug(`ISAKMP:      default group ${c.offered.group}`);
      out.debug(`ISAKMP:      auth ${c.offered.auth === 1 ? 'pre-share' : 'RSA sig'}`);
      out.debug(`ISAKMP:      life type in seconds`);
      out.debug(`ISAKMP:      life duration (VPI) of  ${lifeVpi(c.offered.lifetime)}`);
      if (c.mismatch) {
        out.debug(`ISAKMP:(0):${c.mismatch}`);
        out.debug(`ISAKMP:(0):atts are not acceptable. Next payload is ${c.offered.number < (sa.proposals[0]?.transforms.length ?? 0) ? 3 : 0}`);
      } else out.debug(`ISAKMP:(0):atts are acceptable. Next payload is 0`);
    }
    if (!choice) {
      out.debug(`ISAKMP:(0):no offers accepted!`);
      out.debug(`ISAKMP:(0): phase 1 SA policy not acceptable! (local ${ip(d.dstIp)} remote ${ip(d.srcIp)})`);
      out.debug(`ISAKMP:(0):Sending NOTIFY NO_PROPOSAL_CHOSEN protocol 1`);
      out.syslog(`%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Main mode failed with peer at ${ip(d.srcIp)}`);
      const notify = emit({
        initiatorCookie: p1.ckyI,
        responderCookie: p1.ckyR,
        exchangeType: ExchangeType.Informational,
        flags: 0,
        messageId: this.messageId(),
        payloads: [{ type: 'notify', doi: DOI_IPSEC, protocolId: ProtocolId.ISAKMP, messageType: NotifyType.NO_PROPOSAL_CHOSEN, spi: concat(p1.ckyI, p1.ckyR), data: new Uint8Array(0) }],
      });
      out.send.push(this.datagram(p1, notify));
      if (!key) out.fail('no-key', d.srcIp, `Phase 1 rejected: there is no pre-shared key for peer ${ip(d.srcIp)} on this router, so no pre-share policy can be accepted.`);
      else out.fail('no-isakmp-policy', d.srcIp, `Phase 1 rejected: none of this router's ISAKMP policies matches one offered by ${ip(d.srcIp)} on encryption (and key length), hash, authentication and DH group.`);
      this.deleteP1(p1, now, out, 'Phase1 SA policy proposal not accepted');
      return;
    }
    out.debug(`ISAKMP:(0):Acceptable atts:actual life: 0`);
    out.debug(`ISAKMP:(0):Acceptable atts:life: 0`);
    out.debug(`ISAKMP:(0):Fill atts in sa vpi_length:4`);
    out.debug(`ISAKMP:(0):Fill atts in sa life_in_seconds:${choice.lifetime}`);
    p1.choice = choice;
    p1.saiB = emitPayloadBody(sa);
    this.setState(p1, 'IKE_R_MM1', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE', out);
    const payloads: IsakmpPayload[] = [phase1Answer(sa, choice.transformNumber)];
    if (p1.peerNatT) {
      payloads.push({ type: 'vendor', data: VendorId.RFC3947 });
      out.debug(`ISAKMP:(0): constructed NAT-T vendor-rfc3947 ID`);
    }
    const reply = emit({ initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.MainMode, flags: 0, messageId: 0, payloads });
    p1.state = 'IKE_R_MM2';
    this.sendP1(p1, reply, now, out, false);
    out.debug(`ISAKMP:(0):Old State = IKE_R_MM1  New State = IKE_R_MM2`);
  }

  private vendorIds(payloads: IsakmpPayload[], out: Out, connId: number): boolean {
    let natT = false;
    for (const p of payloads) {
      if (p.type !== 'vendor') continue;
      out.debug(`ISAKMP:(${connId}): processing vendor id payload`);
      if (equalBytes(p.data, VendorId.RFC3947)) {
        out.debug(`ISAKMP (${connId}): vendor ID is NAT-T RFC 3947`);
        natT = true;
      } else if (equalBytes(p.data, VendorId.DPD)) out.debug(`ISAKMP:(${connId}): vendor ID is DPD`);
      else if (equalBytes(p.data, VendorId.CiscoUnity)) out.debug(`ISAKMP:(${connId}): vendor ID is Unity`);
      else if (equalBytes(p.data, VendorId.XAUTH)) out.debug(`ISAKMP:(${connId}): vendor ID is XAUTH`);
      else out.debug(`ISAKMP (${connId}): vendor ID is NAT-T ${p.data.length === 16 ? 'v7/v3/v2' : 'unknown'}`);
    }
    return natT;
  }

  private initiatorMm2(p1: Phase1, msg: IsakmpMessage, bytes: Uint8Array, now: SimTime, out: Out): void {
    const sa = msg.payloads.find((p) => p.type === 'sa');
    const t = sa?.type === 'sa' ? sa.proposals[0]?.transforms[0] : undefined;
    const offered = t ? readPhase1Transform(t.attributes, t.number) : undefined;
    const policy = offered && this.config.policies.filter((p) => p.authentication === 'pre-share').sort((a, b) => a.priority - b.priority)[offered.number - 1];
    if (!offered || !policy || offered.encryption !== policy.encryption || offered.hash !== policy.hash || offered.group !== policy.group) {
      out.syslog(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(p1.peerIp)} failed its sanity check or is malformed`);
      return;
    }
    p1.lastRecv = bytes;
    this.setState(p1, 'IKE_I_MM2', 'IKE_MESG_FROM_PEER, IKE_MM_EXCH', out);
    out.debug(`ISAKMP:(0): processing SA payload. message ID = 0`);
    p1.peerNatT = this.config.natTraversal && this.vendorIds(msg.payloads, out, 0);
    out.debug(`ISAKMP:(0):found peer pre-shared key matching ${ip(p1.peerIp)}`);
    out.debug(`ISAKMP:(0):Checking ISAKMP transform ${offered.number} against priority ${policy.priority} policy`);
    out.debug(`ISAKMP:(0):atts are acceptable. Next payload is 0`);
    p1.choice = { encryption: policy.encryption, keyBits: phase1KeyBits(policy), hash: policy.hash, group: policy.group, lifetime: Math.min(policy.lifetime, offered.lifetime), transformNumber: offered.number, priority: policy.priority };
    p1.ckyR = msg.responderCookie;
    p1.dh = dhGenerate(policy.group, this.rng);
    p1.gxi = p1.dh.publicValue;
    p1.ni = this.rng.bytes(NONCE_LEN);
    const payloads: IsakmpPayload[] = [{ type: 'ke', data: p1.gxi }, { type: 'nonce', data: p1.ni }, ...ciscoVendorIds()];
    if (p1.peerNatT) {
      payloads.push({ type: 'natd', data: natdHash(policy.hash, p1.ckyI, p1.ckyR, p1.peerIp, p1.peerPort) }, { type: 'natd', data: natdHash(policy.hash, p1.ckyI, p1.ckyR, p1.localIp, p1.localPort) });
    }
    this.setState(p1, 'IKE_I_MM2', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE', out);
    const reply = emit({ initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.MainMode, flags: 0, messageId: 0, payloads });
    p1.state = 'IKE_I_MM3';
    this.sendP1(p1, reply, now, out, true);
    out.debug(`ISAKMP:(0):Old State = IKE_I_MM2  New State = IKE_I_MM3`);
  }

  /** Reads KE and nonce, derives every phase-1 key; returns false on a bad KE. */
  private keyExchange(p1: Phase1, msg: IsakmpMessage, out: Out): boolean {
    const ke = msg.payloads.find((p) => p.type === 'ke');
    const nonce = msg.payloads.find((p) => p.type === 'nonce');
    const choice = p1.choice!;
    if (!ke || ke.type !== 'ke' || !nonce || nonce.type !== 'nonce') return false;
    out.debug(`ISAKMP:(${p1.connId}): processing KE payload. message ID = 0`);
    out.debug(`ISAKMP:(${p1.connId}): processing NONCE payload. message ID = 0`);
    if (p1.role === 'R') {
      p1.dh = dhGenerate(choice.group, this.rng);
      p1.gxr = p1.dh.publicValue;
      p1.gxi = ke.data;
      p1.ni = nonce.data;
      p1.nr = this.rng.bytes(NONCE_LEN);
    } else {
      p1.gxr = ke.data;
      p1.nr = nonce.data;
    }
    const gxy = dhShared(choice.group, p1.dh!.privateKey, ke.data);
    if (!gxy) return false;
    const skeyid = kdf.skeyidPsk(choice.hash, p1.psk!, p1.ni!, p1.nr!);
    p1.skeyid = kdf.deriveSkeyids(choice.hash, skeyid, gxy, p1.ckyI, p1.ckyR);
    const algorithm = algorithmOf(choice.encryption);
    p1.cipher = { algorithm, key: kdf.encryptionKey(choice.hash, p1.skeyid.e, choice.keyBits / 8) };
    p1.iv = kdf.phase1Iv(choice.hash, p1.gxi!, p1.gxr!, cbcBlockSize(algorithm));
    p1.connId = this.nextConnId++;
    this.keyLog.push(`${hex(p1.ckyI)},${hex(p1.cipher.key)}`);
    out.debug(`ISAKMP:(${p1.connId}):found peer pre-shared key matching ${ip(p1.peerIp)}`);
    return true;
  }

  /** NAT-D check (RFC 3947 §3.2): first payload is our address as the peer saw it, the rest the peer's. */
  private natDetect(p1: Phase1, msg: IsakmpMessage, d: IkeDatagram, out: Out): void {
    const natd = msg.payloads.flatMap((p) => (p.type === 'natd' ? [p.data] : []));
    if (!p1.peerNatT || natd.length < 2) return;
    const h = p1.choice!.hash;
    out.debug(`ISAKMP:received payload type 20`);
    const mine = natdHash(h, p1.ckyI, p1.ckyR, d.dstIp, d.dstPort);
    const theirs = natdHash(h, p1.ckyI, p1.ckyR, d.srcIp, d.srcPort);
    p1.natLocal = !equalBytes(natd[0]!, mine);
    out.debug(`ISAKMP:received payload type 20`);
    p1.natPeer = !natd.slice(1).some((x) => equalBytes(x, theirs));
    if (p1.natLocal && p1.natPeer) out.debug(`ISAKMP (${p1.connId}): NAT found, both nodes inside NAT`);
    else if (p1.natLocal) out.debug(`ISAKMP (${p1.connId}): NAT found, the node inside NAT`);
    else if (p1.natPeer) out.debug(`ISAKMP (${p1.connId}): His hash no match - this node outside NAT`);
    else out.debug(`ISAKMP:(${p1.connId}):No NAT Found for self or peer`);
  }

  private responderMm3(p1: Phase1, msg: IsakmpMessage, bytes: Uint8Array, d: IkeDatagram, now: SimTime, out: Out): void {
    // A message that fails here leaves the state alone, so a good retransmission still gets in.
    if (!this.keyExchange(p1, msg, out)) {
      out.syslog(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(d.srcIp)} failed its sanity check or is malformed`);
      return;
    }
    p1.lastRecv = bytes;
    this.setState(p1, 'IKE_R_MM3', 'IKE_MESG_FROM_PEER, IKE_MM_EXCH', out);
    this.vendorIds(msg.payloads, out, p1.connId);
    this.natDetect(p1, msg, d, out);
    const h = p1.choice!.hash;
    const payloads: IsakmpPayload[] = [{ type: 'ke', data: p1.gxr! }, { type: 'nonce', data: p1.nr! }, ...ciscoVendorIds()];
    if (p1.peerNatT) payloads.push({ type: 'natd', data: natdHash(h, p1.ckyI, p1.ckyR, d.srcIp, d.srcPort) }, { type: 'natd', data: natdHash(h, p1.ckyI, p1.ckyR, d.dstIp, d.dstPort) });
    this.setState(p1, 'IKE_R_MM3', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE', out);
    const reply = emit({ initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.MainMode, flags: 0, messageId: 0, payloads });
    p1.state = 'IKE_R_MM4';
    this.sendP1(p1, reply, now, out, false);
    out.debug(`ISAKMP:(${p1.connId}):Old State = IKE_R_MM3  New State = IKE_R_MM4`);
  }

  private idPayload(p1: Phase1): IsakmpPayload {
    // IOS identifies itself by address, protocol UDP, port 500 (ID_IPV4_ADDR).
    return { type: 'id', idType: 1, protocolId: 17, port: IKE_PORT, data: u32(p1.localIp) };
  }

  private initiatorMm4(p1: Phase1, msg: IsakmpMessage, bytes: Uint8Array, d: IkeDatagram, now: SimTime, out: Out): void {
    // A message that fails here leaves the state alone, so a good retransmission still gets in.
    if (!this.keyExchange(p1, msg, out)) {
      out.syslog(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(d.srcIp)} failed its sanity check or is malformed`);
      return;
    }
    p1.lastRecv = bytes;
    this.setState(p1, 'IKE_I_MM4', 'IKE_MESG_FROM_PEER, IKE_MM_EXCH', out);
    this.vendorIds(msg.payloads, out, p1.connId);
    this.natDetect(p1, msg, d, out);
    if (p1.natLocal || p1.natPeer) {
      // RFC 3947 §4: float to 4500 from message 5 on.
      p1.localPort = NATT_PORT;
      p1.peerPort = NATT_PORT;
    }
    const h = p1.choice!.hash;
    const id = this.idPayload(p1);
    const hashI = kdf.hashI(h, p1.skeyid!.skeyid, p1.gxi!, p1.gxr!, p1.ckyI, p1.ckyR, p1.saiB!, emitPayloadBody(id));
    out.debug(`ISAKMP:(${p1.connId}):Send initial contact`);
    out.debug(`ISAKMP:(${p1.connId}):SA is doing pre-shared key authentication using id type ID_IPV4_ADDR`);
    out.debug(`ISAKMP (${p1.connId}): ID payload \n\tnext-payload : 8\n\ttype         : 1 \n\taddress      : ${ip(p1.localIp)} \n\tprotocol     : 17 \n\tport         : 500 \n\tlength       : 12`);
    const payloads: IsakmpPayload[] = [
      id,
      { type: 'hash', data: hashI },
      { type: 'notify', doi: DOI_IPSEC, protocolId: ProtocolId.ISAKMP, messageType: NotifyType.INITIAL_CONTACT, spi: concat(p1.ckyI, p1.ckyR), data: new Uint8Array(0) },
    ];
    this.setState(p1, 'IKE_I_MM4', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE', out);
    const sealed = sealMessage(p1.cipher!, p1.iv!, { initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.MainMode, messageId: 0 }, payloads);
    p1.iv = sealed.nextIv;
    p1.state = 'IKE_I_MM5';
    this.sendP1(p1, sealed.bytes, now, out, true);
    out.debug(`ISAKMP:(${p1.connId}):Old State = IKE_I_MM4  New State = IKE_I_MM5`);
  }

  private verifyAuth(p1: Phase1, msg: IsakmpMessage & { nextPayload: number }, d: IkeDatagram, out: Out): { ok: true; nextIv: Uint8Array } | { ok: false } {
    const opened = openMessage(p1.cipher!, p1.iv!, msg);
    const bad = (why: string) => {
      out.syslog(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(d.srcIp)} failed its sanity check or is malformed`);
      out.debug(`ISAKMP (${p1.connId}): incrementing error counter on sa, attempt 1 of ${this.config.retransmitLimit}: PAYLOAD_MALFORMED`);
      if (!p1.reportedFailure) {
        p1.reportedFailure = true;
        out.fail('psk-mismatch', p1.peerIp, `Main mode message ${p1.role === 'R' ? 5 : 6} from ${ip(p1.peerIp)} ${why}: the two routers derived different keys, which means their pre-shared keys differ.`);
      }
      return { ok: false } as const;
    };
    if (!opened.ok) return bad(`could not be decrypted (${opened.error})`);
    const id = opened.payloads.find((p) => p.type === 'id');
    const hashP = opened.payloads.find((p) => p.type === 'hash');
    if (!id || !hashP || hashP.type !== 'hash') return bad('decrypted to garbage (no ID and HASH payloads)');
    out.debug(`ISAKMP:(${p1.connId}): processing ID payload. message ID = 0`);
    out.debug(`ISAKMP:(${p1.connId}): processing HASH payload. message ID = 0`);
    const h = p1.choice!.hash;
    const expect =
      p1.role === 'R'
        ? kdf.hashI(h, p1.skeyid!.skeyid, p1.gxi!, p1.gxr!, p1.ckyI, p1.ckyR, p1.saiB!, emitPayloadBody(id))
        : kdf.hashR(h, p1.skeyid!.skeyid, p1.gxi!, p1.gxr!, p1.ckyI, p1.ckyR, p1.saiB!, emitPayloadBody(id));
    if (!equalBytes(expect, hashP.data)) return bad(`failed its ${p1.role === 'R' ? 'HASH_I' : 'HASH_R'} check`);
    for (const n of opened.payloads) if (n.type === 'notify') out.debug(`ISAKMP:(${p1.connId}): processing NOTIFY ${notifyName(n.messageType)} protocol ${n.protocolId}`);
    out.debug(`ISAKMP:(${p1.connId}):SA authentication status:\n\tauthenticated`);
    out.debug(`ISAKMP:(${p1.connId}):SA has been authenticated with ${ip(p1.peerIp)}`);
    return { ok: true, nextIv: opened.nextIv };
  }

  private responderMm5(p1: Phase1, msg: IsakmpMessage & { nextPayload: number }, bytes: Uint8Array, d: IkeDatagram, now: SimTime, out: Out): void {
    const v = this.verifyAuth(p1, msg, d, out);
    if (!v.ok) return;
    p1.lastRecv = bytes;
    p1.iv = v.nextIv;
    if (d.dstPort === NATT_PORT) {
      p1.localPort = NATT_PORT;
      p1.peerPort = d.srcPort;
    }
    this.setState(p1, 'IKE_R_MM5', 'IKE_MESG_FROM_PEER, IKE_MM_EXCH', out);
    const h = p1.choice!.hash;
    const id = this.idPayload(p1);
    const hashR = kdf.hashR(h, p1.skeyid!.skeyid, p1.gxi!, p1.gxr!, p1.ckyI, p1.ckyR, p1.saiB!, emitPayloadBody(id));
    out.debug(`ISAKMP:(${p1.connId}):SA is doing pre-shared key authentication using id type ID_IPV4_ADDR`);
    const sealed = sealMessage(p1.cipher!, p1.iv, { initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.MainMode, messageId: 0 }, [id, { type: 'hash', data: hashR }]);
    p1.iv = sealed.nextIv;
    p1.lastP1Block = sealed.nextIv;
    this.sendP1(p1, sealed.bytes, now, out, false);
    this.phase1Up(p1, now, out);
    this.startPending(p1, now, out);
  }

  private startPending(p1: Phase1, now: SimTime, out: Out): void {
    const pending = p1.pending;
    p1.pending = [];
    for (const policy of pending) this.startQuick(p1, policy, now, out);
  }

  private initiatorMm6(p1: Phase1, msg: IsakmpMessage & { nextPayload: number }, bytes: Uint8Array, now: SimTime, out: Out): void {
    const v = this.verifyAuth(p1, msg, { srcIp: p1.peerIp, srcPort: p1.peerPort, dstIp: p1.localIp, dstPort: p1.localPort, payload: bytes }, out);
    if (!v.ok) return;
    p1.lastRecv = bytes;
    p1.iv = v.nextIv;
    p1.lastP1Block = v.nextIv;
    p1.retransmit = undefined;
    this.setState(p1, 'IKE_I_MM6', 'IKE_MESG_FROM_PEER, IKE_MM_EXCH', out);
    this.phase1Up(p1, now, out);
    this.startPending(p1, now, out);
  }

  private phase1Up(p1: Phase1, now: SimTime, out: Out): void {
    this.setState(p1, 'IKE_P1_COMPLETE', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE', out);
    p1.retransmit = undefined;
    p1.idleDeadline = undefined;
    p1.upAt = now;
    p1.expiresAt = now + p1.choice!.lifetime * SECOND;
    const nat = p1.natLocal || p1.natPeer;
    if (p1.natLocal && this.config.natKeepaliveSeconds > 0) p1.nextKeepaliveAt = now + this.config.natKeepaliveSeconds * SECOND;
    out.events.push({ type: 'isakmp-up', peer: p1.peerIp, connId: p1.connId, natDetected: nat });
  }

  private reportStuck(p1: Phase1, out: Out): void {
    if (p1.reportedFailure || p1.role !== 'I') return;
    p1.reportedFailure = true;
    const policy = p1.pending[0]?.name;
    switch (showState(p1.state)) {
      case 'MM_NO_STATE':
        out.fail('peer-unreachable', p1.peerIp, `Phase 1 gave up: ${ip(p1.peerIp)} never answered main mode message 1 after ${this.config.retransmitLimit} retransmissions. The peer is unreachable, or UDP 500 is blocked, or ISAKMP is not enabled there.`, policy);
        break;
      case 'MM_KEY_EXCH':
        out.fail('psk-mismatch', p1.peerIp, `Phase 1 gave up in MM_KEY_EXCH: ${ip(p1.peerIp)} never accepted main mode message 5, the first encrypted one. The usual cause is a pre-shared key mismatch.`, policy);
        break;
      default:
        out.fail('peer-unreachable', p1.peerIp, `Phase 1 gave up in ${showState(p1.state)}: ${ip(p1.peerIp)} stopped answering.`, policy);
    }
  }

  private retransmitP1(p1: Phase1, now: SimTime, out: Out): void {
    const r = p1.retransmit!;
    if (r.count >= this.config.retransmitLimit) {
      out.debug(`ISAKMP:(${p1.connId}): retransmitting ${r.label}...`);
      out.debug(`ISAKMP:(${p1.connId}):peer does not do paranoid keepalives.`);
      this.deleteP1(p1, now, out, 'Death by retransmission P1');
      this.reportStuck(p1, out);
      return;
    }
    r.count++;
    out.debug(`ISAKMP:(${p1.connId}): retransmitting ${r.label}...`);
    out.debug(`ISAKMP (${p1.connId}): incrementing error counter on sa, attempt ${r.count} of ${this.config.retransmitLimit}: retransmit phase 1`);
    out.debug(`ISAKMP:(${p1.connId}): retransmitting ${r.label}`);
    out.send.push(r.datagram);
    r.nextAt = now + this.config.retransmitSeconds * SECOND;
  }

  private deleteP1(p1: Phase1, now: SimTime, out: Out, reason: string): void {
    if (p1.deletedAt !== undefined) return;
    out.debug(`ISAKMP:(${p1.connId}):deleting SA reason "${reason}" state (${p1.role}) ${showState(p1.state)} (peer ${ip(p1.peerIp)})`);
    p1.deletedAt = now;
    p1.retransmit = undefined;
    p1.nextKeepaliveAt = undefined;
    p1.quick.clear();
    if (p1.upAt !== undefined) out.events.push({ type: 'isakmp-down', peer: p1.peerIp, connId: p1.connId, reason });
  }

  private sendDeleteIsakmp(p1: Phase1, out: Out): void {
    out.debug(`ISAKMP:(${p1.connId}):purging SA., sa=${hex(p1.ckyI)}, delme=${hex(p1.ckyI)}`);
    this.sendInformational(p1, [{ type: 'delete', doi: DOI_IPSEC, protocolId: ProtocolId.ISAKMP, spiSize: 16, spis: [concat(p1.ckyI, p1.ckyR)] }], out);
  }

  // ------------------------------------------------------------ informational

  private sendInformational(p1: Phase1, body: IsakmpPayload[], out: Out): void {
    const h = p1.choice!.hash;
    const mid = this.messageId();
    const rest = emitChain(body);
    const hash1 = kdf.infoHash(h, p1.skeyid!.a, mid, rest);
    const iv = kdf.phase2Iv(h, p1.lastP1Block!, mid, cbcBlockSize(p1.cipher!.algorithm));
    const sealed = sealMessage(p1.cipher!, iv, { initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.Informational, messageId: mid }, [{ type: 'hash', data: hash1 }, ...body]);
    out.debug(`ISAKMP:(${p1.connId}): sending packet to ${ip(p1.peerIp)} my_port ${p1.localPort} peer_port ${p1.peerPort} (${p1.role}) QM_IDLE`);
    out.send.push(this.datagram(p1, sealed.bytes));
  }

  private informational(p1: Phase1, msg: IsakmpMessage & { nextPayload: number }, d: IkeDatagram, now: SimTime, out: Out): void {
    let payloads = msg.payloads;
    if (msg.encrypted) {
      if (!p1.lastP1Block || !p1.cipher) return;
      const iv = kdf.phase2Iv(p1.choice!.hash, p1.lastP1Block, msg.messageId, cbcBlockSize(p1.cipher.algorithm));
      const opened = openMessage(p1.cipher, iv, msg);
      if (!opened.ok || opened.payloads[0]?.type !== 'hash') {
        out.syslog(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(d.srcIp)} failed its sanity check or is malformed`);
        return;
      }
      const expect = kdf.infoHash(p1.choice!.hash, p1.skeyid!.a, msg.messageId, emitChain(opened.payloads.slice(1)));
      if (!equalBytes(expect, (opened.payloads[0] as { data: Uint8Array }).data)) {
        out.syslog(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(d.srcIp)} failed its sanity check or is malformed`);
        return;
      }
      payloads = opened.payloads.slice(1);
    }
    for (const p of payloads) {
      if (p.type === 'notify') {
        out.debug(`ISAKMP:(${p1.connId}): processing NOTIFY ${notifyName(p.messageType)} protocol ${p.protocolId}`);
        if (!msg.encrypted) {
          // IOS ignores an unauthenticated notify and keeps retransmitting; we still tell the learner why.
          out.debug(`ISAKMP:(${p1.connId}): Notify has no hash. Rejected.`);
          out.debug(`ISAKMP (${p1.connId}): Unknown Input IKE_MESG_FROM_PEER, IKE_INFO_NOTIFY: state = ${p1.state}`);
          if (p.messageType === NotifyType.NO_PROPOSAL_CHOSEN && !p1.reportedFailure) {
            p1.reportedFailure = true;
            out.fail('no-isakmp-policy', p1.peerIp, `${ip(p1.peerIp)} answered main mode message 1 with NO_PROPOSAL_CHOSEN: none of its ISAKMP policies (or keys) accepts what this router offered.`, p1.pending[0]?.name);
          }
          continue;
        }
        if (p.protocolId === ProtocolId.ESP) {
          const spi = readU32(p.spi);
          for (const [mid, q] of p1.quick) {
            if (readU32(q.spiIn) !== spi || q.role !== 'I' || q.doneAt !== undefined) continue;
            p1.quick.delete(mid);
            const kind: FailureKind = p.messageType === NotifyType.INVALID_ID_INFORMATION ? 'proxy-mismatch' : 'transform-mismatch';
            out.syslog(`%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Quick mode failed with peer at ${ip(p1.peerIp)}`);
            out.fail(
              kind,
              p1.peerIp,
              kind === 'proxy-mismatch'
                ? `Quick mode rejected by ${ip(p1.peerIp)} (INVALID_ID_INFORMATION): its crypto ACL / proxy identities do not mirror ours (${proxyText(q.localProxy!)} -> ${proxyText(q.remoteProxy!)}).`
                : `Quick mode rejected by ${ip(p1.peerIp)} (NO_PROPOSAL_CHOSEN): none of our transform sets matches one of its own (cipher, key length, integrity, mode).`,
              q.policy?.name,
            );
          }
        }
      } else if (p.type === 'delete') {
        out.debug(`ISAKMP:(${p1.connId}): processing DELETE payload. message ID = ${msg.messageId}`);
        if (p.protocolId === ProtocolId.ISAKMP) {
          this.deleteP1(p1, now, out, 'Receive Delete');
        } else if (p.protocolId === ProtocolId.ESP) {
          for (const s of p.spis) {
            const spi = readU32(s);
            for (const [name, sa] of this.ipsec) {
              if (sa.outbound.spi !== spi || sa.peer !== p1.peerIp) continue;
              this.ipsec.delete(name);
              out.debug(`ISAKMP:(${p1.connId}):peer ${ip(p1.peerIp)} deleted SPI 0x${spi.toString(16).toUpperCase()}`);
              out.events.push({ type: 'ipsec-down', sa, reason: 'deleted by peer' });
            }
          }
        }
      }
    }
  }

  // ------------------------------------------------------------ quick mode

  private messageId(): number {
    let v = 0;
    while (v === 0) v = this.rng.uint32();
    return v;
  }

  private spi(): Uint8Array {
    // SPIs 1-255 are reserved (RFC 4303 §2.1).
    return u32(this.rng.int(0x100, 0xffffffff));
  }

  private rekey(policy: IpsecPolicy, now: SimTime, out: Out): void {
    const p1 = this.findPhase1(policy.peer, policy.localAddress);
    if (p1?.state === 'IKE_P1_COMPLETE') this.startQuick(p1, policy, now, out);
    else if (p1) p1.pending.push(policy);
    else this.startMain(policy, now, out);
  }

  private startQuick(p1: Phase1, policy: IpsecPolicy, now: SimTime, out: Out): void {
    const h = p1.choice!.hash;
    const mid = this.messageId();
    const natT = p1.natLocal || p1.natPeer;
    const spiIn = this.spi();
    const ni = this.rng.bytes(NONCE_LEN);
    const dh = policy.pfs ? dhGenerate(policy.pfs, this.rng) : undefined;
    const sa = phase2Offer(policy.transformSets, {
      spi: spiIn,
      lifetimeSeconds: policy.lifetimeSeconds ?? 3600,
      lifetimeKilobytes: policy.lifetimeKilobytes ?? 4608000,
      natT,
      tunnelOnly: policy.tunnelOnly ?? false,
      ...(policy.pfs ? { pfs: policy.pfs } : {}),
    });
    const idci = proxyToId(policy.local);
    const idcr = proxyToId(policy.remote);
    const rest: IsakmpPayload[] = [sa, { type: 'nonce', data: ni }, ...(dh ? [{ type: 'ke' as const, data: dh.publicValue }] : []), idci, idcr];
    const hash1 = kdf.qmHash1(h, p1.skeyid!.a, mid, emitChain(rest));
    const iv0 = kdf.phase2Iv(h, p1.lastP1Block!, mid, cbcBlockSize(p1.cipher!.algorithm));
    const sealed = sealMessage(p1.cipher!, iv0, { initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.QuickMode, messageId: mid }, [{ type: 'hash', data: hash1 }, ...rest]);
    const q: QuickExchange = { messageId: mid, role: 'I', policy, state: 'IKE_QM_I_QM1', iv: sealed.nextIv, ni, spiIn, idci, idcr, localProxy: policy.local, remoteProxy: policy.remote, ...(dh ? { dh } : {}) };
    p1.quick.set(mid, q);
    out.debug(`ISAKMP:(${p1.connId}):beginning Quick Mode exchange, M-ID of ${mid}`);
    out.debug(`ISAKMP:(${p1.connId}):QM Initiator gets spi`);
    const d = this.datagram(p1, sealed.bytes);
    out.debug(`ISAKMP:(${p1.connId}): sending packet to ${ip(p1.peerIp)} my_port ${p1.localPort} peer_port ${p1.peerPort} (I) QM_IDLE`);
    out.debug(`ISAKMP:(${p1.connId}):Node ${mid}, Input = IKE_MESG_INTERNAL, IKE_INIT_QM`);
    out.debug(`ISAKMP:(${p1.connId}):Old State = IKE_QM_READY  New State = IKE_QM_I_QM1`);
    out.send.push(d);
    q.lastSent = d;
    q.retransmit = { datagram: d, nextAt: now + this.config.retransmitSeconds * SECOND, count: 0, label: 'phase 2 QM_IDLE' };
  }

  private retransmitQm(p1: Phase1, q: QuickExchange, _now: SimTime, out: Out): void {
    const r = q.retransmit!;
    if (r.count >= this.config.retransmitLimit) {
      out.debug(`ISAKMP:(${p1.connId}):deleting node ${q.messageId} error TRUE reason "Death by retransmission P2"`);
      p1.quick.delete(q.messageId);
      if (q.role === 'I') out.fail('peer-unreachable', p1.peerIp, `Quick mode gave up: ${ip(p1.peerIp)} never answered quick mode message 1.`, q.policy?.name);
      return;
    }
    r.count++;
    out.debug(`ISAKMP:(${p1.connId}): retransmitting phase 2 ${q.messageId} QM_IDLE ...`);
    out.debug(`ISAKMP (${p1.connId}): incrementing error counter on node, attempt ${r.count} of ${this.config.retransmitLimit}: retransmit phase 2`);
    out.send.push(r.datagram);
    r.nextAt = _now + this.config.retransmitSeconds * SECOND;
  }

  private quickReceive(p1: Phase1, msg: IsakmpMessage & { nextPayload: number }, bytes: Uint8Array, d: IkeDatagram, now: SimTime, out: Out): void {
    if (p1.state !== 'IKE_P1_COMPLETE' || !msg.encrypted) {
      out.debug(`ISAKMP:(${p1.connId}): quick mode before phase 1 completed; dropped`);
      return;
    }
    if (d.dstPort === NATT_PORT) p1.peerPort = d.srcPort;
    const q = p1.quick.get(msg.messageId);
    if (q?.lastRecv && equalBytes(q.lastRecv, bytes)) {
      out.debug(`ISAKMP (${p1.connId}): phase 2 packet is a duplicate of a previous packet.`);
      if (q.lastSent) {
        out.debug(`ISAKMP:(${p1.connId}): retransmitting due to retransmit phase 2`);
        out.send.push(q.lastSent);
      }
      return;
    }
    if (!q) this.responderQm1(p1, msg, bytes, d, now, out);
    else if (q.role === 'I' && q.state === 'IKE_QM_I_QM1') this.initiatorQm2(p1, q, msg, bytes, now, out);
    else if (q.role === 'R' && q.state === 'IKE_QM_R_QM2') this.responderQm3(p1, q, msg, now, out);
  }

  private rejectQm(p1: Phase1, mid: number, spi: Uint8Array, type: number, out: Out): void {
    out.debug(`ISAKMP:(${p1.connId}): phase 2 SA policy not acceptable! (local ${ip(p1.localIp)} remote ${ip(p1.peerIp)})`);
    out.debug(`ISAKMP: set new node ${mid} to QM_IDLE`);
    out.debug(`ISAKMP:(${p1.connId}):Sending NOTIFY ${type === NotifyType.NO_PROPOSAL_CHOSEN ? 'PROPOSAL_NOT_CHOSEN' : notifyName(type)} protocol 3`);
    out.syslog(`%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Quick mode failed with peer at ${ip(p1.peerIp)}`);
    this.sendInformational(p1, [{ type: 'notify', doi: DOI_IPSEC, protocolId: ProtocolId.ESP, messageType: type, spi, data: new Uint8Array(0) }], out);
  }

  private responderQm1(p1: Phase1, msg: IsakmpMessage & { nextPayload: number }, bytes: Uint8Array, d: IkeDatagram, now: SimTime, out: Out): void {
    const h = p1.choice!.hash;
    const iv0 = kdf.phase2Iv(h, p1.lastP1Block!, msg.messageId, cbcBlockSize(p1.cipher!.algorithm));
    const opened = openMessage(p1.cipher!, iv0, msg);
    const bad = () => out.syslog(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(d.srcIp)} failed its sanity check or is malformed`);
    if (!opened.ok || opened.payloads[0]?.type !== 'hash') return bad();
    const [hashP, ...rest] = opened.payloads;
    if (!equalBytes((hashP as { data: Uint8Array }).data, kdf.qmHash1(h, p1.skeyid!.a, msg.messageId, emitChain(rest)))) return bad();
    const sa = rest.find((p) => p.type === 'sa');
    const nonce = rest.find((p) => p.type === 'nonce');
    const ke = rest.find((p) => p.type === 'ke');
    const ids = rest.filter((p) => p.type === 'id');
    if (!sa || sa.type !== 'sa' || !nonce || nonce.type !== 'nonce') return bad();
    out.debug(`ISAKMP:(${p1.connId}): processing HASH payload. message ID = ${msg.messageId}`);
    out.debug(`ISAKMP:(${p1.connId}): processing SA payload. message ID = ${msg.messageId}`);
    const host = (a: Ip): ProxyId => ({ address: a, mask: 0xffffffff, protocol: 0, port: 0 });
    const remoteProxy = ids.length === 2 ? idToProxy(ids[0]) : host(p1.peerIp);
    const localProxy = ids.length === 2 ? idToProxy(ids[1]) : host(p1.localIp);
    const initiatorSpi = sa.proposals[0]?.spi ?? new Uint8Array(4);
    if (!remoteProxy || !localProxy) return bad();
    out.debug(`ISAKMP:(${p1.connId}):Checking IPSec proposal 1`);
    const candidates = this.config.ipsec.filter((p) => p.peer === p1.peerIp && proxyWithin(remoteProxy, p.remote) && proxyWithin(localProxy, p.local));
    out.debug(
      `IPSEC(validate_proposal_request): proposal part #1,\n  (key eng. msg.) INBOUND local= ${ip(p1.localIp)}:0, remote= ${ip(p1.peerIp)}:0,\n    local_proxy= ${proxyText(localProxy)},\n    remote_proxy= ${proxyText(remoteProxy)},\n    protocol= ESP, transform= NONE  (Tunnel),\n    lifedur= 0s and 0kb,\n    spi= 0x0(0), conn_id= 0, keysize= 128, flags= 0x0`,
    );
    if (candidates.length === 0) {
      out.debug(`IPSEC(ipsec_process_proposal): proxy identities not supported`);
      out.debug(`ISAKMP:(${p1.connId}): IPSec policy invalidated proposal with error 32`);
      this.rejectQm(p1, msg.messageId, initiatorSpi, NotifyType.INVALID_ID_INFORMATION, out);
      out.fail('proxy-mismatch', p1.peerIp, `Quick mode rejected: ${ip(p1.peerIp)} proposed proxy identities ${proxyText(remoteProxy)} -> ${proxyText(localProxy)}, which no crypto map ACL or tunnel protection on this router mirrors.`);
      return;
    }
    let chosen: { policy: IpsecPolicy; set: TransformSet; offered: OfferedPhase2 } | undefined;
    const offers = sa.proposals.map(readPhase2Proposal);
    outer: for (const policy of candidates) {
      for (const o of offers) {
        if (!o) continue;
        out.debug(`ISAKMP: transform 1, ${o.cipher === 'esp-aes' ? 'ESP_AES' : o.cipher === 'esp-3des' ? 'ESP_3DES' : o.cipher === 'esp-des' ? 'ESP_DES' : (o.cipher ?? 'unknown').toUpperCase()}`);
        out.debug(`ISAKMP:   attributes in transform:`);
        out.debug(`ISAKMP:      encaps is ${encapValue(o.mode ?? 'tunnel', o.udp)} (${o.mode === 'transport' ? 'Transport' : 'Tunnel'}${o.udp ? '-UDP' : ''})`);
        out.debug(`ISAKMP:      SA life type in seconds`);
        out.debug(`ISAKMP:      SA life duration (basic) of ${o.lifetimeSeconds}`);
        if (o.integrity) out.debug(`ISAKMP:      authenticator is ${o.integrity.replace('esp-', '').replace('-hmac', '').toUpperCase().replace('SHA', 'HMAC-SHA').replace('MD5', 'HMAC-MD5')}`);
        if (o.cipher === 'esp-aes' || o.cipher === 'esp-gcm') out.debug(`ISAKMP:      key length is ${o.keyBits}`);
        const pfsOk = policy.pfs === undefined || o.pfs === policy.pfs;
        const set = pfsOk ? policy.transformSets.find((t) => matchTransform(o, t, policy.tunnelOnly ?? false)) : undefined;
        if (set) {
          out.debug(`ISAKMP:(${p1.connId}):atts are acceptable.`);
          chosen = { policy, set, offered: o };
          break outer;
        }
        out.debug(`ISAKMP:(${p1.connId}):atts are not acceptable.`);
      }
    }
    if (!chosen) {
      const offeredSets = offers.filter((o): o is OfferedPhase2 => !!o).map(offeredText).join(' ');
      out.debug(`IPSEC(validate_transform_proposal): transform proposal not supported for identity: \n    {${offeredSets} }`);
      out.debug(`ISAKMP:(${p1.connId}): IPSec policy invalidated proposal with error 256`);
      this.rejectQm(p1, msg.messageId, initiatorSpi, NotifyType.NO_PROPOSAL_CHOSEN, out);
      out.fail('transform-mismatch', p1.peerIp, `Quick mode rejected: ${ip(p1.peerIp)} offered ${offeredSets || 'nothing usable'}, and no transform set on this router for those proxy identities matches (cipher, key length, integrity, mode).`, candidates[0]!.name);
      return;
    }
    out.debug(`ISAKMP:(${p1.connId}): processing NONCE payload. message ID = ${msg.messageId}`);
    out.debug(`ISAKMP:(${p1.connId}): processing ID payload. message ID = ${msg.messageId}`);
    const pfs = chosen.offered.pfs as DhGroup | undefined;
    let dh: DhKeyPair | undefined;
    let gqmxy: Uint8Array | undefined;
    if (pfs) {
      if (!ke || ke.type !== 'ke') return bad();
      dh = dhGenerate(pfs, this.rng);
      gqmxy = dhShared(pfs, dh.privateKey, ke.data);
      if (!gqmxy) return bad();
    }
    const spiIn = this.spi();
    const nr = this.rng.bytes(NONCE_LEN);
    const answer: IsakmpPayload = { type: 'sa', doi: sa.doi, situation: sa.situation, proposals: [{ ...chosen.offered.proposal, spi: spiIn }] };
    const replyRest: IsakmpPayload[] = [answer, { type: 'nonce', data: nr }, ...(dh ? [{ type: 'ke' as const, data: dh.publicValue }] : []), ...(ids.length === 2 ? ids : [])];
    const hash2 = kdf.qmHash2(h, p1.skeyid!.a, msg.messageId, nonce.data, emitChain(replyRest));
    const sealed = sealMessage(p1.cipher!, opened.nextIv, { initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.QuickMode, messageId: msg.messageId }, [{ type: 'hash', data: hash2 }, ...replyRest]);
    const q: QuickExchange = {
      messageId: msg.messageId,
      role: 'R',
      policy: chosen.policy,
      state: 'IKE_QM_R_QM2',
      iv: sealed.nextIv,
      ni: nonce.data,
      nr,
      spiIn,
      localProxy,
      remoteProxy,
      chosen: { set: chosen.set, offered: chosen.offered, spiOut: initiatorSpi, ...(gqmxy ? { gqmxy } : {}), ...(pfs ? { pfs } : {}) },
      lastRecv: bytes,
    };
    p1.quick.set(msg.messageId, q);
    out.debug(`ISAKMP:(${p1.connId}):Node ${msg.messageId}, Input = IKE_MESG_FROM_PEER, IKE_QM_EXCH`);
    out.debug(`ISAKMP:(${p1.connId}):Old State = IKE_QM_READY  New State = IKE_QM_SPI_STARVE`);
    out.debug(`ISAKMP:(${p1.connId}): sending packet to ${ip(p1.peerIp)} my_port ${p1.localPort} peer_port ${p1.peerPort} (R) QM_IDLE`);
    out.debug(`ISAKMP:(${p1.connId}):Old State = IKE_QM_SPI_STARVE  New State = IKE_QM_R_QM2`);
    const dg = this.datagram(p1, sealed.bytes);
    out.send.push(dg);
    q.lastSent = dg;
    q.retransmit = { datagram: dg, nextAt: now + this.config.retransmitSeconds * SECOND, count: 0, label: 'phase 2 QM_IDLE' };
  }

  private initiatorQm2(p1: Phase1, q: QuickExchange, msg: IsakmpMessage & { nextPayload: number }, bytes: Uint8Array, now: SimTime, out: Out): void {
    const h = p1.choice!.hash;
    const opened = openMessage(p1.cipher!, q.iv, msg);
    const bad = () => out.syslog(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(p1.peerIp)} failed its sanity check or is malformed`);
    if (!opened.ok || opened.payloads[0]?.type !== 'hash') return bad();
    const [hashP, ...rest] = opened.payloads;
    const nonce = rest.find((p) => p.type === 'nonce');
    const sa = rest.find((p) => p.type === 'sa');
    const ke = rest.find((p) => p.type === 'ke');
    if (!nonce || nonce.type !== 'nonce' || !sa || sa.type !== 'sa') return bad();
    if (!equalBytes((hashP as { data: Uint8Array }).data, kdf.qmHash2(h, p1.skeyid!.a, msg.messageId, q.ni, emitChain(rest)))) return bad();
    const prop = sa.proposals[0];
    const set = prop ? q.policy!.transformSets[prop.number - 1] : undefined;
    const offered = prop ? readPhase2Proposal(prop) : undefined;
    if (!prop || !set || !offered || prop.spi.length !== 4) return bad();
    let gqmxy: Uint8Array | undefined;
    if (q.dh) {
      if (!ke || ke.type !== 'ke') return bad();
      gqmxy = dhShared(q.dh.group, q.dh.privateKey, ke.data);
      if (!gqmxy) return bad();
    }
    out.debug(`ISAKMP:(${p1.connId}): processing HASH payload. message ID = ${msg.messageId}`);
    out.debug(`ISAKMP:(${p1.connId}): processing SA payload. message ID = ${msg.messageId}`);
    out.debug(`ISAKMP:(${p1.connId}):Checking IPSec proposal ${prop.number}`);
    out.debug(`ISAKMP:(${p1.connId}):atts are acceptable.`);
    q.nr = nonce.data;
    q.lastRecv = bytes;
    q.chosen = { set, offered, spiOut: prop.spi, ...(gqmxy ? { gqmxy } : {}), ...(q.policy!.pfs ? { pfs: q.policy!.pfs } : {}) };
    const hash3 = kdf.qmHash3(h, p1.skeyid!.a, msg.messageId, q.ni, q.nr);
    const sealed = sealMessage(p1.cipher!, opened.nextIv, { initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.QuickMode, messageId: msg.messageId }, [{ type: 'hash', data: hash3 }]);
    out.debug(`ISAKMP:(${p1.connId}): sending packet to ${ip(p1.peerIp)} my_port ${p1.localPort} peer_port ${p1.peerPort} (I) QM_IDLE`);
    const qm3 = this.datagram(p1, sealed.bytes);
    out.send.push(qm3);
    out.debug(`ISAKMP:(${p1.connId}):Node ${msg.messageId}, Input = IKE_MESG_FROM_PEER, IKE_QM_EXCH`);
    out.debug(`ISAKMP:(${p1.connId}):Old State = IKE_QM_I_QM1  New State = IKE_QM_PHASE2_COMPLETE`);
    this.finishQuick(q, qm3, now);
    this.install(p1, q, now, out);
  }

  private responderQm3(p1: Phase1, q: QuickExchange, msg: IsakmpMessage & { nextPayload: number }, now: SimTime, out: Out): void {
    const opened = openMessage(p1.cipher!, q.iv, msg);
    const hashP = opened.ok ? opened.payloads[0] : undefined;
    if (!hashP || hashP.type !== 'hash' || !equalBytes(hashP.data, kdf.qmHash3(p1.choice!.hash, p1.skeyid!.a, msg.messageId, q.ni, q.nr!))) {
      out.syslog(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(p1.peerIp)} failed its sanity check or is malformed`);
      return;
    }
    out.debug(`ISAKMP:(${p1.connId}):Node ${msg.messageId}, Input = IKE_MESG_FROM_PEER, IKE_QM_EXCH`);
    out.debug(`ISAKMP:(${p1.connId}):Old State = IKE_QM_R_QM2  New State = IKE_QM_PHASE2_COMPLETE`);
    this.finishQuick(q, undefined, now);
    this.install(p1, q, now, out);
  }

  /** Keeps a finished exchange for a while: the initiator answers a repeated QM2 with its QM3. */
  private finishQuick(q: QuickExchange, lastSent: IkeDatagram | undefined, now: SimTime): void {
    q.state = 'IKE_QM_PHASE2_COMPLETE';
    q.retransmit = undefined;
    q.doneAt = now;
    if (lastSent) q.lastSent = lastSent;
    else delete q.lastSent;
  }

  /** KEYMAT for both directions and the SA pair handed to the ESP layer. */
  private install(p1: Phase1, q: QuickExchange, now: SimTime, out: Out): void {
    const c = q.chosen!;
    const h = p1.choice!.hash;
    const ni = q.ni;
    const nr = q.nr!;
    const len = keymatLength(c.set);
    const keys = (spi: Uint8Array) => {
      const km = kdf.keymat(h, p1.skeyid!.d, ProtocolId.ESP, spi, ni, nr, len.enc + len.auth, c.gqmxy);
      return { spi: readU32(spi), encryptionKey: km.slice(0, len.enc), integrityKey: km.slice(len.enc) };
    };
    const policy = q.policy!;
    const natT = p1.natLocal || p1.natPeer;
    const mode = c.offered.mode ?? 'tunnel';
    const lifetimeSeconds = Math.min(c.offered.lifetimeSeconds, policy.lifetimeSeconds ?? 3600);
    const sa: IpsecSaPair & { rekeyAt?: SimTime; role: Role } = {
      policy: policy.name,
      local: p1.localIp,
      peer: p1.peerIp,
      localProxy: q.localProxy!,
      remoteProxy: q.remoteProxy!,
      transformSet: c.set.name,
      cipher: c.set.cipher,
      keyBits: cipherKeyBits(c.set),
      ...(c.set.integrity ? { integrity: c.set.integrity } : {}),
      mode,
      ...(natT ? { udpEncap: { localPort: NATT_PORT, remotePort: p1.peerPort } } : {}),
      inbound: keys(q.spiIn),
      outbound: keys(c.spiOut),
      ...(c.pfs ? { pfs: c.pfs } : {}),
      lifetimeSeconds,
      lifetimeKilobytes: Math.min(c.offered.lifetimeKilobytes, policy.lifetimeKilobytes ?? 4608000),
      createdAt: now,
      expiresAt: now + lifetimeSeconds * SECOND,
      connId: p1.connId,
      role: q.role,
      ...(q.role === 'I' ? { rekeyAt: now + Math.floor(lifetimeSeconds * SOFT_LIFETIME) * SECOND } : {}),
    };
    const previous = this.ipsec.get(policy.name);
    if (previous && now - previous.createdAt < (previous.lifetimeSeconds * SECOND) / 2 && collisionRank(previous) < collisionRank(sa)) {
      // Both routers initiated at once (two VTI ends coming up together): two SA pairs. Both
      // keep the same one, the pair with the lower SPI, so their inbound and outbound agree.
      out.debug(`IPSEC: simultaneous negotiation with ${ip(p1.peerIp)}; keeping SPI 0x${previous.inbound.spi.toString(16).toUpperCase()}`);
      return;
    }
    this.ipsec.set(policy.name, sa);
    for (const [dir, k, dst] of [['INBOUND', sa.inbound, p1.localIp], ['OUTBOUND', sa.outbound, p1.peerIp]] as const) {
      out.debug(
        `IPSEC(initialize_sas): ,\n  (key eng. msg.) ${dir} local= ${ip(p1.localIp)}:0, remote= ${ip(p1.peerIp)}:0,\n    local_proxy= ${proxyText(sa.localProxy)},\n    remote_proxy= ${proxyText(sa.remoteProxy)},\n    protocol= ESP, transform= ${transformSetText(c.set)} (${mode === 'tunnel' ? 'Tunnel' : 'Transport'}${natT ? '-UDP' : ''}),\n    lifedur= ${sa.lifetimeSeconds}s and ${sa.lifetimeKilobytes}kb,\n    spi= 0x${k.spi.toString(16).toUpperCase()}(${k.spi}), conn_id= 0, keysize= ${sa.keyBits}, flags= 0x0`,
      );
      out.debug(`IPSEC(create_sa): sa created,\n  (sa) sa_dest= ${ip(dst)}, sa_proto= 50,\n    sa_spi= 0x${k.spi.toString(16).toUpperCase()}(${k.spi}),\n    sa_trans= ${transformSetText(c.set).slice(1, -2)} , sa_conn_id= ${p1.connId}\n    sa_lifetime(k/sec)= (${sa.lifetimeKilobytes}/${sa.lifetimeSeconds})`);
    }
    if (previous) out.events.push({ type: 'ipsec-down', sa: previous, reason: 'rekeyed' });
    out.events.push({ type: 'ipsec-up', sa });
  }
}

function collisionRank(sa: IpsecSaPair): number {
  return Math.min(sa.inbound.spi, sa.outbound.spi);
}

function ciscoVendorIds(): IsakmpPayload[] {
  return [
    { type: 'vendor', data: VendorId.CiscoUnity },
    { type: 'vendor', data: VendorId.DPD },
    { type: 'vendor', data: VendorId.XAUTH },
  ];
}

function lifeVpi(v: number): string {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].map((b) => `0x${b.toString(16)}`).join(' ');
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Renders `show crypto isakmp sa` as IOS 15 prints it. */
export function formatShowCryptoIsakmpSa(rows: readonly IsakmpSaRow[]): string {
  const lines = ['IPv4 Crypto ISAKMP SA', 'dst             src             state          conn-id status'];
  for (const r of rows) lines.push(`${ip(r.dst).padEnd(16)}${ip(r.src).padEnd(16)}${r.state.padEnd(15)}${String(r.connId).padStart(7)} ${r.status}`);
  lines.push('', 'IPv6 Crypto ISAKMP SA', '');
  return lines.join('\n');
}
