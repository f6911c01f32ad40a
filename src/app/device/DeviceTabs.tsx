// The device panel's tabs: Config (forms), Console (IOS), Running-config (the text). Arrow keys
// move between tabs (WAI-ARIA tabs pattern); the chosen tab is session state and stays chosen
// when another device is selected.
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { create } from 'zustand';
import type { DeviceV1 } from '../../lab/types';
import { ConfigEditor } from '../panel/ConfigEditor';
import { ConfigTab } from './ConfigTab';
import { ConsoleTab } from './ConsoleTab';
import './device.css';

export type DeviceTab = 'config' | 'console' | 'running';

export const useDeviceTab = create<{ tab: DeviceTab; setTab: (tab: DeviceTab) => void }>()((set) => ({
  // Running-config first: the text the lab is made of (and what the shell's tests expect).
  tab: 'running',
  setTab: (tab) => set({ tab }),
}));

const TABS: { id: DeviceTab; label: string }[] = [
  { id: 'running', label: 'Running-config' },
  { id: 'config', label: 'Config' },
  { id: 'console', label: 'Console' },
];

export function DeviceTabs({ device }: { device: DeviceV1 }) {
  const tab = useDeviceTab((s) => s.tab);
  const setTab = useDeviceTab((s) => s.setTab);
  const id = useId();
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});

  const onKeyDown = (e: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.id === tab);
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = (at + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (at + TABS.length - 1) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    const to = TABS[next]!.id;
    setTab(to);
    buttons.current[to]?.focus();
  };

  let body: ReactNode;
  if (tab === 'console') body = <ConsoleTab device={device.name} />;
  else if (tab === 'config') body = <ConfigTab device={device} />;
  else body = <ConfigEditor key={device.config} device={device} />;

  return (
    <div className={tab === 'running' ? 'device-tabs' : 'device-tabs device-tabs--wide'}>
      <div className="tabs" role="tablist" aria-label={`${device.name} views`} onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${t.id}`}
            className="tabs__tab"
            aria-selected={tab === t.id}
            aria-controls={`${id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="device-tabs__panel" role="tabpanel" id={`${id}-panel`}>
        {body}
      </div>
    </div>
  );
}
