// Shared state of the IKEv1 engine: the ISAKMP SA (phase 1) and quick mode records, the output
// collector, and the base class holding configuration, SA tables and the helpers every exchange
// uses (finding a phase 1, building datagrams, informational messages, message ids and SPIs).
import { cbcBlockSize } from '../../crypto/cbc';
import { type DhKeyPair } from '../../crypto/dh';
import * as kdf from '../../crypto/ikev1-prf';
import type { SeededRandom } from '../../crypto/rng';
import { type IsakmpPayload, ExchangeType, ISAKMP_PORT, NAT_T_PORT, emitChain } from '../../wire/isakmp';
import { formatIp } from '../addr';
import { SECOND } from '../scheduler';
import { type CipherState, sealMessage } from './crypt';
import { type OfferedPhase2, type Phase1Choice, type Phase2Entry } from './proposals';
import type { DhGroup, FailureKind, IkeConfig, IkeDatagram, IkeEvent, IkeLog, IkeOutput, Ip, IpsecPolicy, IpsecSaPair, ProxyId, SimTime, TransformSet } from './types';
import { type MmState, NON_ESP_MARKER, concat, showState, u32 } from './util';

export const IKE_PORT = ISAKMP_PORT;
export const NATT_PORT = NAT_T_PORT;
export const NONCE_LEN = 20;
/** How long a responder lets the initiator start quick mode before starting its own. */
export const RESPONDER_QM_GRACE = 1 * SECOND;
/** How long a deleted ISAKMP SA stays listed as "ACTIVE (deleted)". */
export const DELETED_LINGER = 10 * SECOND;
/** IOS rekeys an IPsec SA shortly before it expires (soft lifetime). */
export const SOFT_LIFETIME = 0.9;

export type Role = 'I' | 'R';

export interface Retransmit {
  datagram: IkeDatagram;
  nextAt: SimTime;
  count: number;
  label: string;
}

export interface QuickExchange {
  messageId: number;
  role: Role;
  policy?: IpsecPolicy;
  /** The initiator's proposals in order (proposal number - 1 indexes them). */
  offers?: Phase2Entry[];
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
export const QM_LINGER = 60 * SECOND;

export interface Phase1 {
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
  /**
   * When a responder starts the quick modes this router asked for while the peer was leading
   * phase 1: the peer, as initiator, normally starts the same quick mode at once, and starting
   * ours as well would build a second SA pair for the same tunnel.
   */
  pendingAt?: SimTime;
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

export class Out implements IkeOutput {
  send: IkeDatagram[] = [];
  logs: IkeLog[] = [];
  events: IkeEvent[] = [];
  debug(text: string): void {
    this.logs.push({ kind: 'debug', facility: text.startsWith('IPSEC') ? 'ipsec' : 'isakmp', text });
  }
  syslog(text: string): void {
    this.logs.push({ kind: 'syslog', text });
  }
  fail(kind: FailureKind, peer: Ip, explanation: string, policy?: string): void {
    this.events.push(policy ? { type: 'failure', kind, peer, policy, explanation } : { type: 'failure', kind, peer, explanation });
  }
}

export const ip = formatIp;

export abstract class EngineBase {
  protected config: Required<Pick<IkeConfig, 'natTraversal' | 'natKeepaliveSeconds' | 'retransmitSeconds' | 'retransmitLimit'>> & IkeConfig;
  protected readonly sas = new Map<string, Phase1>();
  protected readonly ipsec = new Map<string, IpsecSaPair & { rekeyAt?: SimTime; role: Role }>();
  protected readonly keyLog: string[] = [];
  protected nextConnId = 1001;

  constructor(
    config: IkeConfig,
    protected readonly rng: SeededRandom,
  ) {
    this.config = this.withDefaults(config);
  }

  /** Replaces the configuration (after a config change). Existing SAs stay up. */
  configure(config: IkeConfig): void {
    this.config = this.withDefaults(config);
  }

  protected withDefaults(c: IkeConfig) {
    return { ...c, natTraversal: c.natTraversal ?? true, natKeepaliveSeconds: c.natKeepaliveSeconds ?? 20, retransmitSeconds: c.retransmitSeconds ?? 10, retransmitLimit: c.retransmitLimit ?? 5 };
  }

  protected findPhase1(peer: Ip, local: Ip): Phase1 | undefined {
    let found: Phase1 | undefined;
    for (const p1 of this.sas.values()) {
      if (p1.deletedAt !== undefined || p1.peerIp !== peer || p1.localIp !== local) continue;
      if (p1.state === 'IKE_P1_COMPLETE') return p1;
      found ??= p1;
    }
    return found;
  }

  protected newPhase1(role: Role, localIp: Ip, peerIp: Ip, ckyI: Uint8Array, now: SimTime): Phase1 {
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

  protected setState(p1: Phase1, next: MmState, input: string, out: Out): void {
    out.debug(`ISAKMP:(${p1.connId}):Input = ${input}`);
    out.debug(`ISAKMP:(${p1.connId}):Old State = ${p1.state}  New State = ${next}`);
    p1.state = next;
  }

  protected datagram(p1: Phase1, bytes: Uint8Array): IkeDatagram {
    const payload = p1.localPort === NATT_PORT ? concat(NON_ESP_MARKER, bytes) : bytes;
    return { srcIp: p1.localIp, srcPort: p1.localPort, dstIp: p1.peerIp, dstPort: p1.peerPort, payload };
  }

  protected deleteP1(p1: Phase1, now: SimTime, out: Out, reason: string): void {
    if (p1.deletedAt !== undefined) return;
    out.debug(`ISAKMP:(${p1.connId}):deleting SA reason "${reason}" state (${p1.role}) ${showState(p1.state)} (peer ${ip(p1.peerIp)})`);
    p1.deletedAt = now;
    p1.retransmit = undefined;
    p1.nextKeepaliveAt = undefined;
    p1.quick.clear();
    if (p1.upAt !== undefined) out.events.push({ type: 'isakmp-down', peer: p1.peerIp, connId: p1.connId, reason });
  }

  protected sendInformational(p1: Phase1, body: IsakmpPayload[], out: Out): void {
    const h = p1.choice!.hash;
    const mid = this.messageId();
    const rest = emitChain(body);
    const hash1 = kdf.infoHash(h, p1.skeyid!.a, mid, rest);
    const iv = kdf.phase2Iv(h, p1.lastP1Block!, mid, cbcBlockSize(p1.cipher!.algorithm));
    const sealed = sealMessage(p1.cipher!, iv, { initiatorCookie: p1.ckyI, responderCookie: p1.ckyR, exchangeType: ExchangeType.Informational, messageId: mid }, [{ type: 'hash', data: hash1 }, ...body]);
    out.debug(`ISAKMP:(${p1.connId}): sending packet to ${ip(p1.peerIp)} my_port ${p1.localPort} peer_port ${p1.peerPort} (${p1.role}) QM_IDLE`);
    out.send.push(this.datagram(p1, sealed.bytes));
  }

  protected messageId(): number {
    let v = 0;
    while (v === 0) v = this.rng.uint32();
    return v;
  }

  protected spi(): Uint8Array {
    // SPIs 1-255 are reserved (RFC 4303 §2.1).
    return u32(this.rng.int(0x100, 0xffffffff));
  }

  protected abstract startMain(policy: IpsecPolicy, now: SimTime, out: Out): void;
  protected abstract startQuick(p1: Phase1, policy: IpsecPolicy, now: SimTime, out: Out): void;
}
