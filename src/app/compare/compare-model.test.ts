import { describe, expect, it } from 'vitest';
import { ESP_CIPHERS } from '../../crypto/esp-transforms';
import { espPacketLength, plaintextMtu } from '../../sim/ipsec/overhead';
import { GRE_OVERHEAD } from '../../sim';
import { dissectFrame } from '../../wire/registry';
import { buildVariant, compareRows, iosPlaintextMtu, measuredPlaintextMtu, validTransform, type TransformChoice } from './compare-model';

const AES_SHA: TransformChoice = { cipher: 'esp-aes', integrity: 'esp-sha-hmac' };

describe('compare rows', () => {
  const rows = compareRows(100, AES_SHA);

  it('has plain, GRE, and each IPsec variant with and without NAT-T', () => {
    expect(rows.map((r) => r.title)).toEqual([
      'Plain IP',
      'GRE',
      'GRE/IPsec transport',
      'GRE/IPsec transport + NAT-T',
      'GRE/IPsec tunnel',
      'GRE/IPsec tunnel + NAT-T',
      'IPsec VTI',
      'IPsec VTI + NAT-T',
    ]);
  });

  it('segments add up to the length of the packet the engine built, and totals are that length', () => {
    for (const r of rows) {
      expect(r.segments.reduce((n, s) => n + s.bytes, 0)).toBe(r.packet.length);
      expect(r.total).toBe(r.packet.length);
      expect(r.overhead).toBe(r.packet.length - 100);
      expect(r.segments.every((s) => s.bytes >= 0)).toBe(true);
    }
  });

  it('matches the known overheads: GRE 24, VTI aes/sha 100 -> 152, NAT-T +8', () => {
    const by = (t: string) => rows.find((r) => r.title === t)!;
    expect(by('Plain IP').total).toBe(100);
    expect(by('GRE').overhead).toBe(GRE_OVERHEAD);
    const cipher = ESP_CIPHERS[0]!;
    const t = { cipher, integrity: { icvLength: 12 } as never };
    expect(by('IPsec VTI').total).toBe(espPacketLength(100, t, 'tunnel'));
    expect(by('IPsec VTI + NAT-T').total).toBe(by('IPsec VTI').total + 8);
    expect(by('GRE/IPsec tunnel').total).toBe(espPacketLength(124, t, 'tunnel'));
    expect(by('GRE/IPsec transport').total).toBe(espPacketLength(124, t, 'transport'));
  });

  it('each built packet dissects to the layers its bar shows', () => {
    const protocols = (title: string) => dissectFrame(rows.find((r) => r.title === title)!.packet, 'ipv4').map((l) => l.protocol);
    expect(protocols('GRE')).toEqual(['ipv4', 'gre', 'ipv4', 'icmp']);
    expect(protocols('IPsec VTI')).toEqual(['ipv4', 'esp']);
    expect(protocols('IPsec VTI + NAT-T')).toEqual(['ipv4', 'udp', 'udp-encap', 'esp']);
  });

  it('the padding segment is less than one cipher block', () => {
    for (const r of rows) {
      const trailer = r.segments.find((s) => s.kind === 'esp-trailer');
      if (trailer) expect(trailer.bytes - 2).toBeLessThan(16);
    }
  });
});

describe('plaintext MTU', () => {
  it('is the largest inner packet that still fits: one byte more does not', () => {
    for (const v of ['gre', 'gre-ipsec-transport', 'vti'] as const) {
      const n = measuredPlaintextMtu(v, false, AES_SHA);
      expect(buildVariant(v, false, n, AES_SHA).packet.length).toBeLessThanOrEqual(1500);
      expect(buildVariant(v, false, n + 1, AES_SHA).packet.length).toBeGreaterThan(1500);
    }
    expect(measuredPlaintextMtu('gre', false, AES_SHA)).toBe(1476);
  });

  it('agrees with the IOS plaintext mtu formula for a VTI (1438 for esp-aes esp-sha-hmac)', () => {
    const vti = measuredPlaintextMtu('vti', false, AES_SHA);
    expect(vti).toBe(1438);
    expect(vti).toBe(plaintextMtu(1500, { cipher: ESP_CIPHERS[0]!, integrity: { icvLength: 12 } as never }, 'tunnel'));
  });

  it('follows the transform set: GCM needs no integrity transform', () => {
    expect(validTransform({ cipher: 'esp-gcm', integrity: 'esp-sha-hmac' })).toEqual({ cipher: 'esp-gcm', integrity: null });
    const gcm = compareRows(100, { cipher: 'esp-gcm', integrity: null });
    const vti = gcm.find((r) => r.title === 'IPsec VTI')!;
    expect(vti.segments.find((s) => s.kind === 'esp-iv')!.bytes).toBe(8);
    expect(vti.segments.find((s) => s.kind === 'esp-icv')!.bytes).toBe(16);
  });
});

describe('compare numbers against packets the simulation built', () => {
  it('the VTI and GRE rows equal the IP packets R1 sent on the wire in the labs (ping size 100)', async () => {
    const { runTraffic } = await import('../traffic/engine');
    const { plainGreDefaultLab } = await import('../traffic/lab-variants');
    const { DEFAULT_LAB } = await import('../../lab/builtin/default-lab');
    const rows = compareRows(100, AES_SHA);
    const sentIpLength = (lab: Parameters<typeof runTraffic>[0], protocol: string) => {
      const r = runTraffic(lab, { kind: 'ping', source: 'H1', destination: 'H2', count: 3, size: 100 });
      if (!r.ok) throw new Error(r.error);
      const tx = r.records.find((x) => x.device === 'R1' && x.point === 'Tx' && x.protocol === protocol)!;
      return tx.after!.length - 14;
    };
    expect(sentIpLength(DEFAULT_LAB, 'ESP')).toBe(rows.find((r) => r.variant === 'vti' && !r.natT)!.total);
    expect(sentIpLength(plainGreDefaultLab(), 'GRE')).toBe(rows.find((r) => r.variant === 'gre')!.total);
  });

  it("IOS's plaintext mtu the table quotes is what show crypto ipsec sa prints (VTI, and GRE/IPsec tunnel mode)", async () => {
    const { networkConsoles } = await import('../../console');
    const { buildLabNetwork } = await import('../device/lab-simulation');
    const { DEFAULT_LAB } = await import('../../lab/builtin/default-lab');
    const rows = compareRows(100, AES_SHA);
    const shown = (lab: typeof DEFAULT_LAB) => {
      const net = buildLabNetwork(lab);
      net.converge();
      const out = networkConsoles(net)('R1')!.execute('show crypto ipsec sa').output;
      return Number(/plaintext mtu (\d+)/.exec(out)![1]);
    };
    const gre = { ...DEFAULT_LAB, devices: DEFAULT_LAB.devices.map((d) => ({ ...d, config: d.config.replace('tunnel mode ipsec ipv4', 'tunnel mode gre ip') })) };
    expect(shown(DEFAULT_LAB)).toBe(iosPlaintextMtu(rows.find((r) => r.variant === 'vti' && !r.natT)!));
    expect(shown(gre)).toBe(iosPlaintextMtu(rows.find((r) => r.variant === 'gre-ipsec-tunnel' && !r.natT)!));
  });
});
