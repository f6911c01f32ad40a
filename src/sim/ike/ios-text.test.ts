import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ip } from '../addr';
import { formatShowCryptoIsakmpSa, formatShowCryptoIsakmpSaDetail } from './ios-text';
import type { IsakmpSaRow } from './types';

const REF = fileURLToPath(new URL('./fixtures', import.meta.url));
const row = (dst: string, src: string, state: IsakmpSaRow['state'], connId: number, deleted = false): IsakmpSaRow => ({
  dst: ip(dst),
  src: ip(src),
  local: ip(dst),
  remote: ip(src),
  state,
  connId,
  status: deleted ? 'ACTIVE (deleted)' : 'ACTIVE',
  encryption: 'aes',
  hash: 'sha',
  auth: 'psk',
  group: 16,
  remainingSeconds: 107,
  natT: false,
});

describe('show crypto isakmp sa text', () => {
  it('matches the IOS reference output line for line (IPv4 part)', () => {
    const golden = readFileSync(`${REF}/iosxe_ShowCryptoIsakmpSa__golden_output_isakmp_output.txt`, 'utf8').split('\n');
    const ours = formatShowCryptoIsakmpSa([
      row('100.0.10.2', '100.13.220.2', 'QM_IDLE', 29609),
      row('100.0.10.2', '100.12.82.2', 'MM_NO_STATE', 29188, true),
      row('100.0.10.2', '100.11.106.2', 'QM_IDLE', 29362),
    ]).split('\n');
    expect(ours.slice(0, 7)).toEqual(golden.slice(0, 7));
  });

  it('detail matches the reference row layout (no VRF)', () => {
    const golden = readFileSync(`${REF}/iosxe_ShowCryptoIsakmpSaDetail__golden_output_isakmp_output.txt`, 'utf8').split('\n');
    const ours = formatShowCryptoIsakmpSaDetail([{ ...row('100.0.10.2', '100.12.134.2', 'QM_IDLE', 29493), remainingSeconds: 72 }]).split('\n');
    expect(ours.slice(0, 4)).toEqual(golden.slice(0, 4));
    expect(ours[4]).toBe(golden[7]);
    expect(ours[5]).toBe('       Engine-id:Conn-id =  SW:29493');
  });
});
