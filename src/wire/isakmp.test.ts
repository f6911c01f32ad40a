import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fixtures from './fixtures/isakmp.json';
import {
  type Attribute,
  type IsakmpMessage,
  type IsakmpPayload,
  EncapMode,
  ExchangeType,
  Flags,
  IdType,
  NotifyType,
  PayloadType,
  Phase1Attr,
  attr,
  attrValue,
  dissectIsakmp,
  emit,
  emitChain,
  findAttr,
  idIpv4Subnet,
  length,
  parse,
  parseChain,
} from './isakmp';

const hexToBytes = (h: string) => Uint8Array.from(h.match(/../g)!.map((x) => parseInt(x, 16)));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

const cookie = hexToBytes('1122334455667788');
const zero8 = new Uint8Array(8);

describe('ISAKMP fixed bytes made by scapy', () => {
  it('parses main mode message 1: SA, proposal, two transforms, vendor ID', () => {
    const bytes = hexToBytes(fixtures.mm1);
    const r = parse(bytes);
    if (!r.ok) throw new Error(r.error);
    const m = r.value;
    expect(toHex(m.initiatorCookie)).toBe('1122334455667788');
    expect(m.exchangeType).toBe(ExchangeType.MainMode);
    expect(m.version).toBe(0x10);
    expect(m.length).toBe(bytes.length);
    expect(m.payloads.map((p) => p.type)).toEqual(['sa', 'vendor']);
    const sa = m.payloads[0]!;
    if (sa.type !== 'sa') throw new Error('not SA');
    expect(sa.doi).toBe(1);
    expect(sa.situation).toBe(1);
    expect(sa.proposals).toHaveLength(1);
    const [t1, t2] = sa.proposals[0]!.transforms;
    expect(findAttr(t1!.attributes, Phase1Attr.Encryption)).toBe(7);
    expect(findAttr(t1!.attributes, Phase1Attr.KeyLength)).toBe(256);
    expect(findAttr(t1!.attributes, Phase1Attr.Group)).toBe(14);
    // scapy writes 86400 as a 3-byte TLV; we read any TLV width.
    expect(findAttr(t1!.attributes, Phase1Attr.LifeDuration)).toBe(86400);
    expect(findAttr(t2!.attributes, Phase1Attr.Encryption)).toBe(5);
    expect(findAttr(t2!.attributes, Phase1Attr.LifeDuration)).toBe(3600);
    expect(toHex(emit(m))).toBe(fixtures.mm1);
  });

  it('parses KE and nonce', () => {
    const r = parse(hexToBytes(fixtures.mm3));
    if (!r.ok) throw new Error(r.error);
    expect(r.value.payloads.map((p) => p.type)).toEqual(['ke', 'nonce']);
    const ke = r.value.payloads[0]!;
    expect(ke.type === 'ke' && ke.data.length).toBe(128);
    expect(toHex(emit(r.value))).toBe(fixtures.mm3);
  });

  it('parses ID (IPv4 address, UDP 500) and hash', () => {
    const r = parse(hexToBytes(fixtures.id_hash));
    if (!r.ok) throw new Error(r.error);
    const [id, hash] = r.value.payloads;
    expect(id).toEqual({ type: 'id', idType: IdType.IPv4Addr, protocolId: 17, port: 500, data: new Uint8Array([192, 0, 2, 1]) });
    expect(hash!.type).toBe('hash');
    expect(r.value.messageId).toBe(0x01020304);
    expect(toHex(emit(r.value))).toBe(fixtures.id_hash);
  });
});

describe('ISAKMP emit', () => {
  it('computes next payload and length, and honours overrides', () => {
    const msg: IsakmpMessage = {
      initiatorCookie: cookie,
      responderCookie: zero8,
      exchangeType: ExchangeType.Informational,
      flags: 0,
      messageId: 7,
      payloads: [{ type: 'notify', doi: 1, protocolId: 1, messageType: NotifyType.NO_PROPOSAL_CHOSEN, spi: cookie, data: new Uint8Array() }],
    };
    const b = emit(msg);
    expect(b[16]).toBe(PayloadType.Notify);
    expect(b.length).toBe(28 + 12 + 8);
    expect(length(msg)).toBe(b.length);
    expect(new DataView(b.buffer).getUint32(24)).toBe(b.length);
    const bad = emit({ ...msg, length: 999, nextPayload: 99 });
    expect(bad[16]).toBe(99);
    expect(new DataView(bad.buffer).getUint32(24)).toBe(999);
    expect(parse(bad).ok).toBe(false);
  });

  it('encodes attributes TV when they fit 16 bits, else TLV', () => {
    expect(attr(4, EncapMode.UdpTunnel)).toEqual({ type: 4, value: 3 });
    const big = attr(2, 86400);
    expect('bytes' in big && toHex(big.bytes)).toBe('00015180');
    expect(attrValue(big)).toBe(86400);
  });

  it('keeps the encrypted body verbatim with the E flag', () => {
    const enc = Uint8Array.from({ length: 48 }, (_, i) => i);
    const b = emit({ initiatorCookie: cookie, responderCookie: cookie, nextPayload: PayloadType.ID, exchangeType: 2, flags: Flags.Encryption, messageId: 0, payloads: [], encrypted: enc });
    const r = parse(b);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.encrypted).toEqual(enc);
    expect(r.value.nextPayload).toBe(PayloadType.ID);
    expect(r.value.payloads).toEqual([]);
  });

  it('parses a chain followed by padding (a decrypted body)', () => {
    const chain = emitChain([idIpv4Subnet(0x0a010100, 0xffffff00), { type: 'hash', data: new Uint8Array(20) }]);
    const padded = new Uint8Array(chain.length + 7);
    padded.set(chain);
    const r = parseChain(PayloadType.ID, padded);
    expect(r.ok && r.value.map((p) => p.type)).toEqual(['id', 'hash']);
  });
});

// ---------------------------------------------------------------- properties

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });
const attribute: fc.Arbitrary<Attribute> = fc.oneof(
  fc.record({ type: fc.integer({ min: 0, max: 0x7fff }), value: fc.integer({ min: 0, max: 0xffff }) }),
  fc.record({ type: fc.integer({ min: 0, max: 0x7fff }), bytes: bytes(0, 12) }),
);
const transform = fc.record({ number: fc.nat(255), transformId: fc.nat(255), attributes: fc.array(attribute, { maxLength: 6 }) });
const proposal = fc.record({ number: fc.nat(255), protocolId: fc.nat(255), spi: bytes(0, 8), transforms: fc.array(transform, { maxLength: 4 }) });
const simpleType = fc.constantFrom('ke', 'nonce', 'hash', 'vendor', 'natd', 'sig') as fc.Arbitrary<'ke' | 'nonce' | 'hash' | 'vendor' | 'natd' | 'sig'>;
const payload: fc.Arbitrary<IsakmpPayload> = fc.oneof(
  fc.record({ type: fc.constant('sa' as const), doi: fc.nat(0xffffffff), situation: fc.nat(0xffffffff), proposals: fc.array(proposal, { maxLength: 3 }) }),
  fc.record({ type: simpleType, data: bytes(0, 64) }),
  fc.record({ type: fc.constant('id' as const), idType: fc.nat(255), protocolId: fc.nat(255), port: fc.nat(0xffff), data: bytes(0, 16) }),
  fc.record({ type: fc.constant('notify' as const), doi: fc.nat(0xffffffff), protocolId: fc.nat(255), messageType: fc.nat(0xffff), spi: bytes(0, 16), data: bytes(0, 16) }),
  fc.integer({ min: 1, max: 8 }).chain((size) =>
    fc.record({ type: fc.constant('delete' as const), doi: fc.nat(0xffffffff), protocolId: fc.nat(255), spiSize: fc.constant(size), spis: fc.array(bytes(size, size), { maxLength: 4 }) }),
  ),
  fc.record({ type: fc.constant('unknown' as const), payloadType: fc.constantFrom(6, 7, 14, 15, 21, 130, 200), data: bytes(0, 32) }),
);
const message = fc.record({
  initiatorCookie: bytes(8, 8),
  responderCookie: bytes(8, 8),
  exchangeType: fc.constantFrom(2, 4, 5, 32),
  flags: fc.constantFrom(0, 2),
  messageId: fc.nat(0xffffffff),
  payloads: fc.array(payload, { maxLength: 5 }),
});

describe('ISAKMP properties', () => {
  it('parse(emit(x)) gives x back', () => {
    fc.assert(
      fc.property(message, (m) => {
        const b = emit(m);
        expect(b.length).toBe(length(m));
        const r = parse(b);
        if (!r.ok) throw new Error(r.error);
        const { nextPayload, version, length: len, ...rest } = r.value;
        expect(rest).toEqual(m);
        expect(version).toBe(0x10);
        expect(len).toBe(b.length);
        expect(nextPayload).toBe(b[16]);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random or mutated bytes (parse and dissect)', () => {
    const mutated = fc.tuple(message, fc.array(fc.tuple(fc.nat(400), fc.nat(255)), { maxLength: 4 }), fc.nat(400)).map(([m, edits, cut]) => {
      const b = emit(m);
      for (const [i, v] of edits) if (b.length) b[i % b.length] = v;
      return b.subarray(0, Math.min(b.length, cut + 20));
    });
    fc.assert(
      fc.property(fc.oneof(bytes(0, 200), mutated), (b) => {
        const r = parse(b);
        if (!r.ok) expect(typeof r.error).toBe('string');
        const d = dissectIsakmp(b, 0, b.length);
        expect(d.layer.protocol).toBe('isakmp');
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('dissectIsakmp', () => {
  it('lists the header fields and the payloads with byte ranges', () => {
    const b = hexToBytes(fixtures.mm1);
    const d = dissectIsakmp(b, 0, b.length);
    expect(d.layer.problem).toBeUndefined();
    const names = d.layer.fields.map((f) => f.name);
    expect(names.slice(0, 8)).toEqual(['Initiator SPI', 'Responder SPI', 'Next payload', 'Version', 'Exchange type', 'Flags', 'Message ID', 'Length']);
    const sa = d.layer.fields.find((f) => f.name === 'Payload: Security Association')!;
    expect(sa.offset).toBe(28);
    expect(sa.length).toBe(0x5b);
    const prop = sa.children!.find((c) => c.name === 'Proposal #1')!;
    const t1 = prop.children!.find((c) => c.name === 'Transform #1')!;
    expect(t1.children!.find((c) => c.name === 'Life-Duration')!.value).toBe('86400');
    expect(d.layer.fields.at(-1)!.name).toBe('Payload: Vendor ID');
  });

  it('shows the body as one encrypted field when the E flag is set', () => {
    const b = emit({ initiatorCookie: cookie, responderCookie: cookie, nextPayload: 5, exchangeType: 2, flags: 1, messageId: 0, payloads: [], encrypted: new Uint8Array(32) });
    const d = dissectIsakmp(b, 0, b.length);
    expect(d.layer.fields.at(-1)).toMatchObject({ name: 'Encrypted Data', offset: 28, length: 32 });
    expect(d.layer.encrypted).toEqual([{ offset: 28, length: 32 }]);
  });

  it('reports a truncated message as a problem', () => {
    const b = hexToBytes(fixtures.mm1).subarray(0, 60);
    expect(dissectIsakmp(b, 0, b.length).layer.problem).toMatch(/exceeds/);
  });
});
