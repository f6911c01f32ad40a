// Interfaces (address, description, MTU, NAT role, shutdown) and tunnels (mode, source,
// destination, protection).
import { useState } from 'react';
import type { IosConfig } from '../../../ios';
import { interfaceCommands, interfaceValues, tunnelCommands, tunnelValues, type Values } from '../form-commands';
import { CommandForm, selectOptions, type FieldSpec } from './CommandForm';
import { chosen, NEW, Picker } from './Picker';

const INTERFACE_FIELDS: FieldSpec[] = [
  { key: 'address', label: 'IP address', placeholder: '10.1.1.1' },
  { key: 'mask', label: 'Mask', placeholder: '255.255.255.0' },
  { key: 'description', label: 'Description', wide: true },
  { key: 'mtu', label: 'IP MTU', placeholder: 'default', hint: 'ip mtu, 68–9216 bytes; empty for the default.' },
  {
    key: 'nat',
    label: 'NAT role',
    kind: 'select',
    options: [
      { value: '', label: 'none' },
      { value: 'inside', label: 'ip nat inside' },
      { value: 'outside', label: 'ip nat outside' },
    ],
  },
  { key: 'shutdown', label: 'Shut down (administratively down)', kind: 'checkbox' },
];

export function InterfaceForm({ device, config, interfaces }: { device: string; config: IosConfig; interfaces: readonly string[] }) {
  const [pick, setPick] = useState('');
  const name = chosen(interfaces, pick, false);
  if (!name) return <p className="muted">This device has no interfaces yet.</p>;
  const initial = interfaceValues(config.interfaces.find((i) => i.name === name));
  return (
    <>
      <Picker label="Interface" items={interfaces} value={name} onChange={setPick} />
      <CommandForm
        key={`${name} ${JSON.stringify(initial)}`}
        device={device}
        title={`Interface ${name}`}
        fields={INTERFACE_FIELDS}
        initial={initial}
        build={(before, after) => interfaceCommands(name, before, after)}
      />
    </>
  );
}

export function TunnelForm({ device, config, sources }: { device: string; config: IosConfig; sources: readonly string[] }) {
  const tunnels = config.interfaces.filter((i) => i.name.startsWith('Tunnel')).map((i) => i.name);
  const [pick, setPick] = useState('');
  const [newName, setNewName] = useState(() => nextTunnel(tunnels));
  const name = chosen(tunnels, pick, true);
  const isNew = name === NEW;
  const tunnelName = isNew ? newName.trim() : name;
  const initial: Values = isNew ? { ...tunnelValues(undefined), source: '' } : tunnelValues(config.interfaces.find((i) => i.name === name));
  const profiles = config.crypto.ipsecProfiles.map((p) => p.name);
  const fields: FieldSpec[] = [
    {
      key: 'mode',
      label: 'Tunnel mode',
      kind: 'select',
      options: [
        { value: 'gre ip', label: 'gre ip (GRE)' },
        { value: 'ipsec ipv4', label: 'ipsec ipv4 (VTI)' },
      ],
    },
    { key: 'source', label: 'Tunnel source', kind: 'select', options: selectOptions(sources, 'not set') },
    { key: 'destination', label: 'Tunnel destination', placeholder: '203.0.113.2' },
    {
      key: 'profile',
      label: 'Protection (ipsec profile)',
      kind: 'select',
      options: selectOptions(profiles, 'none'),
      hint: 'tunnel protection ipsec profile: encrypts what the tunnel carries.',
    },
  ];
  return (
    <>
      <div className="field__row">
        <Picker label="Tunnel" items={tunnels} value={name} onChange={setPick} newLabel="New tunnel…" />
        {isNew && (
          <div className="cmd-form__field picker">
            <label htmlFor={`new-tunnel-${device}`}>New tunnel name</label>
            <input id={`new-tunnel-${device}`} className="input input--mono" value={newName} onChange={(e) => setNewName(e.target.value)} spellCheck={false} />
          </div>
        )}
      </div>
      <CommandForm
        key={`${name} ${tunnelName} ${JSON.stringify(initial)}`}
        device={device}
        title={`Tunnel ${tunnelName}`}
        fields={fields}
        initial={initial}
        build={(before, after) => {
          const lines = tunnelCommands(tunnelName, before, after);
          return isNew && lines.length === 0 && tunnelName ? [`interface ${tunnelName}`] : lines;
        }}
        submitLabel={isNew ? 'Create tunnel' : 'Apply'}
        onApplied={() => isNew && setPick(tunnelName)}
      />
    </>
  );
}

function nextTunnel(existing: readonly string[]): string {
  let n = 0;
  while (existing.includes(`Tunnel${n}`)) n++;
  return `Tunnel${n}`;
}
