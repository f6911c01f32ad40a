// Numbered migrations, tldraw style: step N turns a version-N document into version N+1. A file
// or link made by any earlier version loads in every later one by running the steps in order.
// Version 1 is the first public format, so the table is empty; the next format change adds
// `1: (doc) => ...` here and a fixture of a version-1 file under fixtures/.
import { CURRENT_LAB_VERSION } from './types';

export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; from: number }
  | { ok: false; message: string };

export function migrate(
  doc: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = CURRENT_LAB_VERSION,
): MigrationResult {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'the lab has no valid version number' };
  }
  if (version > current) {
    return {
      ok: false,
      message: `the lab was made by a newer Tunnelscope (format version ${version}); this one reads versions up to ${current}`,
    };
  }
  let out = doc;
  for (let n = version; n < current; n++) {
    const step = migrations[n];
    if (!step) return { ok: false, message: `no migration from format version ${n} to ${n + 1}` };
    out = { ...step(out), version: n + 1 };
  }
  return { ok: true, doc: out, from: version };
}
