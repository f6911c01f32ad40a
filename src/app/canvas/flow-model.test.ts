import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { CRYPTO_MAP_BOW, CRYPTO_MAP_OUTER_BOW, reuseEdges, syncNodes, toCryptoMapEdges, toEdges, toTunnelEdges } from './flow-model';
import { HUB_VTI_AND_MAP } from '../../lab/builtin/hub-spokes';

describe('lab to React Flow', () => {
  it('names nodes for screen readers and labels link ends with IOS short names', () => {
    const nodes = syncNodes([], DEFAULT_LAB.devices, null);
    expect(nodes.map((n) => n.ariaLabel)).toEqual(['Host H1', 'Router R1', 'Router R2', 'Host H2']);
    const edges = toEdges(DEFAULT_LAB, 1);
    expect(edges.map((e) => [e.data!.aLabel, e.data!.bLabel])).toEqual([
      ['Et0', 'Gi2'],
      ['Gi1', 'Gi1'],
      ['Gi2', 'Et0'],
    ]);
    expect(edges.map((e) => e.selected)).toEqual([false, true, false]);
  });

  it('reuses unchanged edge objects after a move and replaces only the ones that changed', () => {
    const first = toEdges(DEFAULT_LAB, null);
    const moved = { ...DEFAULT_LAB, devices: DEFAULT_LAB.devices.map((d) => (d.name === 'R1' ? { ...d, x: d.x + 50 } : d)) };
    expect(reuseEdges(first, toEdges(moved, null))).toBe(first);
    const selected = reuseEdges(first, toEdges(DEFAULT_LAB, 1));
    expect(selected).not.toBe(first);
    expect(selected[0]).toBe(first[0]);
    expect(selected[1]).not.toBe(first[1]);
    expect(selected[1]!.selected).toBe(true);
    expect(selected[2]).toBe(first[2]);
    expect(reuseEdges(first, toEdges({ ...DEFAULT_LAB, links: DEFAULT_LAB.links.slice(0, 2) }, null))).toEqual(first.slice(0, 2));
  });

  it('reuses untouched node objects and keeps measurements of moved ones', () => {
    const first = syncNodes([], DEFAULT_LAB.devices, null).map((n) => ({ ...n, measured: { width: 96, height: 100 } }));
    expect(syncNodes(first, DEFAULT_LAB.devices, null)).toBe(first);

    const moved = DEFAULT_LAB.devices.map((d) => (d.name === 'R1' ? { ...d, x: d.x + 50 } : d));
    const next = syncNodes(first, moved, null);
    expect(next[0]).toBe(first[0]);
    expect(next[1]).not.toBe(first[1]);
    expect(next[1]!.position.x).toBe(first[1]!.position.x + 50);
    expect(next[1]!.measured).toEqual({ width: 96, height: 100 });
    expect(next[1]!.data).toBe(first[1]!.data); // the memoised node sees the same data object
  });

  it('leaves a node being dragged where the pointer has it', () => {
    const first = syncNodes([], DEFAULT_LAB.devices, null);
    const dragging = first.map((n) => (n.id === 'R2' ? { ...n, dragging: true, position: { x: 999, y: 9 } } : n));
    const next = syncNodes(dragging, DEFAULT_LAB.devices, null);
    expect(next[2]!.position).toEqual({ x: 999, y: 9 });
  });

  it('draws tunnels as edges that cannot be selected or deleted', () => {
    const [tunnel] = toTunnelEdges(DEFAULT_LAB);
    expect(tunnel).toMatchObject({ source: 'R1', target: 'R2', selectable: false, deletable: false, data: { label: 'R1 Tu0 – R2 Tu0', kind: 'IPsec VTI' } });
  });

  it('names tunnels for screen readers', () => {
    expect(toTunnelEdges(DEFAULT_LAB)[0]!.ariaLabel).toBe('Tunnel from R1 Tunnel0 to R2 Tunnel0, IPsec VTI');
  });

  it('draws the hub lab crypto map as its own kind of edge, named and labelled like a tunnel', () => {
    const lab = HUB_VTI_AND_MAP.lab;
    const tunnels = toTunnelEdges(lab);
    expect(toCryptoMapEdges(lab, tunnels)).toEqual([
      expect.objectContaining({
        type: 'cryptomap',
        source: 'HUB',
        target: 'S2',
        selectable: false,
        deletable: false,
        ariaLabel: 'VPN from HUB GigabitEthernet1 to S2 GigabitEthernet1, crypto map CMAP 10 (ACL 101)',
        data: { label: 'HUB Gi1 – S2 Gi1', kind: 'crypto map CMAP 10 (ACL 101)', warn: false, bow: CRYPTO_MAP_BOW },
      }),
    ]);
  });

  it('stands a crypto map further out than a tunnel joining the same two devices', () => {
    const lab = HUB_VTI_AND_MAP.lab;
    const sameEnds = [{ ...toTunnelEdges(lab)[0]!, source: 'S2', target: 'HUB' }];
    expect(toCryptoMapEdges(lab, sameEnds)[0]!.data!.bow).toBe(CRYPTO_MAP_OUTER_BOW);
  });

  it('follows config edits: removing the map from HUB Gi1 leaves S2\'s map, drawn one-sided', () => {
    const lab = HUB_VTI_AND_MAP.lab;
    const edited = { ...lab, devices: lab.devices.map((d) => (d.name === 'HUB' ? { ...d, config: d.config.replace(' crypto map CMAP\n', '') } : d)) };
    expect(toCryptoMapEdges(edited, []).map((e) => [e.source, e.target, e.data!.kind])).toEqual([['S2', 'HUB', 'crypto map CMAP 10 (ACL 101), no map back from HUB']]);
  });
});
