// The console over the real engine: a plain GRE lab, typed at the consoles.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../ios';
import { Network } from '../sim';
import { createConsole } from './session';
import { simConsoleDevice } from './sim-adapter';

const LAB = {
  seed: 7,
  devices: [
    { name: 'H1', kind: 'host' as const, config: 'hostname H1\nno ip routing\n!\ninterface Ethernet0\n ip address 10.1.1.10 255.255.255.0\n!\nip default-gateway 10.1.1.1\n' },
    {
      name: 'R1',
      kind: 'router' as const,
      config:
        'hostname R1\n!\ninterface Tunnel0\n ip address 172.16.0.1 255.255.255.252\n tunnel source GigabitEthernet1\n tunnel destination 203.0.113.2\n!\ninterface GigabitEthernet1\n ip address 203.0.113.1 255.255.255.252\n!\ninterface GigabitEthernet2\n ip address 10.1.1.1 255.255.255.0\n!\nip route 10.2.2.0 255.255.255.0 Tunnel0\n',
    },
    {
      name: 'R2',
      kind: 'router' as const,
      config:
        'hostname R2\n!\ninterface Tunnel0\n ip address 172.16.0.2 255.255.255.252\n tunnel source GigabitEthernet1\n tunnel destination 203.0.113.1\n!\ninterface GigabitEthernet1\n ip address 203.0.113.2 255.255.255.252\n!\ninterface GigabitEthernet2\n ip address 10.2.2.1 255.255.255.0\n!\nip route 10.1.1.0 255.255.255.0 Tunnel0\n',
    },
    { name: 'H2', kind: 'host' as const, config: 'hostname H2\nno ip routing\n!\ninterface Ethernet0\n ip address 10.2.2.10 255.255.255.0\n!\nip default-gateway 10.2.2.1\n' },
  ],
  links: [
    { a: 'H1 Ethernet0', b: 'R1 GigabitEthernet2' },
    { a: 'R1 GigabitEthernet1', b: 'R2 GigabitEthernet1' },
    { a: 'R2 GigabitEthernet2', b: 'H2 Ethernet0' },
  ],
};

function lab() {
  const net = Network.fromLab(LAB, { parseConfig: (t) => parseConfig(t).config });
  net.converge();
  const con = (name: string) => {
    const dev = net.device(name)!;
    dev.drainConsole();
    return createConsole(simConsoleDevice(net, dev), { privileged: true });
  };
  return { net, con };
}

describe('console on the simulated network', () => {
  it('pings across the GRE tunnel: ARP loss first, then 100 percent', () => {
    const { con } = lab();
    const h1 = con('H1');
    const first = h1.execute('ping 10.2.2.10').output;
    expect(first).toMatch(/^Type escape sequence to abort\.\nSending 5, 100-byte ICMP Echos to 10\.2\.2\.10, timeout is 2 seconds:\n\.+!+\nSuccess rate is \d+ percent/);
    expect(h1.execute('ping 10.2.2.10 repeat 3').output).toContain('\n!!!\nSuccess rate is 100 percent (3/3), round-trip min/avg/max = ');
  });

  it('shuts the tunnel from the console and prints the engine log lines', () => {
    const { con } = lab();
    const r1 = con('R1');
    r1.execute('conf t');
    r1.execute('int tu0');
    const out = r1.execute('shut').output;
    expect(out).toMatch(/%LINK-5-CHANGED: Interface Tunnel0, changed state to administratively down\n/);
    expect(out).toMatch(/%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down\n/);
    expect(r1.execute('end').output).toMatch(/%SYS-5-CONFIG_I: Configured from console by console\n$/);
    expect(r1.execute('sh ip int br').output).toContain('Tunnel0                172.16.0.1      YES NVRAM  administratively down down    \n');
    expect(r1.execute('show running-config').output).toContain('interface Tunnel0\n ip address 172.16.0.1 255.255.255.252\n shutdown\n tunnel source GigabitEthernet1\n');
    expect(r1.execute('show logging').output).toContain('%SYS-5-CONFIG_I: Configured from console by console');
  });

  it('show ip route on a router and a host', () => {
    const { con } = lab();
    const r1 = con('R1').execute('show ip route').output;
    expect(r1).toContain('      10.0.0.0/8 is variably subnetted, 3 subnets, 2 masks\nC        10.1.1.0/24 is directly connected, GigabitEthernet2\nL        10.1.1.1/32 is directly connected, GigabitEthernet2\nS        10.2.2.0/24 is directly connected, Tunnel0\n');
    expect(con('H1').execute('show ip route').output).toMatch(/^Default gateway is 10\.1\.1\.1\n/);
  });
});
