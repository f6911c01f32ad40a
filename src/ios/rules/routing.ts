// hostname, ip routing, ip default-gateway, ip route, router ospf (config-router) and ip nat.
import { newOspf, type IosConfig } from '../model';
import { findOrAdd, modeRules, num, removeWhere, rule, type ConfigRule } from './common';

const R = 'config-router' as const;

function ospf(c: IosConfig, pid: string) {
  return findOrAdd(c.ospf, (p) => p.processId === Number(pid), () => newOspf(Number(pid)), (p) => p.processId);
}

export const routingRules: ConfigRule[] = [
  rule(
    'config',
    'global.hostname',
    'hostname <word:name>',
    (c, a) => {
      c.hostname = a.no ? 'Router' : a.args.name!;
    },
    { noMin: 1, help: { hostname: 'Set system\'s network name', name: 'This system\'s network name' } },
  ),
  rule(
    'config',
    'global.ip-routing',
    'ip routing',
    (c, a) => {
      c.ipRouting = !a.no;
    },
    { help: { ip: 'Global IP configuration subcommands', routing: 'Enable IP routing' } },
  ),
  rule(
    'config',
    'global.ip-default-gateway',
    'ip default-gateway <ipv4:gateway>',
    (c, a) => {
      if (a.no) delete c.defaultGateway;
      else c.defaultGateway = a.args.gateway!;
    },
    { help: { 'default-gateway': 'Specify default gateway (if not routing IP)', gateway: 'IP address of default gateway' } },
  ),
  rule(
    'config',
    'global.ip-route',
    'ip route <ipv4:prefix> <ipv4:mask> {<ipv4:nexthop>|<if:iface> [<ipv4:nexthop>]} [<1-255:distance>] [name <word:rname>] [permanent]:permanent',
    (c, a) => {
      const { prefix, mask, nexthop, iface } = a.args;
      const same = (r: { prefix: string; mask: string; nextHop?: string; interface?: string }) =>
        r.prefix === prefix && r.mask === mask && (nexthop === undefined && iface === undefined ? true : r.nextHop === nexthop && r.interface === iface);
      if (a.no) {
        const before = c.routes.length;
        removeWhere(c.routes, same);
        if (c.routes.length === before) return { error: '%No matching route to delete' };
        return;
      }
      const route = {
        prefix: prefix!,
        mask: mask!,
        ...(iface !== undefined ? { interface: iface } : {}),
        ...(nexthop !== undefined ? { nextHop: nexthop } : {}),
        ...(a.args.distance !== undefined ? { distance: num(a, 'distance') } : {}),
        ...(a.args.rname !== undefined ? { name: a.args.rname } : {}),
        ...(a.args.permanent ? { permanent: true } : {}),
      };
      const at = c.routes.findIndex(same);
      if (at >= 0) c.routes[at] = route;
      else c.routes.push(route);
    },
    {
      noMin: 4,
      help: {
        route: 'Establish static routes',
        prefix: 'Destination prefix',
        mask: 'Destination prefix mask',
        nexthop: 'Forwarding router\'s address',
        distance: 'Distance metric for this route',
        name: 'Specify name of the next hop',
        rname: 'Name of the next hop',
        permanent: 'permanent route',
      },
    },
  ),
  rule(
    'config',
    'global.router-ospf',
    'router ospf <1-65535:pid>',
    (c, a) => {
      if (a.no) {
        c.ospf = c.ospf.filter((p) => p.processId !== Number(a.args.pid));
        return;
      }
      ospf(c, a.args.pid!);
      return { enter: { mode: R, context: { ospf: a.args.pid! } } };
    },
    { noMin: 3, help: { router: 'Enable a routing process', ospf: 'Open Shortest Path First (OSPF)', pid: 'Process ID' } },
  ),
  rule(
    R,
    'ospf.router-id',
    'router-id <ipv4:rid>',
    (c, a) => {
      const p = ospf(c, a.context.ospf!);
      if (a.no) delete p.routerId;
      else p.routerId = a.args.rid!;
    },
    { help: { 'router-id': 'router-id for this OSPF process', rid: 'OSPF router-id in IP address format' } },
  ),
  rule(
    R,
    'ospf.network',
    'network <ipv4:address> <ipv4:wildcard> area {<0-4294967295:area>|<ipv4:area>}',
    (c, a) => {
      const p = ospf(c, a.context.ospf!);
      const { address, wildcard, area } = a.args;
      const idx = p.networks.findIndex((n) => n.address === address && n.wildcard === wildcard);
      if (a.no) {
        if (idx >= 0) p.networks.splice(idx, 1);
        return;
      }
      if (idx >= 0) p.networks[idx] = { address: address!, wildcard: wildcard!, area: area! };
      else p.networks.push({ address: address!, wildcard: wildcard!, area: area! });
    },
    { noMin: 3, help: { network: 'Enable routing on an IP network', address: 'Network number', wildcard: 'OSPF wild card bits', area: 'Set the OSPF area ID' } },
  ),
  rule(
    R,
    'ospf.passive-interface',
    'passive-interface {default|<if:iface>}:default',
    (c, a) => {
      const p = ospf(c, a.context.ospf!);
      if (a.args.default) {
        p.passiveDefault = !a.no;
        if (!p.passiveDefault) p.nonPassiveInterfaces = [];
        else p.passiveInterfaces = [];
        return;
      }
      const name = a.args.iface!;
      // Without `passive-interface default` the written lines are the passive interfaces; with
      // it, they are the `no passive-interface X` exceptions.
      const list = p.passiveDefault ? p.nonPassiveInterfaces : p.passiveInterfaces;
      const adds = p.passiveDefault ? a.no : !a.no;
      removeWhere(list, (x) => x === name);
      if (adds) list.push(name);
    },
    { noMin: 2, help: { 'passive-interface': 'Suppress routing updates on an interface', default: 'Suppress routing updates on all interfaces' } },
  ),
  ...modeRules(R),
  rule(
    'config',
    'global.ip-nat-static',
    'ip nat inside source static <ipv4:local> <ipv4:global> [extendable]:extendable',
    (c, a) => {
      const list = c.nat.insideStatic;
      removeWhere(list, (s) => s.local === a.args.local && (a.args.global === undefined || s.global === a.args.global));
      if (!a.no) list.push({ local: a.args.local!, global: a.args.global!, ...(a.args.extendable ? { extendable: true } : {}) });
    },
    {
      noMin: 6,
      help: {
        nat: 'NAT configuration commands',
        inside: 'Inside address translation',
        source: 'Source address translation',
        static: 'Specify static local->global mapping',
        local: 'Inside local IP address',
        global: 'Inside global IP address',
        extendable: 'Extend this translation when used',
      },
    },
  ),
  rule(
    'config',
    'global.ip-nat-list',
    'ip nat inside source list <word:acl> {interface <if:iface>|pool <word:pool>} [overload]:overload',
    (c, a) => {
      const list = c.nat.insideSourceLists;
      removeWhere(list, (s) => s.acl === a.args.acl);
      if (!a.no) {
        list.push({
          acl: a.args.acl!,
          ...(a.args.iface ? { interface: a.args.iface } : {}),
          ...(a.args.pool ? { pool: a.args.pool } : {}),
          overload: !!a.args.overload,
        });
      }
    },
    { noMin: 6, help: { list: 'Specify access list describing local addresses', acl: 'Access list name or number', interface: 'Specify interface for global address', pool: 'Name pool of global addresses', overload: 'Overload an address translation' } },
  ),
  rule(
    'config',
    'global.ip-nat-pool',
    'ip nat pool <word:name> <ipv4:start> <ipv4:end> {netmask <ipv4:netmask>|prefix-length <1-32:plen>}',
    (c, a) => {
      removeWhere(c.nat.pools, (p) => p.name === a.args.name);
      if (!a.no) {
        c.nat.pools.push({
          name: a.args.name!,
          start: a.args.start!,
          end: a.args.end!,
          ...(a.args.netmask ? { netmask: a.args.netmask } : {}),
          ...(a.args.plen ? { prefixLength: num(a, 'plen') } : {}),
        });
      }
    },
    { noMin: 4, help: { pool: 'Define pool of addresses', name: 'Pool name', start: 'Start IP address', end: 'End IP address', netmask: 'Specify the network mask', 'prefix-length': 'Specify the prefix length' } },
  ),
  rule(
    'config',
    'global.ip-nat-service-esp',
    'ip nat service ipsec-esp enable',
    (c, a) => {
      c.nat.serviceIpsecEsp = !a.no;
    },
    { help: { service: 'Special translation for application using non-standard port', 'ipsec-esp': 'IPsec ESP (pass ESP through PAT, matched by SPI)', enable: 'Enable the service' } },
  ),
];
