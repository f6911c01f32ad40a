// One router's IKEv1 peer: main mode (pre-shared keys) and quick mode, with NAT-T (RFC 3947).
// Deterministic and clock-free: the caller passes `now` (SimTime, microseconds) and a seeded
// random generator, sends the datagrams it gets back, and calls tick() at nextTimerAt().
import { cbcBlockSize } from '../../crypto/cbc';
import { dhGenerate, dhShared } from '../../crypto/dh';
import * as kdf from '../../crypto/ikev1-prf';
import { type IsakmpMessage, type IsakmpPayload, DOI_IPSEC, ExchangeType, NotifyType, ProtocolId, VendorId, emit, emitPayloadBody, emitChain, notifyName, parse } from '../../wire/isakmp';
import { SECOND } from '../scheduler';
import { algorithmOf, openMessage, sealMessage } from './crypt';
import { deleteSaText, phase1CheckLines, saRequestText } from './ios-text';
import { choosePhase1, phase1Answer, phase1KeyBits, phase1Offer, readPhase1Transform } from './proposals';
import type { FailureKind, IkeDatagram, IkeOutput, IpsecPolicy, IpsecSaPair, IsakmpSaRow, SimTime } from './types';
import { concat, equalBytes, findKey, hex, natdHash, proxyText, readU32, showState, u32 } from './util';
import { type Phase1, IKE_PORT, NATT_PORT, NONCE_LEN, DELETED_LINGER, QM_LINGER, RESPONDER_QM_GRACE, Out, ip } from './state';
import { QuickModeEngine } from './quick-mode';

export class IkeEngine extends QuickModeEngine {
  // ------------------------------------------------------------ public API

  /** The IPsec SA pair negotiated for a policy, if up. */
  ipsecSa(policyName: string): IpsecSaPair | undefined {
    return this.ipsec.get(policyName);
  }

  ipsecSas(): IpsecSaPair[] {
    return [...this.ipsec.values()];
  }

  /**
   * Is a negotiation for this policy running (phase 1 or quick mode)? Routers ask this for every
   * tunnel on every state evaluation, so the answer is kept until the engine next changes: every
   * change happens inside initiate(), receive(), tick() or clear(), which drop it.
   */
  negotiating(policyName: string): boolean {
    this.negotiatingNames ??= this.collectNegotiating();
    return this.negotiatingNames.has(policyName);
  }

  private negotiatingNames: Set<string> | undefined;

  private collectNegotiating(ignorePendingOf?: Phase1): Set<string> {
    const names = new Set<string>();
    for (const p1 of this.sas.values()) {
      if (p1.deletedAt !== undefined) continue;
      if (p1 !== ignorePendingOf) for (const p of p1.pending) names.add(p.name);
      for (const q of p1.quick.values()) if (q.doneAt === undefined && q.policy) names.add(q.policy.name);
    }
    return names;
  }

  /** Marks the cached answers stale (at entry and exit of every call that changes state). */
  private touch(): void {
    this.negotiatingNames = undefined;
  }

  private changing<T>(change: () => T): T {
    this.touch();
    try {
      return change();
    } finally {
      this.touch();
    }
  }

  /** Rows of `show crypto isakmp sa` (dst is the responder, src the initiator, as on IOS). */
  isakmpSas(now: SimTime): IsakmpSaRow[] {
    return [...this.sas.values()].map((p) => ({
      dst: p.role === 'I' ? p.peerIp : p.localIp,
      src: p.role === 'I' ? p.localIp : p.peerIp,
      local: p.localIp,
      remote: p.peerIp,
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
    return this.changing(() => this.initiateNow(policy, now));
  }

  private initiateNow(policy: IpsecPolicy, now: SimTime): IkeOutput {
    const out = new Out();
    if (this.ipsec.has(policy.name) || this.negotiating(policy.name)) return out;
    out.debug(saRequestText(policy));
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
    return this.changing(() => this.receiveNow(d, now));
  }

  private receiveNow(d: IkeDatagram, now: SimTime): IkeOutput {
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
    return this.changing(() => this.tickNow(now));
  }

  private tickNow(now: SimTime): IkeOutput {
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
      if (p1.pendingAt !== undefined && now >= p1.pendingAt) {
        p1.pendingAt = undefined;
        // Only what the peer's own quick modes did not already bring up.
        const elsewhere = this.collectNegotiating(p1);
        p1.pending = p1.pending.filter((p) => !this.ipsec.has(p.name) && !elsewhere.has(p.name));
        this.startPending(p1, now, out);
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
        out.debug(deleteSaText(sa));
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
      take(p1.pendingAt);
      for (const q of p1.quick.values()) take(q.retransmit?.nextAt);
    }
    for (const sa of this.ipsec.values()) {
      take(sa.expiresAt);
      take(sa.rekeyAt);
    }
    return t;
  }

  /**
   * Deletes one policy's IPsec SA pair, telling the peer (Delete notification), as IOS does when a
   * protected tunnel is shut down: the tunnel's crypto socket closes.
   */
  deletePolicySa(policyName: string, reason = 'tunnel shut down'): IkeOutput {
    return this.changing(() => {
      const out = new Out();
      const sa = this.ipsec.get(policyName);
      for (const p1 of this.sas.values()) {
        p1.pending = p1.pending.filter((p) => p.name !== policyName);
        // A quick mode still running for the closed socket would install the old identities.
        for (const [mid, q] of p1.quick) if (q.doneAt === undefined && q.policy?.name === policyName) p1.quick.delete(mid);
      }
      if (!sa) return out;
      const p1 = this.findPhase1(sa.peer, sa.local);
      if (p1?.state === 'IKE_P1_COMPLETE') this.sendInformational(p1, [{ type: 'delete', doi: DOI_IPSEC, protocolId: ProtocolId.ESP, spiSize: 4, spis: [u32(sa.inbound.spi)] }], out);
      this.ipsec.delete(policyName);
      out.debug(deleteSaText(sa));
      out.events.push({ type: 'ipsec-down', sa, reason });
      return out;
    });
  }

  /** `clear crypto isakmp` / `clear crypto sa`: drops every SA (with Delete notifications). */
  clear(now: SimTime, what: 'isakmp' | 'sa' | 'all' = 'all'): IkeOutput {
    return this.changing(() => this.clearNow(now, what));
  }

  private clearNow(now: SimTime, what: 'isakmp' | 'sa' | 'all'): IkeOutput {
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

  protected sendP1(p1: Phase1, bytes: Uint8Array, now: SimTime, out: Out, retransmit: boolean): void {
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

  protected startMain(policy: IpsecPolicy, now: SimTime, out: Out): void {
    const peer = policy.peer;
    const key = findKey(this.config.keys, peer);
    out.debug(`ISAKMP:(0): SA request profile is (NULL)`);
    out.debug(`ISAKMP: Created a peer struct for ${ip(peer)}, peer port ${IKE_PORT}`);
    if (!key) {
      out.debug(`ISAKMP:(0):No pre-shared key with ${ip(peer)}!`);
      out.syslog(`%CRYPTO-4-IKMP_NO_PRESHARED_KEY: Preshared key for remote peer at ${ip(peer)} is missing`);
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

  protected responderMm1(d: IkeDatagram, msg: IsakmpMessage, bytes: Uint8Array, now: SimTime, out: Out): void {
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
      out.syslog(`%CRYPTO-4-IKMP_NO_PRESHARED_KEY: Preshared key for remote peer at ${ip(d.srcIp)} is missing`);
    }
    const { choice, checks } = choosePhase1(sa, this.config.policies, key !== undefined);
    for (const c of checks) for (const line of phase1CheckLines(c, sa.proposals[0]?.transforms.length ?? 0)) out.debug(line);
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

  protected vendorIds(payloads: IsakmpPayload[], out: Out, connId: number): boolean {
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

  protected initiatorMm2(p1: Phase1, msg: IsakmpMessage, bytes: Uint8Array, now: SimTime, out: Out): void {
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
  protected keyExchange(p1: Phase1, msg: IsakmpMessage, out: Out): boolean {
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
  protected natDetect(p1: Phase1, msg: IsakmpMessage, d: IkeDatagram, out: Out): void {
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

  /**
   * What main mode messages 3 (at the responder) and 4 (at the initiator) share: the peer's KE
   * and nonce, its vendor IDs and NAT-D. False when the message is bad; the state is then left
   * alone, so a good retransmission still gets in.
   */
  private takeKeyExchange(p1: Phase1, msg: IsakmpMessage, bytes: Uint8Array, d: IkeDatagram, state: 'IKE_R_MM3' | 'IKE_I_MM4', out: Out): boolean {
    if (!this.keyExchange(p1, msg, out)) {
      out.syslog(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(d.srcIp)} failed its sanity check or is malformed`);
      return false;
    }
    p1.lastRecv = bytes;
    this.setState(p1, state, 'IKE_MESG_FROM_PEER, IKE_MM_EXCH', out);
    this.vendorIds(msg.payloads, out, p1.connId);
    this.natDetect(p1, msg, d, out);
    return true;
  }

  protected responderMm3(p1: Phase1, msg: IsakmpMessage, bytes: Uint8Array, d: IkeDatagram, now: SimTime, out: Out): void {
    if (!this.takeKeyExchange(p1, msg, bytes, d, 'IKE_R_MM3', out)) return;
    const h = p1.choice!.hash;
    const payloads: IsakmpPayload[] = [{ type: 'ke', data: p1.gxr! }, { type: 'nonce', data: p1.nr! }, ...ciscoVendorIds()];
    if (p1.peerNatT) payloads.push({ type: 'natd', data: natdHash(h, p1.ckyI, p1.ckyR, d.srcIp, d.srcPort) }, { type: 'natd', data: natdHash(h, p1.ckyI, p1.ckyR, d.dstIp, d.dstPort) });
    this.setState(p1, 'IKE_R_MM3', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE', out);
    const reply = emit({ initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.MainMode, flags: 0, messageId: 0, payloads });
    p1.state = 'IKE_R_MM4';
    this.sendP1(p1, reply, now, out, false);
    out.debug(`ISAKMP:(${p1.connId}):Old State = IKE_R_MM3  New State = IKE_R_MM4`);
  }

  protected idPayload(p1: Phase1): IsakmpPayload {
    // IOS identifies itself by address, protocol UDP, port 500 (ID_IPV4_ADDR).
    return { type: 'id', idType: 1, protocolId: 17, port: IKE_PORT, data: u32(p1.localIp) };
  }

  protected initiatorMm4(p1: Phase1, msg: IsakmpMessage, bytes: Uint8Array, d: IkeDatagram, now: SimTime, out: Out): void {
    if (!this.takeKeyExchange(p1, msg, bytes, d, 'IKE_I_MM4', out)) return;
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

  protected verifyAuth(p1: Phase1, msg: IsakmpMessage & { nextPayload: number }, d: IkeDatagram, out: Out): { ok: true; nextIv: Uint8Array } | { ok: false } {
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

  protected responderMm5(p1: Phase1, msg: IsakmpMessage & { nextPayload: number }, bytes: Uint8Array, d: IkeDatagram, now: SimTime, out: Out): void {
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
  }

  protected startPending(p1: Phase1, now: SimTime, out: Out): void {
    const pending = p1.pending;
    p1.pending = [];
    for (const policy of pending) this.startQuick(p1, policy, now, out);
  }

  protected initiatorMm6(p1: Phase1, msg: IsakmpMessage & { nextPayload: number }, bytes: Uint8Array, now: SimTime, out: Out): void {
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

  protected phase1Up(p1: Phase1, now: SimTime, out: Out): void {
    this.setState(p1, 'IKE_P1_COMPLETE', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE', out);
    p1.retransmit = undefined;
    p1.idleDeadline = undefined;
    p1.upAt = now;
    p1.expiresAt = now + p1.choice!.lifetime * SECOND;
    const nat = p1.natLocal || p1.natPeer;
    if (p1.natLocal && this.config.natKeepaliveSeconds > 0) p1.nextKeepaliveAt = now + this.config.natKeepaliveSeconds * SECOND;
    out.events.push({ type: 'isakmp-up', peer: p1.peerIp, connId: p1.connId, natDetected: nat });
    this.abandonUnanswered(p1, now, out);
  }

  /**
   * Both routers may start main mode towards each other. An exchange of ours that the peer has
   * not answered yet (MM_NO_STATE) is given up once another phase 1 with that peer is up: its
   * SA requests move to the live SA, and only one ISAKMP SA stays QM_IDLE.
   */
  private abandonUnanswered(up: Phase1, now: SimTime, out: Out): void {
    for (const p1 of this.sas.values()) {
      if (p1 === up || p1.deletedAt !== undefined || p1.role !== 'I' || p1.state !== 'IKE_I_MM1') continue;
      if (p1.peerIp !== up.peerIp || p1.localIp !== up.localIp) continue;
      for (const policy of p1.pending) if (!up.pending.some((p) => p.name === policy.name)) up.pending.push(policy);
      p1.pending = [];
      this.deleteP1(p1, now, out, 'Phase 1 with the peer completed on another SA');
    }
    if (up.role === 'R' && up.pending.length > 0) up.pendingAt ??= now + RESPONDER_QM_GRACE;
  }

  protected reportStuck(p1: Phase1, out: Out): void {
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

  protected retransmitP1(p1: Phase1, now: SimTime, out: Out): void {
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


  protected sendDeleteIsakmp(p1: Phase1, out: Out): void {
    out.debug(`ISAKMP:(${p1.connId}):purging SA., sa=${hex(p1.ckyI)}, delme=${hex(p1.ckyI)}`);
    this.sendInformational(p1, [{ type: 'delete', doi: DOI_IPSEC, protocolId: ProtocolId.ISAKMP, spiSize: 16, spis: [concat(p1.ckyI, p1.ckyR)] }], out);
  }

  // ------------------------------------------------------------ informational


  protected informational(p1: Phase1, msg: IsakmpMessage & { nextPayload: number }, d: IkeDatagram, now: SimTime, out: Out): void {
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












}


function ciscoVendorIds(): IsakmpPayload[] {
  return [
    { type: 'vendor', data: VendorId.CiscoUnity },
    { type: 'vendor', data: VendorId.DPD },
    { type: 'vendor', data: VendorId.XAUTH },
  ];
}



export { formatShowCryptoIsakmpSa, formatShowCryptoIsakmpSaDetail } from './ios-text';
