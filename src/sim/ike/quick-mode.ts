// Quick mode (RFC 2409 §5.5): HASH(1..3), transform-set and proxy-identity matching, PFS,
// KEYMAT for both directions, retransmission, rekey; and the SA pair handed to the ESP layer.
import { cbcBlockSize } from '../../crypto/cbc';
import { type DhKeyPair, dhGenerate, dhShared } from '../../crypto/dh';
import * as kdf from '../../crypto/ikev1-prf';
import { type IsakmpMessage, type IsakmpPayload, DOI_IPSEC, ExchangeType, NotifyType, ProtocolId, emitChain, notifyName } from '../../wire/isakmp';
import { SECOND } from '../scheduler';
import { openMessage, sealMessage } from './crypt';
import { installTexts, phase2TransformLines, validateProposalText } from './ios-text';
import { type OfferedPhase2, keymatLength, matchTransform, offeredText, phase2Entries, phase2Offer, readPhase2Proposal, cipherKeyBits } from './proposals';
import type { DhGroup, IkeDatagram, Ip, IpsecPolicy, IpsecSaPair, ProxyId, SimTime, TransformSet } from './types';
import { equalBytes, idToProxy, proxyEqual, proxyText, proxyToId, proxyWithin, readU32 } from './util';
import { type Phase1, type QuickExchange, type Role, EngineBase, NATT_PORT, NONCE_LEN, Out, SOFT_LIFETIME, ip } from './state';

export abstract class QuickModeEngine extends EngineBase {
  protected rekey(policy: IpsecPolicy, now: SimTime, out: Out): void {
    const p1 = this.findPhase1(policy.peer, policy.localAddress);
    if (p1?.state === 'IKE_P1_COMPLETE') this.startQuick(p1, policy, now, out);
    else if (p1) p1.pending.push(policy);
    else this.startMain(policy, now, out);
  }

  protected startQuick(p1: Phase1, policy: IpsecPolicy, now: SimTime, out: Out): void {
    const h = p1.choice!.hash;
    const mid = this.messageId();
    const natT = p1.natLocal || p1.natPeer;
    const spiIn = this.spi();
    const ni = this.rng.bytes(NONCE_LEN);
    const dh = policy.pfs ? dhGenerate(policy.pfs, this.rng) : undefined;
    const host = (p: ProxyId, a: Ip) => p.mask >>> 0 === 0xffffffff && p.address === a;
    const offers = phase2Entries(policy.transformSets, host(policy.local, policy.localAddress) && host(policy.remote, policy.peer), policy.tunnelOnly ?? false);
    const sa = phase2Offer(offers, {
      spi: spiIn,
      lifetimeSeconds: policy.lifetimeSeconds ?? 3600,
      lifetimeKilobytes: policy.lifetimeKilobytes ?? 4608000,
      natT,
      ...(policy.pfs ? { pfs: policy.pfs } : {}),
    });
    const idci = proxyToId(policy.local);
    const idcr = proxyToId(policy.remote);
    const rest: IsakmpPayload[] = [sa, { type: 'nonce', data: ni }, ...(dh ? [{ type: 'ke' as const, data: dh.publicValue }] : []), idci, idcr];
    const hash1 = kdf.qmHash1(h, p1.skeyid!.a, mid, emitChain(rest));
    const iv0 = kdf.phase2Iv(h, p1.lastP1Block!, mid, cbcBlockSize(p1.cipher!.algorithm));
    const sealed = sealMessage(p1.cipher!, iv0, { initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.QuickMode, messageId: mid }, [{ type: 'hash', data: hash1 }, ...rest]);
    const q: QuickExchange = { messageId: mid, role: 'I', policy, offers, state: 'IKE_QM_I_QM1', iv: sealed.nextIv, ni, spiIn, idci, idcr, localProxy: policy.local, remoteProxy: policy.remote, ...(dh ? { dh } : {}) };
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

  protected retransmitQm(p1: Phase1, q: QuickExchange, _now: SimTime, out: Out): void {
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

  protected quickReceive(p1: Phase1, msg: IsakmpMessage & { nextPayload: number }, bytes: Uint8Array, d: IkeDatagram, now: SimTime, out: Out): void {
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

  protected rejectQm(p1: Phase1, mid: number, spi: Uint8Array, type: number, out: Out): void {
    out.debug(`ISAKMP:(${p1.connId}): phase 2 SA policy not acceptable! (local ${ip(p1.localIp)} remote ${ip(p1.peerIp)})`);
    out.debug(`ISAKMP: set new node ${mid} to QM_IDLE`);
    out.debug(`ISAKMP:(${p1.connId}):Sending NOTIFY ${type === NotifyType.NO_PROPOSAL_CHOSEN ? 'PROPOSAL_NOT_CHOSEN' : notifyName(type)} protocol 3`);
    out.syslog(`%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Quick mode failed with peer at ${ip(p1.peerIp)}`);
    this.sendInformational(p1, [{ type: 'notify', doi: DOI_IPSEC, protocolId: ProtocolId.ESP, messageType: type, spi, data: new Uint8Array(0) }], out);
  }

  protected responderQm1(p1: Phase1, msg: IsakmpMessage & { nextPayload: number }, bytes: Uint8Array, d: IkeDatagram, now: SimTime, out: Out): void {
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
    // A crypto map accepts any subset of its ACL; a protected tunnel only its own identities.
    const fits = (p: IpsecPolicy) => (p.exactProxies ? proxyEqual(remoteProxy, p.remote) && proxyEqual(localProxy, p.local) : proxyWithin(remoteProxy, p.remote) && proxyWithin(localProxy, p.local));
    const candidates = this.config.ipsec.filter((p) => p.peer === p1.peerIp && fits(p));
    out.debug(validateProposalText(p1.localIp, p1.peerIp, localProxy, remoteProxy));
    if (candidates.length === 0) {
      out.debug(`IPSEC(ipsec_process_proposal): proxy identities not supported`);
      out.debug(`ISAKMP:(${p1.connId}): IPSec policy invalidated proposal with error 32`);
      this.rejectQm(p1, msg.messageId, initiatorSpi, NotifyType.INVALID_ID_INFORMATION, out);
      const tunnel = this.config.ipsec.find((p) => p.peer === p1.peerIp && p.exactProxies);
      const why = tunnel
        ? ` ${tunnel.name} here protects ${proxyText(tunnel.local)} -> ${proxyText(tunnel.remote)} and accepts only those (${tunnel.tunnelOnly ? 'an IPsec VTI: any/any' : 'GRE protection: gre host/host'}); check that both ends use the same tunnel mode.`
        : '';
      out.fail('proxy-mismatch', p1.peerIp, `Quick mode rejected: ${ip(p1.peerIp)} proposed proxy identities ${proxyText(remoteProxy)} -> ${proxyText(localProxy)}, which no crypto map ACL or tunnel protection on this router mirrors.${why}`, tunnel?.name);
      return;
    }
    let chosen: { policy: IpsecPolicy; set: TransformSet; offered: OfferedPhase2 } | undefined;
    const offers = sa.proposals.map(readPhase2Proposal);
    outer: for (const policy of candidates) {
      for (const o of offers) {
        if (!o) continue;
        for (const line of phase2TransformLines(o)) out.debug(line);
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

  protected initiatorQm2(p1: Phase1, q: QuickExchange, msg: IsakmpMessage & { nextPayload: number }, bytes: Uint8Array, now: SimTime, out: Out): void {
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
    const set = prop ? q.offers?.[prop.number - 1]?.set : undefined;
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

  protected responderQm3(p1: Phase1, q: QuickExchange, msg: IsakmpMessage & { nextPayload: number }, now: SimTime, out: Out): void {
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
  protected finishQuick(q: QuickExchange, lastSent: IkeDatagram | undefined, now: SimTime): void {
    q.state = 'IKE_QM_PHASE2_COMPLETE';
    q.retransmit = undefined;
    q.doneAt = now;
    if (lastSent) q.lastSent = lastSent;
    else delete q.lastSent;
  }

  /** KEYMAT for both directions and the SA pair handed to the ESP layer. */
  protected install(p1: Phase1, q: QuickExchange, now: SimTime, out: Out): void {
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
    for (const text of installTexts(sa, c.set)) out.debug(text);
    if (previous) out.events.push({ type: 'ipsec-down', sa: previous, reason: 'rekeyed' });
    out.events.push({ type: 'ipsec-up', sa });
  }
}

function collisionRank(sa: IpsecSaPair): number {
  return Math.min(sa.inbound.spi, sa.outbound.spi);
}
