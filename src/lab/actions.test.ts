import { describe, expect, it } from 'vitest';
import { applyAction, type LabAction } from './actions';
import { DEFAULT_LAB } from './builtin/default-lab';
import { freeInterfaces } from './interfaces';
import { restoreLab } from './restore';
import type { Lab } from './types';

function run(lab: Lab, ...actions: LabAction[]): Lab {
  let doc = lab;
  for (const action of actions) {
    const r = applyAction(doc, action);
    if (!r.ok) throw new Error(r.message);
    doc = r.lab;
  }
  return doc;
}

describe('applyAction', () => {
  it('adds devices with the next free name and a usable config', () => {
    const lab = run(DEFAULT_LAB, { type: 'addDevice', kind: 'router', x: 1, y: 2 }, { type: 'addDevice', kind: 'nat', x: 3, y: 4 }, { type: 'addDevice', kind: 'host', x: 5, y: 6 });
    expect(lab.devices.map((d) => d.name)).toEqual(['H1', 'R1', 'R2', 'H2', 'R3', 'NAT1', 'H3']);
    expect(freeInterfaces(lab, 'R3')).toEqual(['GigabitEthernet1', 'GigabitEthernet2', 'GigabitEthernet3', 'GigabitEthernet4']);
    expect(restoreLab(lab, 'storage').ok).toBe(true);
  });

  it('links two devices on their first free interfaces, adding one when none is free', () => {
    const lab = run(DEFAULT_LAB, { type: 'addDevice', kind: 'router', x: 0, y: 0 }, { type: 'addLink', a: 'R3', b: 'R1' });
    expect(lab.links[3]).toEqual({ a: 'R3 GigabitEthernet1', b: 'R1 GigabitEthernet3' });
    expect(lab.devices.find((d) => d.name === 'R1')!.config).toMatch(/\ninterface GigabitEthernet3\n no ip address\n$/);
    const hosts = run(lab, { type: 'addDevice', kind: 'host', x: 0, y: 0 }, { type: 'addLink', a: 'H3', b: 'H1' });
    expect(hosts.links[4]).toEqual({ a: 'H3 Ethernet0', b: 'H1 Ethernet1' });
  });

  it('renames a device everywhere: hostname line and link ends', () => {
    const lab = run(DEFAULT_LAB, { type: 'renameDevice', from: 'R1', to: 'Branch-1' });
    const device = lab.devices.find((d) => d.name === 'Branch-1')!;
    expect(device.config.split('\n')[0]).toBe('hostname Branch-1');
    expect(lab.links.map((l) => `${l.a}|${l.b}`)).toEqual(['H1 Ethernet0|Branch-1 GigabitEthernet2', 'Branch-1 GigabitEthernet1|R2 GigabitEthernet1', 'R2 GigabitEthernet2|H2 Ethernet0']);
  });

  it('refuses a hostile or duplicate rename and keeps the document', () => {
    expect(applyAction(DEFAULT_LAB, { type: 'renameDevice', from: 'R1', to: '<img src=x onerror=alert(1)>' })).toMatchObject({ ok: false });
    expect(applyAction(DEFAULT_LAB, { type: 'renameDevice', from: 'R1', to: 'R2' })).toEqual({ ok: false, message: 'a device named R2 already exists' });
  });

  it('deletes a device with its links, and a link by index', () => {
    const lab = run(DEFAULT_LAB, { type: 'deleteDevice', name: 'R2' });
    expect(lab.devices.map((d) => d.name)).toEqual(['H1', 'R1', 'H2']);
    expect(lab.links).toEqual([{ a: 'H1 Ethernet0', b: 'R1 GigabitEthernet2' }]);
    expect(run(DEFAULT_LAB, { type: 'deleteLink', index: 0 }).links.length).toBe(2);
  });

  it('changes a link end only to a free interface that exists', () => {
    const grown = run(DEFAULT_LAB, { type: 'addLink', a: 'R1', b: 'R2' });
    expect(grown.links[3]).toEqual({ a: 'R1 GigabitEthernet3', b: 'R2 GigabitEthernet3' });
    const moved = applyAction(grown, { type: 'changeLinkEnd', index: 3, side: 'a', iface: 'GigabitEthernet1' });
    expect(moved).toEqual({ ok: false, message: 'link 4 (field a): R1 GigabitEthernet1 is already used by link 2' });
    expect(applyAction(grown, { type: 'changeLinkEnd', index: 3, side: 'a', iface: 'GigabitEthernet9' })).toMatchObject({ ok: false });
  });

  it('does not mutate the document it was given', () => {
    const before = JSON.stringify(DEFAULT_LAB);
    run(DEFAULT_LAB, { type: 'moveDevice', name: 'R1', x: 9, y: 9 }, { type: 'deleteDevice', name: 'H1' });
    expect(JSON.stringify(DEFAULT_LAB)).toBe(before);
  });
});
