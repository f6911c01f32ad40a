import { describe, expect, it } from 'vitest';
import { HUB_VTI_AND_MAP } from '../../lab/builtin/hub-spokes';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import type { DeviceV1, LabV1 } from '../../lab/types';
import { findCryptoMaps } from './crypto-maps';

const router = (name: string, config: string): DeviceV1 => ({ name, kind: 'router', x: 0, y: 0, config: `hostname ${name}\n${config}` });
const lab = (...devices: DeviceV1[]): LabV1 => ({ format: 'tunnelscope-lab', version: 1, title: 't', notes: '', seed: 1, devices, links: [] });

/** A crypto map entry and the WAN interface it is applied to. */
const site = (wan: string, peer: string | null, { map = 'CMAP', seq = 10, acl = '101', applied = true } = {}) =>
  `crypto map ${map} ${seq} ipsec-isakmp\n${peer ? ` set peer ${peer}\n` : ''} set transform-set TSET\n match address ${acl}\n` +
  `interface GigabitEthernet1\n ip address ${wan} 255.255.255.252\n${applied ? ` crypto map ${map}\n` : ''}` +
  `interface GigabitEthernet2\n ip address 10.${wan.split('.')[3]}.0.1 255.255.255.0\n` +
  `access-list ${acl} permit ip any any\n`;

describe('crypto-map peerings read from the configs', () => {
  it('draws the hub lab crypto map from HUB Gi1 to S2 Gi1, once, beside the VTI', () => {
    expect(findCryptoMaps(HUB_VTI_AND_MAP.lab)).toEqual([
      { id: 'cryptomap-HUB|S2', a: 'HUB', aIface: 'GigabitEthernet1', b: 'S2', bIface: 'GigabitEthernet1', kind: 'crypto map CMAP 10 (ACL 101)', oneSided: false, aclMissing: false },
    ]);
  });

  it('draws one peering when both ends point at each other, from the earlier device, naming both entries when they differ', () => {
    const both = lab(router('A', site('192.0.2.1', '192.0.2.2')), router('B', site('192.0.2.2', '192.0.2.1', { map: 'VPN', seq: 20, acl: '110' })));
    expect(findCryptoMaps(both)).toEqual([
      { id: 'cryptomap-A|B', a: 'A', aIface: 'GigabitEthernet1', b: 'B', bIface: 'GigabitEthernet1', kind: 'crypto maps CMAP 10 (ACL 101) and VPN 20 (ACL 110)', oneSided: false, aclMissing: false },
    ]);
    // The same peering read the other way round in the lab's order.
    const reversed = lab(both.devices[1]!, both.devices[0]!);
    expect(findCryptoMaps(reversed).map((v) => [v.a, v.b, v.kind])).toEqual([['B', 'A', 'crypto maps VPN 20 (ACL 110) and CMAP 10 (ACL 101)']]);
  });

  it('draws a one-sided map to the interface that owns the peer address, and says nothing points back', () => {
    const oneSided = lab(router('A', site('192.0.2.1', '192.0.2.6')), router('B', 'interface Loopback0\n ip address 10.9.9.9 255.255.255.255\ninterface GigabitEthernet3\n ip address 192.0.2.6 255.255.255.252\n'));
    expect(findCryptoMaps(oneSided)).toEqual([
      { id: 'cryptomap-A|B', a: 'A', aIface: 'GigabitEthernet1', b: 'B', bIface: 'GigabitEthernet3', kind: 'crypto map CMAP 10 (ACL 101), no map back from B', oneSided: true, aclMissing: false },
    ]);
  });

  it('a peer that answers with a dynamic map is not one-sided', () => {
    const responder = 'crypto dynamic-map DYN 10\n set transform-set TSET\ncrypto map CMAP 65535 ipsec-isakmp dynamic DYN\ninterface GigabitEthernet1\n ip address 192.0.2.2 255.255.255.252\n crypto map CMAP\n';
    const views = findCryptoMaps(lab(router('A', site('192.0.2.1', '192.0.2.2')), router('B', responder)));
    expect(views.map((v) => [v.kind, v.oneSided])).toEqual([['crypto map CMAP 10 (ACL 101), answered by dynamic map DYN', false]]);
  });

  it('finds the peer by a secondary address too', () => {
    const secondary = router('B', 'interface GigabitEthernet1\n ip address 192.0.2.2 255.255.255.252\n ip address 198.51.100.1 255.255.255.0 secondary\n');
    expect(findCryptoMaps(lab(router('A', site('192.0.2.1', '198.51.100.1')), secondary)).map((v) => v.b)).toEqual(['B']);
  });

  it('draws nothing for a peer nobody in the lab owns (behind NAT), or one two devices claim', () => {
    const behindNat = lab(router('A', site('192.0.2.1', '203.0.113.50')), router('B', site('192.0.2.2', '192.0.2.1')));
    // B's map to A is drawn (A owns 192.0.2.1); A's map to 203.0.113.50 is not, and does not count as B's answer.
    expect(findCryptoMaps(behindNat).map((v) => [v.a, v.b, v.oneSided])).toEqual([['B', 'A', true]]);
    const nobody = lab(router('A', site('192.0.2.1', '203.0.113.50')), router('B', 'interface GigabitEthernet1\n ip address 192.0.2.2 255.255.255.252\n'));
    expect(findCryptoMaps(nobody)).toEqual([]);
    const twoClaim = lab(router('A', site('192.0.2.1', '10.5.0.1')), router('B', site('10.5.0.1', null)), router('C', site('10.5.0.1', null)));
    expect(findCryptoMaps(twoClaim)).toEqual([]);
  });

  it('draws nothing for a map not applied to any interface, or an entry without peer or ACL', () => {
    expect(findCryptoMaps(lab(router('A', site('192.0.2.1', '192.0.2.2', { applied: false })), router('B', site('192.0.2.2', '192.0.2.1', { applied: false }))))).toEqual([]);
    const noAcl = 'crypto map CMAP 10 ipsec-isakmp\n set peer 192.0.2.2\ninterface GigabitEthernet1\n ip address 192.0.2.1 255.255.255.252\n crypto map CMAP\n';
    expect(findCryptoMaps(lab(router('A', noAcl), router('B', 'interface GigabitEthernet1\n ip address 192.0.2.2 255.255.255.252\n')))).toEqual([]);
    // A map pointing at its own device's address is not a peering.
    expect(findCryptoMaps(lab(router('A', `${site('192.0.2.1', '10.1.0.1')}`)))).toEqual([]);
  });

  it('says when an entry matches an access list its router does not have', () => {
    const both = lab(router('A', site('192.0.2.1', '192.0.2.2')), router('B', site('192.0.2.2', '192.0.2.1').replace('access-list 101 permit ip any any\n', '')));
    expect(findCryptoMaps(both).map((v) => [v.kind, v.aclMissing])).toEqual([['crypto maps CMAP 10 (ACL 101) and CMAP 10 (ACL 101, not defined)', true]]);
  });

  it('finds none in the default lab, whose VPN is a VTI', () => {
    expect(findCryptoMaps(DEFAULT_LAB)).toEqual([]);
  });
});
