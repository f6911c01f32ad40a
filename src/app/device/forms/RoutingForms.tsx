// Static routes, OSPF (process, router-id, networks) and NAT (static and overload; the
// inside/outside roles are on the interface form).
import { useState } from 'react';
import type { IosConfig } from '../../../ios';
import { natOverloadCommand, natStaticCommand, ospfCommands, ospfNetworkCommands, staticRouteCommand } from '../form-commands';
import { CommandForm, selectOptions } from './CommandForm';
import { chosen, NEW, Picker } from './Picker';
import { RemovableList } from './RemovableList';

export function StaticRouteForm({ device, config, interfaces }: { device: string; config: IosConfig; interfaces: readonly string[] }) {
  const entries = config.routes.map((r) => {
    const v = { prefix: r.prefix, mask: r.mask, interface: r.interface ?? '', nextHop: r.nextHop ?? '' };
    return { text: staticRouteCommand(v)[0]!, remove: staticRouteCommand(v, true) };
  });
  return (
    <>
      <RemovableList device={device} label="Static routes" entries={entries} empty="No static routes." />
      <CommandForm
        key={entries.length}
        device={device}
        title="Add a static route"
        fields={[
          { key: 'prefix', label: 'Network', placeholder: '10.2.2.0' },
          { key: 'mask', label: 'Mask', placeholder: '255.255.255.0' },
          { key: 'interface', label: 'Exit interface', kind: 'select', options: selectOptions(interfaces, 'none') },
          { key: 'nextHop', label: 'Next hop', placeholder: '203.0.113.2' },
        ]}
        initial={{ prefix: '', mask: '', interface: '', nextHop: '' }}
        build={(_, v) => (Object.values(v).some((x) => x.trim()) ? staticRouteCommand(v) : [])}
        submitLabel="Add route"
      />
    </>
  );
}

export function OspfForm({ device, config }: { device: string; config: IosConfig }) {
  const items = config.ospf.map((p) => String(p.processId));
  const [pick, setPick] = useState('');
  const which = chosen(items, pick, true);
  const isNew = which === NEW;
  const process = config.ospf.find((p) => String(p.processId) === which);
  const initial = { process: isNew ? '1' : which, routerId: process?.routerId ?? '' };
  const networks = (process?.networks ?? []).map((n) => ({
    text: `network ${n.address} ${n.wildcard} area ${n.area}`,
    remove: ospfNetworkCommands(which, { address: n.address, wildcard: n.wildcard, area: n.area }, true),
  }));
  return (
    <>
      <Picker label="OSPF process" items={items} value={which} onChange={setPick} newLabel="New OSPF process…" />
      <CommandForm
        key={`${which} ${JSON.stringify(initial)}`}
        device={device}
        title={isNew ? 'New OSPF process' : `OSPF process ${which}`}
        fields={[...(isNew ? [{ key: 'process', label: 'Process ID' }] : []), { key: 'routerId', label: 'Router ID', placeholder: '1.1.1.1' }]}
        initial={initial}
        build={(before, after) => ospfCommands(before, after, isNew)}
        submitLabel={isNew ? 'Start OSPF' : 'Apply'}
        onApplied={(v) => isNew && setPick(String(Number(v.process)))}
      />
      {!isNew && (
        <>
          <RemovableList device={device} label={`OSPF ${which} networks`} entries={networks} empty="No network statements: OSPF runs on no interface." />
          <CommandForm
            key={`net ${which} ${networks.length}`}
            device={device}
            title={`Add an OSPF ${which} network`}
            fields={[
              { key: 'address', label: 'Address', placeholder: '10.1.1.0' },
              { key: 'wildcard', label: 'Wildcard', placeholder: '0.0.0.255' },
              { key: 'area', label: 'Area', placeholder: '0' },
            ]}
            initial={{ address: '', wildcard: '', area: '0' }}
            build={(_, v) => (v.address?.trim() || v.wildcard?.trim() ? ospfNetworkCommands(which, v) : [])}
            submitLabel="Add network"
          />
        </>
      )}
    </>
  );
}

export function NatForm({ device, config, interfaces }: { device: string; config: IosConfig; interfaces: readonly string[] }) {
  const statics = config.nat.insideStatic.map((s) => ({ text: natStaticCommand(s.local, s.global)[0]!, remove: natStaticCommand(s.local, s.global, true) }));
  const overloads = config.nat.insideSourceLists
    .filter((l) => l.interface && l.overload)
    .map((l) => ({ text: natOverloadCommand(l.acl, l.interface!)[0]!, remove: natOverloadCommand(l.acl, l.interface!, true) }));
  const roles = config.interfaces.filter((i) => i.natRole).map((i) => `${i.name}: ip nat ${i.natRole}`);
  return (
    <>
      <p className="hint">{roles.length ? `Roles: ${roles.join(', ')}.` : 'Mark interfaces inside or outside in the Interfaces form.'}</p>
      <RemovableList device={device} label="NAT rules" entries={[...statics, ...overloads]} empty="No NAT rules." />
      <CommandForm
        key={`static ${statics.length}`}
        device={device}
        title="Add a static NAT"
        fields={[
          { key: 'local', label: 'Inside local', placeholder: '10.1.1.10' },
          { key: 'global', label: 'Inside global', placeholder: '198.51.100.10' },
        ]}
        initial={{ local: '', global: '' }}
        build={(_, v) => (v.local?.trim() || v.global?.trim() ? natStaticCommand(v.local ?? '', v.global ?? '') : [])}
        submitLabel="Add static NAT"
      />
      <CommandForm
        key={`pat ${overloads.length}`}
        device={device}
        title="Add PAT (overload)"
        fields={[
          { key: 'acl', label: 'Access list', placeholder: '1' },
          { key: 'iface', label: 'Outside interface', kind: 'select', options: selectOptions(interfaces) },
        ]}
        initial={{ acl: '', iface: interfaces[0] ?? '' }}
        build={(_, v) => (v.acl?.trim() ? natOverloadCommand(v.acl, v.iface ?? '') : [])}
        submitLabel="Add overload"
      />
    </>
  );
}
