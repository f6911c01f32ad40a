import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ipv4Reassembler, fragment } from './ipv4-fragment';
import { emitIpv4, parseIpv4 } from './ipv4';
import { fromHex, toHex } from './bytes';
import { FUZZ_RUNS, hostileBuffer, ipAddress, scapy, u16 } from './fixtures/arbitraries';

const whole = fromHex(scapy.ipv4_fragments.whole);

describe('IPv4 fragmentation', () => {
  it('splits a 3028-byte packet for MTU 1500 exactly as scapy does', () => {
    const r = fragment(whole, 1500);
    expect(r.ok && r.fragments.map(toHex)).toEqual(scapy.ipv4_fragments.fragments);
  });

  it('returns a packet that fits unchanged', () => {
    const p = emitIpv4({ src: '10.0.0.1', dst: '10.0.0.2', protocol: 1 }, new Uint8Array(100));
    expect(fragment(p, 1500)).toEqual({ ok: true, fragments: [p] });
  });

  it('refuses to fragment with DF set and names the MTU', () => {
    const p = emitIpv4({ src: '10.0.0.1', dst: '10.0.0.2', protocol: 1, df: true }, new Uint8Array(1500));
    expect(fragment(p, 1400)).toEqual({ ok: false, reason: 'fragmentation-needed', mtu: 1400, error: 'fragmentation needed and DF set (MTU 1400)' });
  });

  it('copies only options with the copy bit into later fragments', () => {
    // 0x94 (router alert, copied) and 0x07 (record route, not copied) padded with EOL.
    const options = fromHex('94040000' + '070700000000000000');
    const p = emitIpv4({ src: '10.0.0.1', dst: '10.0.0.2', protocol: 17, options }, new Uint8Array(200));
    const r = fragment(p, 100);
    if (!r.ok) throw new Error(r.error);
    const parsed = r.fragments.map((f) => parseIpv4(f));
    expect(parsed.every((x) => x.ok)).toBe(true);
    expect(parsed.map((x) => x.ok && toHex(x.value.options))).toEqual([toHex(p.subarray(20, 36)), '94040000', '94040000']);
    expect(parsed.map((x) => x.ok && [x.value.fragmentOffset * 8, x.value.payload.length, x.value.mf])).toEqual([[0, 64, true], [64, 72, true], [136, 64, false]]);
    expect(r.fragments.every((f) => f.length <= 100)).toBe(true);
  });

  it('reports an MTU too small for any data', () => {
    const p = emitIpv4({ src: '10.0.0.1', dst: '10.0.0.2', protocol: 17 }, new Uint8Array(200));
    expect(fragment(p, 27)).toMatchObject({ ok: false, reason: 'mtu-too-small' });
  });
});

describe('IPv4 reassembly', () => {
  it('rebuilds the original from fragments in any order, fragmented twice', () => {
    fc.assert(
      fc.property(
        fc.record({ src: ipAddress, dst: ipAddress, id: u16, ttl: fc.integer({ min: 1, max: 255 }), protocol: fc.integer({ min: 0, max: 255 }) }),
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 68, max: 1500 }),
        fc.integer({ min: 68, max: 1500 }),
        fc.integer(),
        (h, size, mtu1, mtu2, seed) => {
          const original = emitIpv4(h, Uint8Array.from({ length: size }, (_, i) => (i * 7 + seed) & 0xff));
          const first = fragment(original, mtu1);
          if (!first.ok) throw new Error(first.error);
          const pieces = first.fragments.flatMap((f) => {
            const r = fragment(f, mtu2);
            if (!r.ok) throw new Error(r.error);
            return r.fragments;
          });
          // deterministic shuffle
          const order = pieces.map((p, i) => ({ p, k: Math.imul(i + 1, seed | 1) >>> 0 })).sort((a, b) => a.k - b.k).map((x) => x.p);
          const re = new Ipv4Reassembler({ timeout: 15 });
          const results = order.map((p) => re.push(p, 0));
          expect(results.slice(0, -1).every((r) => r.status === 'pending')).toBe(true);
          expect(results.at(-1)).toEqual({ status: 'complete', packet: original });
          expect(re.pendingCount).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('expires incomplete datagrams and hands back fragment zero for ICMP time exceeded', () => {
    const r = fragment(whole, 1500);
    if (!r.ok) throw new Error(r.error);
    const re = new Ipv4Reassembler({ timeout: 30 });
    expect(re.push(r.fragments[0]!, 100)).toEqual({ status: 'pending' });
    expect(re.push(r.fragments[2]!, 110)).toEqual({ status: 'pending' });
    expect(re.expire(129)).toEqual([]);
    const gone = re.expire(130);
    expect(gone).toEqual([{ src: '10.1.1.10', dst: '10.2.2.10', id: 77, protocol: 1, firstFragment: r.fragments[0] }]);
    expect(re.pendingCount).toBe(0);
    // Without fragment zero there is nothing to quote.
    re.push(r.fragments[1]!, 200);
    expect(re.expire(1000)[0]?.firstFragment).toBeUndefined();
  });

  it('never throws on hostile fragments', () => {
    const re = new Ipv4Reassembler({ timeout: 10 });
    const frag = fc.record({ id: fc.integer({ min: 0, max: 3 }), mf: fc.boolean(), off: fc.integer({ min: 0, max: 0x1fff }), len: fc.integer({ min: 0, max: 64 }) })
      .map(({ id, mf, off, len }) => emitIpv4({ src: '1.1.1.1', dst: '2.2.2.2', protocol: 17, id, mf, fragmentOffset: off }, new Uint8Array(len)));
    let now = 0;
    fc.assert(
      fc.property(fc.oneof(hostileBuffer, frag), (b) => {
        const r = re.push(b, now++);
        expect(['complete', 'pending', 'error']).toContain(r.status);
        re.expire(now);
        const f = fragment(b, 68);
        expect(typeof f.ok).toBe('boolean');
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
