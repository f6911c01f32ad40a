// The v1 shape as a valibot schema. valibot over zod: the same typed, composable validation, but
// modular functions that tree-shake to a few KB, which matters under the 250 KB initial-JS budget.
import * as v from 'valibot';
import { DEVICE_KINDS } from './types';
import { LIMITS } from './limits';

const coordinate = v.pipe(
  v.number('must be a number'),
  v.finite('must be a finite number'),
  v.minValue(-LIMITS.coordinate, `must be at least -${LIMITS.coordinate}`),
  v.maxValue(LIMITS.coordinate, `must be at most ${LIMITS.coordinate}`),
);

export const DeviceSchema = v.object({
  name: v.string('must be text'),
  kind: v.picklist(DEVICE_KINDS, `must be one of ${DEVICE_KINDS.join(', ')}`),
  x: coordinate,
  y: coordinate,
  config: v.pipe(v.string('must be text'), v.maxLength(LIMITS.configChars, `is longer than ${LIMITS.configChars} characters`)),
});

export const LinkSchema = v.object({
  a: v.string('must be text of the form "DEVICE INTERFACE"'),
  b: v.string('must be text of the form "DEVICE INTERFACE"'),
});

export const LabV1Schema = v.object({
  format: v.literal('tunnelscope-lab', 'must be "tunnelscope-lab"'),
  version: v.literal(1, 'must be 1'),
  title: v.optional(v.pipe(v.string('must be text'), v.maxLength(LIMITS.titleChars, `is longer than ${LIMITS.titleChars} characters`)), 'Untitled lab'),
  notes: v.optional(v.pipe(v.string('must be text'), v.maxLength(LIMITS.notesChars, `is longer than ${LIMITS.notesChars} characters`)), ''),
  seed: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'), v.maxValue(0xffff_ffff, 'must fit in 32 bits'))),
  devices: v.pipe(v.array(DeviceSchema, 'must be a list'), v.maxLength(LIMITS.devices, `has more than ${LIMITS.devices} devices`)),
  links: v.pipe(v.array(LinkSchema, 'must be a list'), v.maxLength(LIMITS.links, `has more than ${LIMITS.links} links`)),
});
