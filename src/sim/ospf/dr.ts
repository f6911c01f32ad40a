// Designated router election on a broadcast network (RFC 2328 §9.4). Routers are identified
// by their interface address on the network, as hellos name the DR and BDR.
import type { Ip } from '../addr';

export interface Candidate {
  routerId: number;
  address: Ip;
  priority: number;
  /** What this router's hello declares (0 when none). */
  dr: Ip;
  bdr: Ip;
}

export interface Election {
  dr: Ip;
  bdr: Ip;
}

const better = (a: Candidate, b: Candidate | undefined): boolean => !b || a.priority > b.priority || (a.priority === b.priority && a.routerId > b.routerId);

/** One pass: the result, and the BDR step 2 picked before step 3 may promote it to DR (IOS prints that pick). */
function elect(cands: Candidate[]): Election & { bdrPick: Ip } {
  const eligible = cands.filter((c) => c.priority > 0);
  // BDR: among routers not declaring themselves DR, prefer those declaring themselves BDR.
  let bdr: Candidate | undefined;
  const notDr = eligible.filter((c) => c.dr !== c.address);
  const declaringBdr = notDr.filter((c) => c.bdr === c.address);
  for (const c of declaringBdr.length ? declaringBdr : notDr) if (better(c, bdr)) bdr = c;
  // DR: among routers declaring themselves DR; none: the new BDR.
  let dr: Candidate | undefined;
  for (const c of eligible.filter((x) => x.dr === x.address)) if (better(c, dr)) dr = c;
  const drAddr = dr ? dr.address : (bdr?.address ?? 0);
  return { dr: drAddr, bdr: bdr && bdr.address !== drAddr ? bdr.address : 0, bdrPick: bdr?.address ?? 0 };
}

/**
 * Runs the election with `self` among the neighbours in state 2-Way or higher. When this
 * router's own role changes, the election runs again with its new declarations (step 4).
 * `onPass` hears each pass's result (`debug ip ospf adj` prints "Elect BDR"/"Elect DR" per pass).
 */
export function electDr(self: Candidate, neighbors: Candidate[], onPass?: (pass: { bdrPick: Ip; dr: Ip }) => void): Election {
  let me = self;
  let result = elect([me, ...neighbors]);
  onPass?.(result);
  const wasDr = me.dr === me.address;
  const wasBdr = me.bdr === me.address;
  const isDr = result.dr === me.address;
  const isBdr = result.bdr === me.address;
  if (wasDr !== isDr || wasBdr !== isBdr) {
    me = { ...me, dr: result.dr, bdr: result.bdr };
    result = elect([me, ...neighbors]);
    onPass?.(result);
  }
  return { dr: result.dr, bdr: result.bdr };
}
