// Every evidence link of the compare view's capability table runs the engine and selects a
// record that really shows its answer: checked here on the record's protocol, point, decision
// and the bytes it carries, dissected by src/wire and decrypted with the run's own SA keys.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../sim';
import { dissectFrame } from '../../wire/registry';
import type { DissectLayer } from '../../wire/layer';
import { decryptEsp, keyRing } from '../inspector/esp-keys';
import { indexOfBytes } from '../inspector/packet-view';
import { runTraffic } from '../traffic/engine';
import { CAPABILITIES } from './compare-model';
import { EVIDENCE, evidenceFor, runEvidence, type CapabilityCell, type CapabilityRow } from './evidence';

const ETH_HEADER = 14;
const onWire = (r: TraceRecord) => r.point === 'Tx' || r.point === 'Rx';
const bytesOf = (r: TraceRecord) => (r.after ?? r.before)!;
const layersOf = (r: TraceRecord, bytes = bytesOf(r)) => dissectFrame(bytes, onWire(r) ? 'eth' : 'ipv4');
const protocols = (layers: DissectLayer[]) => layers.map((l) => l.protocol);
const field = (l: DissectLayer | undefined, name: string) => l?.fields.find((f) => f.name === name)?.value;
const ipv4s = (layers: DissectLayer[]) => layers.filter((l) => l.protocol === 'ipv4');

async function proving(row: CapabilityRow, cell: CapabilityCell) {
  const e = evidenceFor(row, cell);
  if (!e) throw new Error(`no evidence for ${row} ${cell}`);
  const run = await runEvidence(e, runTraffic);
  if (!run.ok) throw new Error(run.error);
  return { e, run, record: run.records[run.index]! };
}

/** The ESP packet of `r` opened with the run's keys: the IP packet ESP carried. */
function decrypted(r: TraceRecord, espSa: string[]) {
  const bytes = bytesOf(r);
  const outer = onWire(r) ? bytes.subarray(ETH_HEADER) : bytes;
  const spiText = field(layersOf(r).find((l) => l.protocol === 'esp'), 'ESP SPI');
  const spi = Number(/\((\d+)\)/.exec(spiText ?? '')?.[1]);
  const d = decryptEsp(keyRing(espSa), spi, outer);
  if (!d.ok) throw new Error(d.reason);
  return { ...d, layers: dissectFrame(d.packet, 'ipv4') };
}

describe('compare evidence', () => {
  it('links every answer that has a fact to show, and every link names a lab that runs', async () => {
    for (const c of CAPABILITIES) {
      // Plain IP carries no non-IP and has no GRE header: those cells are "-" with no link.
      for (const cell of ['multicast', 'innerHeader'] as const) expect(evidenceFor(c.variant, cell), `${c.variant} ${cell}`).toBeDefined();
      if (c.variant !== 'plain') expect(evidenceFor(c.variant, 'nonIp'), c.variant).toBeDefined();
    }
    expect(evidenceFor('crypto-map', 'multicast')).toBeDefined();
    for (const e of EVIDENCE) {
      const run = await runEvidence(e, runTraffic);
      expect(run.ok, `${e.row} ${e.cell}: ${run.ok ? '' : run.error}`).toBe(true);
    }
  });

  it('VTI carries multicast: the OSPF hello to 224.0.0.5 is encrypted into ESP on Tunnel1', async () => {
    const { record, run } = await proving('vti', 'multicast');
    expect(record).toMatchObject({ device: 'HUB', point: 'Encap', protocol: 'ESP' });
    expect(record.decision).toMatch(/^IPsec encryption on Tunnel1: ESP tunnel mode/);
    expect(protocols(layersOf(record, record.before!))).toEqual(['ipv4', 'ospf']);
    expect(field(ipv4s(layersOf(record, record.before!))[0], 'Destination Address')).toBe('224.0.0.5');
    expect(protocols(layersOf(record))).toEqual(['ipv4', 'esp']);
    const d = decrypted(record, run.espSa);
    expect(d.mode).toBe('tunnel');
    expect(protocols(d.layers)).toEqual(['ipv4', 'ospf']);
    expect(d.packet).toEqual(record.before);
  });

  it('crypto map carries no multicast: the hello leaves GigabitEthernet1 in clear and the ISP never passes it on', async () => {
    const { record, run } = await proving('crypto-map', 'multicast');
    expect(record).toMatchObject({ device: 'HUB', point: 'Tx', protocol: 'OSPF', link: 'HUB GigabitEthernet1 - ISP GigabitEthernet1' });
    expect(record.decision).toBe('sent on GigabitEthernet1 to 01:00:5e:00:00:05');
    const layers = layersOf(record);
    expect(protocols(layers)).toEqual(['eth', 'ipv4', 'ospf']);
    expect(field(layers[1], 'Destination Address')).toBe('224.0.0.5');
    expect(field(layers[1], 'Time to Live')).toBe('1');
    expect(run.records.some((r) => r.device === 'ISP' && r.protocol === 'OSPF' && (r.point === 'Tx' || r.point === 'Forward'))).toBe(false);
    expect(run.records.some((r) => r.device === 'S2' && r.protocol === 'OSPF' && r.point === 'Rx' && r.link?.startsWith('HUB'))).toBe(false);
  });

  it('plain IP keeps multicast on its link: the ISP router delivers the hello to itself and routes it nowhere', async () => {
    const { record, run } = await proving('plain', 'multicast');
    expect(record).toMatchObject({ device: 'ISP', point: 'Deliver', protocol: 'OSPF', decision: 'delivered to protocol 89 handler' });
    expect(field(ipv4s(layersOf(record))[0], 'Destination Address')).toBe('224.0.0.5');
    expect(run.records.filter((r) => r.device === 'ISP' && r.protocol === 'OSPF' && r.point === 'Tx')).toEqual([]);
  });

  it('GRE carries multicast: the hello to 224.0.0.5 becomes a unicast GRE packet on Tunnel1', async () => {
    const { record } = await proving('gre', 'multicast');
    expect(record).toMatchObject({ device: 'HUB', point: 'Encap', protocol: 'GRE' });
    expect(record.decision).toBe('GRE encapsulation on Tunnel1: 203.0.113.1 -> 203.0.113.5');
    const layers = layersOf(record);
    expect(protocols(layers)).toEqual(['ipv4', 'gre', 'ipv4', 'ospf']);
    expect(field(layers[0], 'Destination Address')).toBe('203.0.113.5');
    expect(field(layers[2], 'Destination Address')).toBe('224.0.0.5');
  });

  it.each(['transport', 'tunnel'] as const)('GRE/IPsec %s carries multicast: the hello inside GRE inside ESP', async (mode) => {
    const { record, run } = await proving(`gre-ipsec-${mode}`, 'multicast');
    expect(record).toMatchObject({ device: 'HUB', point: 'Encap', protocol: 'ESP' });
    expect(record.decision).toContain(`ESP ${mode} mode`);
    const d = decrypted(record, run.espSa);
    expect(d.mode).toBe(mode);
    expect(protocols(d.layers)).toEqual(['ipv4', 'gre', 'ipv4', 'ospf']);
    expect(field(d.layers[2], 'Destination Address')).toBe('224.0.0.5');
  });

  it('GRE non-IP is shown by the Protocol Type field (the engine sends IPv4 only, and the table says so)', async () => {
    const { record, e } = await proving('gre', 'nonIp');
    expect(e.indirect).toMatch(/only IPv4/);
    expect(record).toMatchObject({ device: 'R1', point: 'Tx', protocol: 'GRE' });
    const gre = layersOf(record).find((l) => l.protocol === 'gre');
    expect(field(gre, 'Protocol Type')).toBe('0x0800 (IPv4)');
  });

  it.each(['transport', 'tunnel'] as const)('GRE/IPsec %s non-IP: the GRE Protocol Type inside the ESP ciphertext', async (mode) => {
    const { record, run, e } = await proving(`gre-ipsec-${mode}`, 'nonIp');
    expect(e.indirect).toMatch(/only IPv4/);
    const d = decrypted(record, run.espSa);
    expect(field(d.layers.find((l) => l.protocol === 'gre'), 'Protocol Type')).toBe('0x0800 (IPv4)');
  });

  it('VTI non-IP: the decrypted passenger is an IPv4 packet (tunnel mode, next header 4)', async () => {
    const { record, run, e } = await proving('vti', 'nonIp');
    expect(e.indirect).toMatch(/only IPv4/);
    expect(record).toMatchObject({ device: 'R1', point: 'Tx', protocol: 'ESP' });
    const d = decrypted(record, run.espSa);
    expect(d.mode).toBe('tunnel');
    expect(protocols(d.layers)).toEqual(['ipv4', 'icmp']);
  });

  it('inner header in clear: plain IP and plain GRE show 10.1.1.10 -> 10.2.2.10 readable on the wire', async () => {
    const plain = (await proving('plain', 'innerHeader')).record;
    expect(plain).toMatchObject({ device: 'H1', point: 'Tx', protocol: 'ICMP' });
    expect(protocols(layersOf(plain))).toEqual(['eth', 'ipv4', 'icmp']);
    const gre = (await proving('gre', 'innerHeader')).record;
    expect(gre).toMatchObject({ device: 'R1', point: 'Tx', protocol: 'GRE', link: 'R1 GigabitEthernet1 - R2 GigabitEthernet1' });
    const layers = layersOf(gre);
    expect(protocols(layers)).toEqual(['eth', 'ipv4', 'gre', 'ipv4', 'icmp']);
    expect(field(layers[3], 'Source Address')).toBe('10.1.1.10');
  });

  it.each(['gre-ipsec-transport', 'gre-ipsec-tunnel', 'vti'] as const)('%s hides the inner header: it is only inside the ESP ciphertext', async (row) => {
    const { record, run, e } = await proving(row, 'innerHeader');
    expect(e.decrypted).toBe(true);
    expect(record).toMatchObject({ device: 'R1', point: 'Tx', protocol: 'ESP', link: 'R1 GigabitEthernet1 - R2 GigabitEthernet1' });
    const wire = layersOf(record);
    expect(protocols(wire)).toEqual(['eth', 'ipv4', 'esp']);
    const d = decrypted(record, run.espSa);
    const inner = d.layers.find((l) => l.protocol === 'ipv4' && field(l, 'Source Address') === '10.1.1.10');
    expect(inner).toBeDefined();
    const innerHeader = d.packet.subarray(inner!.offset, inner!.offset + 20);
    expect(indexOfBytes(bytesOf(record), innerHeader)).toBe(-1);
  });

  it('a crypto map hides the inner header of the unicast it permits: H0 -> H2 as ESP tunnel mode on the HUB - ISP link', async () => {
    const { record, run } = await proving('crypto-map', 'innerHeader');
    expect(record).toMatchObject({ device: 'HUB', point: 'Tx', protocol: 'ESP', link: 'HUB GigabitEthernet1 - ISP GigabitEthernet1' });
    expect(protocols(layersOf(record))).toEqual(['eth', 'ipv4', 'esp']);
    const d = decrypted(record, run.espSa);
    expect(d.mode).toBe('tunnel');
    expect(protocols(d.layers)).toEqual(['ipv4', 'icmp']);
    expect([field(d.layers[0], 'Source Address'), field(d.layers[0], 'Destination Address')]).toEqual(['10.0.0.10', '10.2.2.10']);
    expect(indexOfBytes(bytesOf(record), d.packet.subarray(0, 20))).toBe(-1);
  });

  it('GRE header: in clear on plain GRE, encrypted under ESP in transport and tunnel mode', async () => {
    const clear = (await proving('gre', 'greHeader')).record;
    expect(protocols(layersOf(clear))).toContain('gre');
    for (const mode of ['transport', 'tunnel'] as const) {
      const { record, run } = await proving(`gre-ipsec-${mode}`, 'greHeader');
      const wire = layersOf(record);
      expect(protocols(wire)).toEqual(['eth', 'ipv4', 'esp']);
      expect(field(wire[1], 'Protocol')).toBe('Encap Security Payload (50)');
      const d = decrypted(record, run.espSa);
      expect(d.mode).toBe(mode);
      expect(protocols(d.layers).slice(0, 2)).toEqual(['ipv4', 'gre']);
      const gre = d.layers[1]!;
      expect(indexOfBytes(bytesOf(record), d.packet.subarray(gre.offset, gre.offset + 4 + 20))).toBe(-1);
    }
  });
});
