// The OSPF diagnostics typed at a console over the real engine: OSPF over a GRE tunnel, so the
// sim adapter must pass the engine's views through and the device clock to show clock.
import { describe, expect, it } from 'vitest';
import { SECOND } from '../sim';
import { buildNetwork, loadTestLab, withConfig } from '../sim/testlabs/load';
import { createConsole } from './session';
import { simConsoleDevice } from './sim-adapter';
import { formatClock } from './show/version';

function ospfLab() {
  let lab = loadTestLab('gre-transit.json');
  lab = withConfig(lab, 'R1', (c) => c.replace('ip route 10.2.2.0 255.255.255.0 Tunnel0\n', '') + 'router ospf 1\n network 172.16.0.0 0.0.0.3 area 0\n network 10.1.1.0 0.0.0.255 area 0\n');
  lab = withConfig(lab, 'R2', (c) => c.replace('ip route 10.1.1.0 255.255.255.0 Tunnel0\n', '') + 'router ospf 1\n network 172.16.0.0 0.0.0.3 area 0\n network 10.2.2.0 0.0.0.255 area 0\n');
  const net = buildNetwork(lab);
  net.runFor(60 * SECOND);
  const dev = net.device('R1')!;
  dev.drainConsole();
  return { net, con: createConsole(simConsoleDevice(net, dev), { privileged: true }) };
}

describe('OSPF diagnostics at the console', () => {
  it('show ip ospf interface [brief], database and process, from the running engine', () => {
    const { con } = ospfLab();
    expect(con.execute('show ip ospf interface brief').output).toBe(
      'Interface    PID   Area            IP Address/Mask    Cost  State Nbrs F/C\n' +
        'Tu0          1     0               172.16.0.1/30      1000  P2P   1/1\n' +
        'Gi2          1     0               10.1.1.1/24        1     DR    0/0\n',
    );
    expect(con.execute('show ip ospf interface tu0 | i Network Type|sec, State|Timer|Adjacent').output).toBe(
      '  Process ID 1, Router ID 198.51.100.1, Network Type POINT_TO_POINT, Cost: 1000\n' +
        '  Transmit Delay is 1 sec, State POINT_TO_POINT\n' +
        '  Timer intervals configured, Hello 10, Dead 40, Wait 40, Retransmit 5\n' +
        '  Neighbor Count is 1, Adjacent neighbor count is 1 \n' +
        '    Adjacent with neighbor 203.0.113.2\n',
    );
    expect(con.execute('sh ip os int gi1').output).toBe('GigabitEthernet1 is up, line protocol is up \n  OSPF not enabled on this interface\n');
    const db = con.execute('show ip ospf database').output;
    expect(db).toContain('\n            OSPF Router with ID (198.51.100.1) (Process ID 1)\n\n                Router Link States (Area 0)\n\n');
    expect(db).toMatch(/\n198\.51\.100\.1 {4}198\.51\.100\.1 {4}\d+ +0x8000000\d 0x[0-9A-F]{6} 3\n203\.0\.113\.2 {5}203\.0\.113\.2 {5}\d+ +0x8000000\d 0x[0-9A-F]{6} 3\n/);
    expect(con.execute('show ip ospf | i Routing Process|BACKBONE|interfaces in').output).toBe(
      ' Routing Process "ospf 1" with ID 198.51.100.1\n    Area BACKBONE(0)\n        Number of interfaces in this area is 2\n',
    );
  });

  it('a shut tunnel shows as DOWN in the brief form', () => {
    const { con } = ospfLab();
    con.execute('conf t');
    con.execute('interface Tunnel0');
    con.execute('shutdown');
    con.execute('end');
    expect(con.execute('show ip ospf interface brief | i Tu0').output).toBe('Tu0          1     0               172.16.0.1/30      1000  DOWN  0/0\n');
    expect(con.execute('show ip ospf interface Tunnel0 | i is administratively|sec, State').output).toBe('Tunnel0 is administratively down, line protocol is down \n  Transmit Delay is 1 sec, State DOWN\n');
  });

  it('show clock reads the device clock; debug ip ospf hello prints hellos on the console', () => {
    const { net, con } = ospfLab();
    expect(con.execute('show clock').output).toBe(formatClock(net.now));
    expect(con.execute('show clock').output).toMatch(/^\*00:0\d:\d\d\.\d{3} UTC Mon Mar 1 1993\n$/);
    expect(con.execute('debug ip ospf hello').output).toBe('OSPF hello debugging is on\n');
    expect(con.execute('show debugging').output).toBe('IP routing:\n  OSPF hello debugging is on\n');
    net.runFor(11 * SECOND);
    const shown = con.execute('').output;
    expect(shown).toMatch(/^\*Mar {2}1 00:0\d:\d\d\.\d{3}: OSPF-1 HELLO Tu0: Rcv hello from 203\.0\.113\.2 area 0 172\.16\.0\.2$/m);
    expect(shown).toMatch(/: OSPF-1 HELLO Gi2: Send hello to 224\.0\.0\.5 area 0 from 10\.1\.1\.1$/m);
    con.execute('undebug all');
    net.runFor(11 * SECOND);
    expect(con.execute('').output).not.toContain('HELLO');
  });
});
