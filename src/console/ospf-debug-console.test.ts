// `debug ip ospf adj` / `debug ip ospf events` typed at R1's console in the shared OSPF-over-VTI
// lab: the adjacency lines reach the console with IOS timestamps while on, and stop with
// `undebug all`, `no debug ip ospf adj` or `undebug ip ospf adj`.
import { describe, expect, it } from 'vitest';
import { SECOND } from '../sim';
import { build, sharedLab } from '../sim/vpn/labs';
import { createConsole } from './session';
import { simConsoleDevice } from './sim-adapter';

function vtiConsole() {
  const net = build(sharedLab('ospf-over-vti.json'));
  net.start();
  const dev = net.device('R1')!;
  dev.drainConsole();
  return { net, con: createConsole(simConsoleDevice(net, dev), { privileged: true }) };
}

/** Bounces Tunnel0 from the console, so the adjacency forms again from DOWN; what the console printed meanwhile. */
function bounceTunnel(con: ReturnType<typeof vtiConsole>['con']): string {
  return ['conf t', 'interface Tunnel0', 'shutdown', 'no shutdown', 'end'].map((line) => con.execute(line).output).join('');
}

const STAMP = '\\*Mar {2}1 \\d\\d:\\d\\d:\\d\\d\\.\\d{3}: ';

describe('debug ip ospf adj at the console', () => {
  it('shows the walk to FULL over Tunnel0 with timestamps, in order, after a shut/no shut', () => {
    const { net, con } = vtiConsole();
    net.runFor(60 * SECOND);
    con.execute(''); // what the boot and first adjacency logged
    expect(con.execute('debug ip ospf adj').output).toBe('OSPF adjacency debugging is on\n');
    expect(con.execute('show debugging').output).toBe('IP routing:\n  OSPF adjacency debugging is on\n');
    let shown = bounceTunnel(con);
    net.runFor(30 * SECOND);
    shown += con.execute('').output;
    const order = [
      'OSPF-1 ADJ {3}Tu0: Interface going Down',
      'OSPF-1 ADJ {3}Tu0: 203\\.0\\.113\\.2 address 172\\.16\\.0\\.2 is dead, state DOWN',
      '%OSPF-5-ADJCHG: Process 1, Nbr 203\\.0\\.113\\.2 on Tunnel0 from FULL to DOWN, Neighbor Down: Interface down or detached',
      'OSPF-1 ADJ {3}Tu0: Interface going Up',
      'OSPF-1 ADJ {3}Tu0: 2 Way Communication to 203\\.0\\.113\\.2, state 2WAY',
      'OSPF-1 ADJ {3}Tu0: Send DBD to 203\\.0\\.113\\.2 seq 0x[0-9A-F]+ opt 0x2 flag 0x7 len 32',
      'OSPF-1 ADJ {3}Tu0: Rcv DBD from 203\\.0\\.113\\.2 seq 0x[0-9A-F]+ opt 0x2 flag 0x7 len 32  mtu 1438 state EXSTART',
      'OSPF-1 ADJ {3}Tu0: NBR Negotiation Done\\. We are the SLAVE',
      'OSPF-1 ADJ {3}Tu0: Exchange Done with 203\\.0\\.113\\.2',
      'OSPF-1 ADJ {3}Tu0: Synchronized with 203\\.0\\.113\\.2, state FULL',
      '%OSPF-5-ADJCHG: Process 1, Nbr 203\\.0\\.113\\.2 on Tunnel0 from LOADING to FULL, Loading Done',
    ];
    let from = 0;
    for (const o of order) {
      const m = new RegExp(`^${STAMP}${o}$`, 'm').exec(shown.slice(from));
      expect(m, o).not.toBeNull();
      from += m!.index + m![0].length;
    }
  });

  it('prints nothing without debug, nor after undebug all, no debug ip ospf adj or undebug ip ospf adj', () => {
    for (const off of [undefined, 'undebug all', 'no debug ip ospf adj', 'undebug ip ospf adj']) {
      const { net, con } = vtiConsole();
      net.runFor(60 * SECOND);
      con.execute('');
      if (off) {
        con.execute('debug ip ospf adj');
        const answer = con.execute(off).output;
        expect(answer).toBe(off === 'undebug all' ? 'All possible debugging has been turned off\n' : 'OSPF adjacency debugging is off\n');
      }
      let shown = bounceTunnel(con);
      net.runFor(30 * SECOND);
      shown += con.execute('').output;
      expect(shown).not.toContain('OSPF-1 ');
      expect(shown).toContain('%OSPF-5-ADJCHG: Process 1, Nbr 203.0.113.2 on Tunnel0 from LOADING to FULL, Loading Done');
    }
  });

  it('no debug all turns every debug off', () => {
    const { con } = vtiConsole();
    con.execute('debug ip ospf events');
    expect(con.execute('no debug all').output).toBe('All possible debugging has been turned off\n');
    expect(con.execute('show debugging').output).toBe('');
  });

  it('show debugging lists what stays on after one debug is turned off', () => {
    const { con } = vtiConsole();
    con.execute('debug ip ospf adj');
    con.execute('debug crypto isakmp');
    expect(con.execute('undebug ip ospf adj').output).toBe('OSPF adjacency debugging is off\n');
    expect(con.execute('show debugging').output).toBe('Cryptographic Subsystem:\n  Crypto ISAKMP debugging is on\n');
    con.execute('no debug crypto isakmp');
    expect(con.execute('show debugging').output).toBe('');
  });
});
