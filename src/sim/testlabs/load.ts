// Test helper: builds a network from a lab file in this folder (or a lab object) with the real
// IOS parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../ios';
import { Network, type NetworkOptions, type TopologySpec } from '../network';

export function loadTestLab(name: string): TopologySpec {
  return JSON.parse(readFileSync(join(import.meta.dirname, name), 'utf8')) as TopologySpec;
}

export function buildNetwork(spec: TopologySpec | string, opts: Partial<NetworkOptions> = {}): Network {
  const lab = typeof spec === 'string' ? loadTestLab(spec) : spec;
  const net = Network.fromLab(lab, { parseConfig: (t) => parseConfig(t).config, ...opts });
  net.converge();
  return net;
}

/** Replaces one line of one device's config in a lab (tests of variants). */
export function withConfig(spec: TopologySpec, device: string, edit: (config: string) => string): TopologySpec {
  return { ...spec, devices: spec.devices.map((d) => (d.name === device ? { ...d, config: edit(d.config) } : d)) };
}
