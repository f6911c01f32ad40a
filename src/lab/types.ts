// The lab document, version 1 (DESIGN.md "The lab file"). This is a public contract: files and
// share links in the wild depend on it, so any change is a new version plus a migration.

export const LAB_FORMAT = 'tunnelscope-lab';
export const CURRENT_LAB_VERSION = 1;

export type DeviceKind = 'router' | 'host' | 'nat';
export const DEVICE_KINDS: readonly DeviceKind[] = ['router', 'host', 'nat'];

export interface DeviceV1 {
  name: string;
  kind: DeviceKind;
  x: number;
  y: number;
  /** The running-config in IOS syntax. */
  config: string;
}

/** Each end is written "DEVICE INTERFACE", e.g. "R1 GigabitEthernet1". */
export interface LinkV1 {
  a: string;
  b: string;
}

export interface LabV1 {
  format: typeof LAB_FORMAT;
  version: 1;
  title: string;
  notes: string;
  seed?: number;
  devices: DeviceV1[];
  links: LinkV1[];
}

export type Lab = LabV1;

/** Where a lab came from; every one of these goes through restoreLab(). */
export type LabSource = 'file' | 'link' | 'storage' | 'builtin';

/** One problem found while loading, with where it is in words a learner can act on. */
export interface LabProblem {
  /** e.g. "device R1, config line 12", "link 2 (field b)", "title". */
  where: string;
  message: string;
}

export type RestoreResult =
  | { ok: true; lab: Lab; warnings: LabProblem[] }
  | { ok: false; problems: LabProblem[] };
