import { describe, expect, it } from 'vitest';
import { parseConfig, renderConfig } from '../ios';
import { createConsole, type Console } from './session';
import { fakeDevice } from './testing/fake-device';

const R1 = 'hostname R1\n!\ninterface Tunnel0\n ip address 172.16.0.1 255.255.255.252\n tunnel source GigabitEthernet1\n tunnel destination 203.0.113.2\n!\ninterface GigabitEthernet1\n ip address 203.0.113.1 255.255.255.252\n!\ninterface GigabitEthernet2\n ip address 10.1.1.1 255.255.255.0\n';

/** Runs lines and returns the transcript exactly as the app shows it. */
function transcript(con: Console, lines: string[]): string {
  return lines.map((l) => `${con.prompt()}${l}\n${con.execute(l).output}`).join('');
}

describe('console modes and prompts', () => {
  it('walks user, privileged, config and sub-modes with IOS prompts', () => {
    const con = createConsole(fakeDevice(R1));
    const seen: string[] = [];
    for (const l of ['enable', 'conf t', 'int tu0', 'exit', 'router ospf 1', 'crypto isakmp policy 10', 'crypto ipsec transform-set T esp-aes esp-sha-hmac', 'crypto ipsec profile P', 'crypto map M 10 ipsec-isakmp', 'crypto keyring K', 'crypto isakmp profile IP', 'ip access-list extended ACL', 'ip access-list standard S', 'end', 'disable', 'enable', 'exit']) {
      con.execute(l);
      seen.push(con.prompt());
    }
    expect(seen).toEqual([
      'R1#',
      'R1(config)#',
      'R1(config-if)#',
      'R1(config)#',
      'R1(config-router)#',
      'R1(config-isakmp)#',
      'R1(cfg-crypto-trans)#',
      'R1(ipsec-profile)#',
      'R1(config-crypto-map)#',
      'R1(conf-keyring)#',
      'R1(conf-isa-prof)#',
      'R1(config-ext-nacl)#',
      'R1(config-std-nacl)#',
      'R1#',
      'R1>',
      'R1#',
      'R1>',
    ]);
    expect(con.execute('logout').output).toBe('\nR1 con0 is now available\n\n\n\n\n\nPress RETURN to get started.\n');
  });

  it('prints the configure banner, applies shutdown live and logs CONFIG_I on end', () => {
    const dev = fakeDevice(R1);
    const con = createConsole(dev, { privileged: true });
    const t = transcript(con, ['conf t', 'int tu0', 'shut', 'end']);
    expect(t).toBe(
      'R1#conf t\nEnter configuration commands, one per line.  End with CNTL/Z.\n' +
        'R1(config)#int tu0\n' +
        'R1(config-if)#shut\n*Mar  1 00:00:01.000: %LINK-5-CHANGED: Interface Tunnel0, changed state to administratively down\n' +
        'R1(config-if)#end\n*Mar  1 00:00:01.000: %SYS-5-CONFIG_I: Configured from console by console\n',
    );
    expect(dev.config().interfaces.find((i) => i.name === 'Tunnel0')!.shutdown).toBe(true);
    con.execute('configure terminal');
    con.execute('interface Tunnel0');
    con.execute('no shutdown');
    expect(dev.config().interfaces.find((i) => i.name === 'Tunnel0')!.shutdown).toBe(false);
    expect(dev.actions.at(-1)).toEqual({ mode: 'config-if', context: { interface: 'Tunnel0' }, cmd: 'if.shutdown', args: {}, no: true });
  });

  it('a global command typed in a sub-mode leaves the sub-mode', () => {
    const dev = fakeDevice(R1);
    const con = createConsole(dev, { privileged: true });
    transcript(con, ['conf t', 'int gi2', 'ip route 0.0.0.0 0.0.0.0 203.0.113.2']);
    expect(con.prompt()).toBe('R1(config)#');
    expect(dev.config().routes).toEqual([{ prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '203.0.113.2' }]);
  });
});

describe('console errors', () => {
  it('puts the caret under the bad word', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    expect(transcript(con, ['show ip bogus'])).toBe("R1#show ip bogus\n           ^\n% Invalid input detected at '^' marker.\n\n");
    // Under the first character no keyword accepts: `interfaxe` fails at the x.
    expect(con.execute('show ip interfaxe brief').output).toBe(`${' '.repeat(3 + 15)}^\n% Invalid input detected at '^' marker.\n\n`);
  });

  it('reports incomplete and ambiguous commands as IOS does', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    expect(con.execute('show ip').output).toBe('% Incomplete command.\n\n');
    expect(con.execute('sh i').output).toBe('% Ambiguous command:  "sh i"\n');
    con.execute('conf t');
    expect(con.execute('int').output).toBe('% Incomplete command.\n\n');
    expect(transcript(con, ['interface Tunnel0 bogus'])).toBe(`R1(config)#interface Tunnel0 bogus\n${' '.repeat('R1(config)#interface Tunnel0 '.length)}^\n% Invalid input detected at '^' marker.\n\n`);
  });

  it('treats an unknown single word in EXEC as a host name, as IOS does', () => {
    const con = createConsole(fakeDevice(R1));
    expect(con.execute('foo').output).toBe('% Unknown command or computer name, or unable to find computer address\n');
    expect(con.execute('conf t').output).toBe("   ^\n% Invalid input detected at '^' marker.\n\n");
  });
});

describe('abbreviations, help and completion', () => {
  it('accepts unique prefixes', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    const out = con.execute('sh ip int br').output;
    expect(out.split('\n')[0]).toBe('Interface              IP-Address      OK? Method Status                Protocol');
    expect(out).toContain('Tunnel0                172.16.0.1      YES NVRAM  up                    up      \n');
  });

  it('lists the next words with help and <cr> at several depths', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    const top = con.execute('?').output;
    expect(top).toContain('  configure   Enter configuration mode\n');
    expect(top).toContain('  show        Show running system information\n');
    const show = con.execute('sh ?').output;
    expect(show).toMatch(/^ {2}access-lists +List access lists\n {2}arp +ARP table\n/);
    expect(show).toContain('  running-config  Current operating configuration\n');
    const ip = con.execute('show ip ?').output;
    expect(ip.split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/)[0])).toEqual(['access-lists', 'arp', 'interface', 'nat', 'ospf', 'protocols', 'route']);
    expect(con.execute('show ip route ?').output).toBe('  connected  Connected\n  ospf       Open Shortest Path First (OSPF)\n  static     Static routes\n  <cr>\n\n');
    expect(con.execute('show ip route static ?').output).toBe('  <cr>\n\n');
    expect(con.execute('sh i?').output).toBe('interfaces  ip  \n\n');
    con.execute('conf t');
    const iface = con.execute('int ?').output;
    expect(iface).toMatch(/\n {2}GigabitEthernet {5}GigabitEthernet IEEE 802\.3z\n/);
    expect(iface).toMatch(/\n {2}Tunnel {14}Tunnel interface\n/);
    expect(con.execute('interface Tunnel ?').output).toBe('  <0-2147483647>  Tunnel interface number\n\n');
    con.execute('int tu0');
    const tun = con.execute('tunnel mode ?').output;
    expect(tun).toContain('  gre    generic route encapsulation protocol\n');
    expect(tun).toContain('  ipsec  IPSec tunnel encapsulation\n');
    expect(con.execute('ip address ?').output).toBe('  A.B.C.D  Set the IP address of an interface\n\n');
  });

  it('completes with Tab', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    expect(con.complete('sh')).toEqual(['show']);
    expect(con.completeLine('sh ip int')).toBe('sh ip interface ');
    expect(con.complete('sh i')).toEqual(['interfaces', 'ip']);
    expect(con.completeLine('sh i')).toBe('sh i');
  });
});

describe('do and exec from config mode', () => {
  it('runs exec commands with do', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    con.execute('conf t');
    expect(con.execute('do sh ip int br').output).toContain('GigabitEthernet1       203.0.113.1     YES NVRAM  up');
    expect(con.execute('do show ip bogus').output).toBe(`${' '.repeat('R1(config)#do show ip '.length)}^\n% Invalid input detected at '^' marker.\n\n`);
    expect(con.prompt()).toBe('R1(config)#');
  });

  it('pings with options in any order', () => {
    const dev = fakeDevice(R1);
    const con = createConsole(dev, { privileged: true });
    const out = con.execute('ping 10.2.2.10 source gi2 repeat 10 df-bit size 1400').output;
    expect(dev.pings[0]).toEqual({ target: 0x0a02020a, repeat: 10, size: 1400, source: 'GigabitEthernet2', df: true });
    expect(out).toBe(
      'Type escape sequence to abort.\nSending 10, 1400-byte ICMP Echos to 10.2.2.10, timeout is 2 seconds:\nPacket sent with the DF bit set\n.!!!!!!!!!\nSuccess rate is 90 percent (9/10), round-trip min/avg/max = 1/1/1 ms\n',
    );
  });
});

describe('one grammar for console and config files', () => {
  it('typing a config gives the same model as parsing it', () => {
    const text = `hostname R9
!
crypto isakmp policy 10
 encr aes 256
 hash sha256
 authentication pre-share
 group 14
crypto isakmp key cisco123 address 203.0.113.2
!
crypto ipsec transform-set TSET esp-aes esp-sha-hmac
 mode transport
!
crypto ipsec profile PROF
 set transform-set TSET
 set pfs group14
!
crypto map CMAP 10 ipsec-isakmp
 set peer 198.51.100.2
 set transform-set TSET
 match address 101
!
interface Tunnel0
 ip address 172.16.0.1 255.255.255.252
 ip ospf network point-to-point
 tunnel source GigabitEthernet1
 tunnel mode ipsec ipv4
 tunnel destination 203.0.113.2
 tunnel protection ipsec profile PROF
!
interface GigabitEthernet1
 ip address 203.0.113.1 255.255.255.252
 ip nat outside
 crypto map CMAP
!
router ospf 1
 router-id 1.1.1.1
 network 172.16.0.0 0.0.0.3 area 0
!
ip nat inside source list 1 interface GigabitEthernet1 overload
ip route 10.2.2.0 255.255.255.0 Tunnel0
!
access-list 1 permit 10.1.1.0 0.0.0.255
access-list 101 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255
`;
    const dev = fakeDevice();
    const con = createConsole(dev, { privileged: true });
    con.execute('configure terminal');
    for (const line of text.split('\n')) {
      if (!line.trim() || line.startsWith('!')) continue;
      // Typed at the console, a top-level line leaves any sub-mode (IOS falls through).
      const out = con.execute(line.trim()).output.replace(/^% NOTE: This new crypto map will remain disabled until a peer\n {8}and a valid access list have been configured\.\n/m, '');
      expect(out, line).toBe('');
    }
    con.execute('end');
    expect(dev.config()).toEqual(parseConfig(text).config);
    expect(renderConfig(dev.config())).toBe(renderConfig(parseConfig(text).config));
  });
});

describe('no forms and show arguments', () => {
  it('removes what the no form names', () => {
    const text = `${R1}crypto isakmp key cisco123 address 203.0.113.2\nip route 10.2.2.0 255.255.255.0 Tunnel0\nip route 10.3.3.0 255.255.255.0 203.0.113.2\n`;
    const dev = fakeDevice(text);
    const con = createConsole(dev, { privileged: true });
    con.execute('conf t');
    con.execute('int tu0');
    con.execute('tunnel mode ipsec ipv4');
    con.execute('tunnel protection ipsec profile P');
    expect(con.execute('no tunnel protection ipsec profile').output).toBe('');
    expect(con.execute('no tunnel mode').output).toBe('');
    expect(con.execute('no ip address').output).toBe('');
    con.execute('exit');
    expect(con.execute('no ip route 10.2.2.0 255.255.255.0').output).toBe('');
    expect(con.execute('no ip route').output).toBe('% Incomplete command.\n\n');
    expect(con.execute('no crypto isakmp key cisco123 address 203.0.113.2').output).toBe('');
    const tu = dev.config().interfaces.find((i) => i.name === 'Tunnel0')!;
    expect([tu.tunnelProtection, tu.tunnelMode, tu.ipAddress]).toEqual([undefined, 'gre ip', undefined]);
    expect(dev.config().routes.map((r) => r.prefix)).toEqual(['10.3.3.0']);
    expect(dev.config().crypto.isakmpKeys).toEqual([]);
    expect(con.execute('no interface GigabitEthernet1').output).toBe('% Removal of physical interfaces is not permitted\n');
    expect(con.execute('exit').output).toBe('*Mar  1 00:00:01.000: %SYS-5-CONFIG_I: Configured from console by console\n');
    expect(con.prompt()).toBe('R1#');
  });

  it('show interfaces takes a name in any IOS spelling, and rejects unknown ones with a caret', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    expect(con.execute('show interfaces tunnel 0').output).toMatch(/^Tunnel0 is up, line protocol is up\n {2}Hardware is Tunnel\n/);
    expect(con.execute('sh int gi1').output).toMatch(/^GigabitEthernet1 is up, line protocol is up\n/);
    expect(con.execute('show interfaces tunnel 5').output).toBe(`${' '.repeat('R1#show interfaces '.length)}^\n% Invalid input detected at '^' marker.\n\n`);
  });

  it('show commands the device cannot answer yet say so', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    expect(con.execute('show crypto isakmp sa').output).toBe('% IKE is not available on this device yet\n');
  });

  it('keeps history', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    con.execute('sh ip int br');
    con.execute('show arp');
    expect(con.history()).toEqual(['sh ip int br', 'show arp']);
    expect(con.execute('show history').output).toBe('  sh ip int br\n  show arp\n  show history\n');
  });
});

describe('debug', () => {
  it('turns debug output on and off and tells the device', () => {
    const dev = fakeDevice(R1);
    const calls: [string, boolean][] = [];
    dev.debug = (what, on) => void calls.push([what, on]);
    const con = createConsole(dev, { privileged: true });
    expect(con.execute('debug crypto isakmp').output).toBe('Crypto ISAKMP debugging is on\n');
    expect(con.execute('debug cry ipsec').output).toBe('Crypto IPSEC debugging is on\n');
    expect(con.execute('show debugging').output).toBe('Cryptographic Subsystem:\n  Crypto ISAKMP debugging is on\n  Crypto IPSEC debugging is on\n');
    expect(con.execute('undebug all').output).toBe('All possible debugging has been turned off\n');
    expect(calls).toEqual([['crypto isakmp', true], ['crypto ipsec', true], ['all', false]]);
    expect(con.execute('show debugging').output).toBe('');
  });
});

describe('commands the simulation ignores', () => {
  it('accepts them, as IOS does, and shows them in running-config', () => {
    const dev = fakeDevice(R1);
    const con = createConsole(dev, { privileged: true });
    con.execute('conf t');
    expect(con.execute('no ip domain-lookup').output).toBe('');
    expect(con.execute('service password-encryption').output).toBe('');
    expect(con.execute('banner motd #Lab#').output).toBe('');
    con.execute('end');
    const run = con.execute('show run').output;
    expect(run).toContain('hostname R1\n!\nno ip domain lookup\nservice password-encryption\nbanner motd #Lab#\n!\n');
    con.execute('conf t');
    con.execute('ip domain lookup');
    expect(con.execute('do show run').output).not.toContain('domain');
  });
});

describe('interactive refusals', () => {
  it('refuses an overlapping address and warns about a new crypto map', () => {
    const dev = fakeDevice(R1);
    const con = createConsole(dev, { privileged: true });
    con.execute('conf t');
    con.execute('int gi3');
    expect(con.execute('ip address 10.1.1.5 255.255.255.0').output).toBe('% 10.1.1.0 overlaps with GigabitEthernet2\n');
    expect(dev.config().interfaces.find((i) => i.name === 'GigabitEthernet3')!.ipAddress).toBeUndefined();
    con.execute('exit');
    expect(con.execute('crypto map M 10 ipsec-isakmp').output).toBe('% NOTE: This new crypto map will remain disabled until a peer\n        and a valid access list have been configured.\n');
    con.execute('exit');
    expect(con.execute('crypto map M 10 ipsec-isakmp').output).toBe('');
  });
});

describe('output modifiers', () => {
  it('include, exclude, begin, section, count', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    expect(con.execute('sh run | i address').output).toBe(' ip address 172.16.0.1 255.255.255.252\n ip address 203.0.113.1 255.255.255.252\n ip address 10.1.1.1 255.255.255.0\n');
    expect(con.execute('show running-config | section Tunnel').output).toBe('interface Tunnel0\n ip address 172.16.0.1 255.255.255.252\n tunnel source GigabitEthernet1\n tunnel destination 203.0.113.2\n');
    expect(con.execute('sh ip int br | ex unassigned|Interface').output.split('\n')).toHaveLength(4);
    expect(con.execute('sh run | beg interface GigabitEthernet2').output).toMatch(/^interface GigabitEthernet2\n ip address 10\.1\.1\.1 255\.255\.255\.0\n!\nend\n$/);
    expect(con.execute('sh run | count interface').output).toBe('Number of lines which match regexp = 3\n');
    expect(con.execute('sh run | bogus x').output).toBe(`${' '.repeat('R1#sh run | '.length)}^\n% Invalid input detected at '^' marker.\n\n`);
    expect(con.execute('sh run | include').output).toBe('% Incomplete command.\n\n');
    expect(con.execute('sh run | ?').output).toBe('  begin    Begin with the line that matches\n  count    Count number of lines which match regexp\n  exclude  Exclude lines that match\n  include  Include lines that match\n  section  Filter a section of output\n\n');
    expect(con.execute('sh run | s?').output).toBe('section  \n\n');
  });
});

describe('show crypto map from the configuration', () => {
  it('prints the map as IOS does', () => {
    const cfg = `${R1}crypto ipsec transform-set TSET esp-aes 256 esp-sha-hmac\n mode tunnel\ncrypto map CMAP 10 ipsec-isakmp\n set peer 198.51.100.2\n set transform-set TSET\n set pfs group14\n match address 101\ninterface GigabitEthernet1\n crypto map CMAP\naccess-list 101 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255\n`;
    const con = createConsole(fakeDevice(cfg), { privileged: true });
    expect(con.execute('show crypto map').output).toBe(
      'Crypto Map IPv4 "CMAP" 10 ipsec-isakmp\n' +
        '\tPeer = 198.51.100.2\n' +
        '\tExtended IP access list 101\n' +
        '\t    access-list 101 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255\n' +
        '\tSecurity association lifetime: 4608000 kilobytes/3600 seconds\n' +
        '\tResponder-Only (Y/N): N\n' +
        '\tPFS (Y/N): Y\n' +
        '\tDH group:  group14\n' +
        '\tMixed-mode : Disabled\n' +
        '\tTransform sets={ \n' +
        '\t\tTSET:  { esp-256-aes esp-sha-hmac  } , \n' +
        '\t}\n' +
        '\tInterfaces using crypto map CMAP:\n' +
        '\t\tGigabitEthernet1\n\n',
    );
  });
});

describe('show access-lists and filtered routes', () => {
  it('lists ACL entries with sequence numbers as IOS does', () => {
    const cfg = `${R1}access-list 1 permit 10.1.1.0 0.0.0.255\naccess-list 1 deny any\nip access-list extended VPN\n remark gre only\n permit gre host 203.0.113.1 host 203.0.113.2\n`;
    const con = createConsole(fakeDevice(cfg), { privileged: true });
    expect(con.execute('show access-lists').output).toBe('Extended IP access list VPN\n    10 permit gre host 203.0.113.1 host 203.0.113.2\nStandard IP access list 1\n    10 permit 10.1.1.0, wildcard bits 0.0.0.255\n    20 deny any\n');
  });

  it('show ip route static keeps only static routes (under the whole table\'s subnet header, as IOS does)', () => {
    const dev = fakeDevice(R1);
    dev.ipRoute = () => ({
      routing: true,
      routes: [
        { network: '10.1.1.0', prefixLength: 24, code: 'C', distance: 0, metric: 0, interface: 'GigabitEthernet2' },
        { network: '10.2.2.0', prefixLength: 24, code: 'S', distance: 1, metric: 0, interface: 'Tunnel0' },
      ],
    });
    const out = createConsole(dev, { privileged: true }).execute('sh ip route static').output;
    expect(out).toContain('      10.0.0.0/24 is subnetted, 2 subnets\nS        10.2.2.0 is directly connected, Tunnel0\n');
    expect(out).not.toContain('10.1.1.0');
  });
});

describe('subinterfaces', () => {
  it('use the config-subif prompt', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    con.execute('conf t');
    con.execute('interface gi0/0.100');
    expect(con.prompt()).toBe('R1(config-subif)#');
  });
});

describe('sub-mode commands the simulation ignores', () => {
  it('are accepted and shown in their section', () => {
    const dev = fakeDevice(R1);
    const con = createConsole(dev, { privileged: true });
    for (const l of ['conf t', 'int tu0', 'no ip redirects', 'ip virtual-reassembly in', 'bandwidth 1000', 'bandwidth 2000', 'router ospf 1', 'log-adjacency-changes', 'end']) {
      expect(con.execute(l).output.replace(/^\*Mar.*\n/gm, '').replace(/^Enter configuration.*\n/, ''), l).toBe('');
    }
    const run = con.execute('show run').output;
    expect(run).toContain(' tunnel destination 203.0.113.2\n no ip redirects\n ip virtual-reassembly in\n bandwidth 2000\n!');
    expect(run).toContain('router ospf 1\n log-adjacency-changes\n!');
    con.execute('conf t');
    con.execute('int tu0');
    con.execute('ip redirects');
    expect(dev.config().interfaces.find((i) => i.name === 'Tunnel0')!.extra).toEqual(['ip virtual-reassembly in', 'bandwidth 2000']);
  });
});
