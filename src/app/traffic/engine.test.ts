import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { runTraffic } from './engine';
import { plainGreDefaultLab } from './lab-variants';

describe('runTraffic', () => {
  it('pings H2 from H1 across a GRE tunnel and returns only that run', () => {
    const r = runTraffic(plainGreDefaultLab(), { kind: 'ping', source: 'H1', destination: 'H2', count: 5, size: 100 });
    if (!r.ok) throw new Error(r.error);
    expect(r.target).toBe('10.2.2.10');
    // IOS drops the packets that trigger ARP (H1, R1 and R2 each ARP once), then the rest come back.
    expect(r.summary[0]).toBe('...!!');
    expect(r.summary[1]).toMatch(/^Success rate is 40 percent \(2\/5\)/);
    expect(r.records[0]!.point).toBe('Originate');
    expect(r.records.some((x) => x.device === 'R1' && x.point === 'Encap' && x.protocol === 'GRE')).toBe(true);
    expect(r.records.some((x) => x.device === 'H2' && x.point === 'Deliver')).toBe(true);
  });

  it('is deterministic: the same lab gives the same bytes', () => {
    const req = { kind: 'ping' as const, source: 'H1', destination: '10.2.2.10', count: 2, size: 120 };
    const a = runTraffic(plainGreDefaultLab(), req);
    const b = runTraffic(plainGreDefaultLab(), req);
    if (!a.ok || !b.ok) throw new Error('run failed');
    expect(a.records.map((x) => [x.decision, Array.from(x.after ?? [])])).toEqual(b.records.map((x) => [x.decision, Array.from(x.after ?? [])]));
  });

  it('runs a traceroute and reports its hops', () => {
    const r = runTraffic(plainGreDefaultLab(), { kind: 'traceroute', source: 'H1', destination: 'H2', count: 1, size: 100 });
    if (!r.ok) throw new Error(r.error);
    expect(r.summary.length).toBeGreaterThanOrEqual(2);
    expect(r.summary.at(-1)).toContain('10.2.2.10');
  });

  it('refuses an unknown source or destination with a clear message', () => {
    expect(runTraffic(DEFAULT_LAB, { kind: 'ping', source: 'H9', destination: 'H2', count: 1, size: 100 })).toEqual({ ok: false, error: 'no device named H9' });
    const r = runTraffic(DEFAULT_LAB, { kind: 'ping', source: 'H1', destination: 'nowhere', count: 1, size: 100 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('"nowhere"');
  });

  it('keeps the start-up (IKE on UDP 500) only when asked', () => {
    const req = { kind: 'ping' as const, source: 'H1', destination: 'H2', count: 2, size: 100 };
    const plain = runTraffic(DEFAULT_LAB, req);
    const withStartup = runTraffic(DEFAULT_LAB, { ...req, startup: true });
    if (!plain.ok || !withStartup.ok) throw new Error('run failed');
    expect(plain.records.some((r) => r.protocol === 'ISAKMP')).toBe(false);
    expect(withStartup.records.some((r) => r.protocol === 'ISAKMP')).toBe(true);
    expect(withStartup.records[0]!.seq).toBe(0);
  });
});
