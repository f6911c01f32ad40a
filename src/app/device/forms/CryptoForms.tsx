// The crypto pieces: ISAKMP policies and keys (phase 1), transform sets and IPsec profiles
// (phase 2), and crypto maps.
import { useState } from 'react';
import type { IosConfig } from '../../../ios';
import {
  cryptoMapCommands,
  cryptoMapValues,
  ipsecProfileCommands,
  isakmpKeyCommand,
  isakmpPolicyCommands,
  isakmpPolicyValues,
  transformSetCommands,
  transformSetValues,
} from '../form-commands';
import { CommandForm, selectOptions, type FieldSpec } from './CommandForm';
import { chosen, NEW, Picker } from './Picker';
import { RemovableList } from './RemovableList';

export function IsakmpPolicyForm({ device, config }: { device: string; config: IosConfig }) {
  const items = config.crypto.isakmpPolicies.map((p) => String(p.priority));
  const [pick, setPick] = useState('');
  const which = chosen(items, pick, true);
  const isNew = which === NEW;
  const policy = config.crypto.isakmpPolicies.find((p) => String(p.priority) === which);
  const initial = isNew ? { ...isakmpPolicyValues(undefined), priority: String(nextPriority(items)) } : isakmpPolicyValues(policy);
  const fields: FieldSpec[] = [
    ...(isNew ? [{ key: 'priority', label: 'Priority', hint: 'Lower numbers are offered first.' }] : []),
    { key: 'encryption', label: 'Encryption', kind: 'select', options: selectOptions(['aes', 'aes 192', 'aes 256', '3des', 'des']) },
    { key: 'hash', label: 'Hash', kind: 'select', options: selectOptions(['sha', 'sha256', 'sha384', 'sha512', 'md5']) },
    { key: 'authentication', label: 'Authentication', kind: 'select', options: selectOptions(['pre-share', 'rsa-sig', 'rsa-encr']) },
    { key: 'group', label: 'DH group', kind: 'select', options: selectOptions(['1', '2', '5', '14', '15', '16', '19', '20', '21', '24']) },
    { key: 'lifetime', label: 'Lifetime (s)' },
  ];
  return (
    <>
      <Picker label="ISAKMP policy" items={items} value={which} onChange={setPick} newLabel="New policy…" />
      <CommandForm
        key={`${which} ${JSON.stringify(initial)}`}
        device={device}
        title={isNew ? 'New ISAKMP policy' : `ISAKMP policy ${which}`}
        fields={fields}
        initial={initial}
        build={(before, after) => isakmpPolicyCommands(before, after, isNew)}
        submitLabel={isNew ? 'Add policy' : 'Apply'}
        onApplied={(v) => isNew && setPick(String(Number(v.priority)))}
      />
    </>
  );
}

function nextPriority(items: readonly string[]): number {
  const max = Math.max(0, ...items.map(Number));
  return Math.ceil((max + 1) / 10) * 10;
}

export function IsakmpKeyForm({ device, config }: { device: string; config: IosConfig }) {
  const entries = config.crypto.isakmpKeys.map((k) => ({
    text: `crypto isakmp key ${k.key} address ${k.address}${k.mask ? ` ${k.mask}` : ''}`,
    remove: isakmpKeyCommand(k.key, k.address, true),
  }));
  return (
    <>
      <RemovableList device={device} label="Pre-shared keys" entries={entries} empty="No pre-shared keys." />
      <CommandForm
        key={entries.length}
        device={device}
        title="Add a pre-shared key"
        fields={[
          { key: 'key', label: 'Key', placeholder: 'cisco123' },
          { key: 'address', label: 'Peer address', placeholder: '203.0.113.2' },
        ]}
        initial={{ key: '', address: '' }}
        build={(_, v) => (v.key?.trim() || v.address?.trim() ? isakmpKeyCommand(v.key ?? '', v.address ?? '') : [])}
        submitLabel="Add key"
      />
    </>
  );
}

export function TransformSetForm({ device, config }: { device: string; config: IosConfig }) {
  const items = config.crypto.transformSets.map((s) => s.name);
  const [pick, setPick] = useState('');
  const which = chosen(items, pick, true);
  const isNew = which === NEW;
  const initial = isNew ? { ...transformSetValues(undefined), name: 'TSET2' } : transformSetValues(config.crypto.transformSets.find((s) => s.name === which));
  const fields: FieldSpec[] = [
    ...(isNew ? [{ key: 'name', label: 'Name' }] : []),
    { key: 'transforms', label: 'Transforms', wide: true, hint: 'e.g. esp-aes 256 esp-sha256-hmac, or esp-gcm 256' },
    {
      key: 'mode',
      label: 'Mode',
      kind: 'select',
      options: [
        { value: 'tunnel', label: 'tunnel (default)' },
        { value: 'transport', label: 'transport' },
      ],
      hint: 'tunnel: a new outer IP header; transport: ESP right after the original one.',
    },
  ];
  return (
    <>
      <Picker label="Transform set" items={items} value={which} onChange={setPick} newLabel="New transform set…" />
      <CommandForm
        key={`${which} ${JSON.stringify(initial)}`}
        device={device}
        title={isNew ? 'New transform set' : `Transform set ${which}`}
        fields={fields}
        initial={initial}
        build={(before, after) => transformSetCommands(before, after, isNew)}
        submitLabel={isNew ? 'Add transform set' : 'Apply'}
        onApplied={(v) => isNew && setPick(v.name?.trim() ?? '')}
      />
    </>
  );
}

export function IpsecProfileForm({ device, config }: { device: string; config: IosConfig }) {
  const items = config.crypto.ipsecProfiles.map((p) => p.name);
  const sets = config.crypto.transformSets.map((s) => s.name);
  const [pick, setPick] = useState('');
  const which = chosen(items, pick, true);
  const isNew = which === NEW;
  const profile = config.crypto.ipsecProfiles.find((p) => p.name === which);
  const initial = { name: isNew ? 'PROF2' : which, transformSet: profile?.transformSets[0] ?? sets[0] ?? '' };
  return (
    <>
      <Picker label="IPsec profile" items={items} value={which} onChange={setPick} newLabel="New profile…" />
      <CommandForm
        key={`${which} ${JSON.stringify(initial)}`}
        device={device}
        title={isNew ? 'New IPsec profile' : `IPsec profile ${which}`}
        fields={[
          ...(isNew ? [{ key: 'name', label: 'Name' }] : []),
          { key: 'transformSet', label: 'Transform set', kind: 'select' as const, options: selectOptions(sets, 'none') },
        ]}
        initial={initial}
        build={(before, after) =>
          isNew || before.transformSet !== after.transformSet ? ipsecProfileCommands(after.name ?? '', after.transformSet ?? '', isNew ? undefined : profile?.transformSets[0]) : []
        }
        submitLabel={isNew ? 'Add profile' : 'Apply'}
        onApplied={(v) => isNew && setPick(v.name?.trim() ?? '')}
      />
    </>
  );
}

export function CryptoMapForm({ device, config, interfaces }: { device: string; config: IosConfig; interfaces: readonly string[] }) {
  const items = config.crypto.cryptoMaps.map((m) => `${m.name} ${m.seq}`);
  const sets = config.crypto.transformSets.map((s) => s.name);
  const [pick, setPick] = useState('');
  const which = chosen(items, pick, true);
  const isNew = which === NEW;
  const entry = config.crypto.cryptoMaps.find((m) => `${m.name} ${m.seq}` === which);
  const initial = isNew ? { ...cryptoMapValues(undefined, config), name: 'CMAP', transformSet: sets[0] ?? '' } : cryptoMapValues(entry, config);
  const fields: FieldSpec[] = [
    ...(isNew
      ? [
          { key: 'name', label: 'Map name' },
          { key: 'seq', label: 'Sequence' },
        ]
      : []),
    { key: 'peer', label: 'Peer (set peer)', placeholder: '203.0.113.2' },
    { key: 'transformSet', label: 'Transform set', kind: 'select', options: selectOptions(sets, 'none') },
    { key: 'acl', label: 'Match address (ACL)', placeholder: '101', hint: 'The access list that picks the traffic to protect.' },
    { key: 'interface', label: 'Applied on', kind: 'select', options: selectOptions(interfaces, 'no interface') },
  ];
  return (
    <>
      <Picker label="Crypto map entry" items={items} value={which} onChange={setPick} newLabel="New crypto map…" />
      <CommandForm
        key={`${which} ${JSON.stringify(initial)}`}
        device={device}
        title={isNew ? 'New crypto map' : `Crypto map ${which}`}
        fields={fields}
        initial={initial}
        build={(before, after) => cryptoMapCommands(before, after, isNew)}
        submitLabel={isNew ? 'Add crypto map' : 'Apply'}
        onApplied={(v) => isNew && setPick(`${v.name?.trim()} ${Number(v.seq)}`)}
      />
    </>
  );
}
