// Forms over the device's config, grouped as a learner meets them. Every form edits the same
// model through the same grammar as the console, and each Apply is one undo step.
import { useMemo, type ReactNode } from 'react';
import { parseConfig } from '../../ios';
import { interfacesOf } from '../../lab/interfaces';
import type { DeviceV1 } from '../../lab/types';
import { useLab } from '../state/lab-store';
import { CryptoMapForm, IpsecProfileForm, IsakmpKeyForm, IsakmpPolicyForm, TransformSetForm } from './forms/CryptoForms';
import { InterfaceForm, TunnelForm } from './forms/InterfaceForms';
import { NatForm, OspfForm, StaticRouteForm } from './forms/RoutingForms';

export function ConfigTab({ device }: { device: DeviceV1 }) {
  const config = useMemo(() => parseConfig(device.config).config, [device.config]);
  const linked = useLab((s) => interfacesOf(s.lab, device.name).join(' '));
  const interfaces = useMemo(() => {
    const names = new Set([...config.interfaces.map((i) => i.name), ...linked.split(' ').filter(Boolean)]);
    return [...names];
  }, [config, linked]);
  const physical = interfaces.filter((i) => !i.startsWith('Tunnel'));
  const name = device.name;
  const router = device.kind !== 'host';

  return (
    <div className="config-tab">
      <Section title="Interfaces" open>
        <InterfaceForm device={name} config={config} interfaces={interfaces} />
      </Section>
      {router && (
        <>
          <Section title="Tunnels">
            <TunnelForm device={name} config={config} sources={physical} />
          </Section>
          <Section title="IKE phase 1: ISAKMP policies">
            <IsakmpPolicyForm device={name} config={config} />
          </Section>
          <Section title="IKE phase 1: pre-shared keys">
            <IsakmpKeyForm device={name} config={config} />
          </Section>
          <Section title="IPsec: transform sets">
            <TransformSetForm device={name} config={config} />
          </Section>
          <Section title="IPsec: profiles">
            <IpsecProfileForm device={name} config={config} />
          </Section>
          <Section title="IPsec: crypto maps">
            <CryptoMapForm device={name} config={config} interfaces={physical} />
          </Section>
        </>
      )}
      <Section title="Static routes">
        <StaticRouteForm device={name} config={config} interfaces={interfaces} />
      </Section>
      {router && (
        <>
          <Section title="OSPF">
            <OspfForm device={name} config={config} />
          </Section>
          <Section title="NAT">
            <NatForm device={name} config={config} interfaces={physical} />
          </Section>
        </>
      )}
    </div>
  );
}

function Section({ title, open = false, children }: { title: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="config-section" open={open}>
      <summary className="config-section__title">{title}</summary>
      <div className="config-section__body">{children}</div>
    </details>
  );
}
