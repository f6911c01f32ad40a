export * from './types';
export { restoreLab, parseLabText, describeProblems } from './restore';
export { applyAction, type LabAction, type ActionResult } from './actions';
export { freeInterfaces, interfacesOf, usedInterfaces } from './interfaces';
export { shortInterfaceName, hostnameProblem, splitEndpoint, endpoint, printable } from './names';
export { labToFragment, readLabFragment } from './link';
export { DEFAULT_LAB } from './builtin/default-lab';
export { migrate, MIGRATIONS } from './migrations';
