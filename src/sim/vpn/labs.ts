// Test helpers: the shared lab files (/work/shared/labs, beside the repo as ../shared/labs),
// built with every default plugin and the real IOS parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../ios';
import { Network, type NetworkOptions, type TopologySpec } from '../network';
import { natPlugin } from '../nat/plugin';
import { ospfPlugin } from '../ospf/plugin';
import { vpnPlugin } from './plugin';

export const SHARED_LABS = join(import.meta.dirname, '../../../../shared/labs');
export const OWN_LABS = join(import.meta.dirname, 'labs');

export function sharedLab(name: string): TopologySpec {
  return JSON.parse(readFileSync(join(SHARED_LABS, name), 'utf8')) as TopologySpec;
}

export function ownLab(name: string): TopologySpec {
  return JSON.parse(readFileSync(join(OWN_LABS, name), 'utf8')) as TopologySpec;
}

export const ALL_PLUGINS = [natPlugin, ospfPlugin, vpnPlugin];

export function build(spec: TopologySpec, opts: Partial<NetworkOptions> = {}): Network {
  return Network.fromLab(spec, { parseConfig: (t) => parseConfig(t).config, plugins: ALL_PLUGINS, ...opts });
}

/** Edits one device's config text in a lab (variants of a lab for failure tests). */
export function editConfig(spec: TopologySpec, device: string, edit: (config: string) => string): TopologySpec {
  return { ...spec, devices: spec.devices.map((d) => (d.name === device ? { ...d, config: edit(d.config) } : d)) };
}
