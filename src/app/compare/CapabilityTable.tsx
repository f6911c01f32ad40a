// What each encapsulation carries and protects, each answer with a link to the lab event that
// proves it. Following a link that needs another lab asks first: the lab on the canvas is the
// learner's work, so it is replaced only when they say so (and Undo brings it back).
import { useRef, useState } from 'react';
import { CAPABILITIES, VARIANTS } from './compare-model';
import { evidenceFor, type CapabilityCell, type CapabilityRow, type Evidence } from './evidence';
import { followEvidence, needsLabChange } from './follow-evidence';

const COLUMNS: ReadonlyArray<{ cell: CapabilityCell; title: string }> = [
  { cell: 'multicast', title: 'Multicast (OSPF)' },
  { cell: 'nonIp', title: 'Non-IP' },
  { cell: 'innerHeader', title: 'Inner IP header hidden' },
  { cell: 'greHeader', title: 'GRE header hidden' },
];

type Answers = Record<CapabilityCell, string>;

/** The compare view's encapsulations, then the crypto map the forum asks about (no tunnel interface). */
const ROWS: ReadonlyArray<{ row: CapabilityRow; title: string; answers: Answers }> = [
  ...CAPABILITIES.map((c) => ({ row: c.variant, title: VARIANTS.find((v) => v.id === c.variant)!.title, answers: c })),
  {
    row: 'crypto-map',
    title: 'Crypto map',
    answers: { multicast: 'no (only unicast its access list permits)', nonIp: 'no (IPv4 only)', innerHeader: 'yes (encrypted, tunnel mode)', greHeader: '- (no GRE)' },
  },
];

interface Pending {
  evidence: Evidence;
  name: string;
}

export function CapabilityTable({ onShown }: { onShown: () => void }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  const go = async (e: Evidence) => {
    setBusy(true);
    setError(null);
    const problem = await followEvidence(e);
    setBusy(false);
    setPending(null);
    if (problem) setError(problem);
    else onShown();
  };

  const ask = (e: Evidence, name: string, button: HTMLButtonElement) => {
    opener.current = button;
    if (needsLabChange(e)) setPending({ evidence: e, name });
    else void go(e);
  };

  const cancel = () => {
    setPending(null);
    opener.current?.focus();
  };

  return (
    <>
      <table className="compare__caps">
        <caption>What each carries and protects (each answer links to the packet that shows it)</caption>
        <thead>
          <tr>
            <th scope="col">Encapsulation</th>
            {COLUMNS.map((c) => (
              <th scope="col" key={c.cell}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.row} data-row={r.row}>
              <th scope="row">{r.title}</th>
              {COLUMNS.map((c) => {
                const e = evidenceFor(r.row, c.cell);
                const name = `Evidence: ${r.title}, ${c.title}: ${r.answers[c.cell]}`;
                return (
                  <td key={c.cell} data-cell={c.cell}>
                    {r.answers[c.cell]}
                    {e && (
                      <>
                        {' '}
                        <button type="button" className="compare__evidence" aria-label={name} title={e.shows} disabled={busy} onClick={(ev) => ask(e, name, ev.currentTarget)}>
                          evidence
                        </button>
                        {e.indirect && <span className="compare__indirect">({e.indirect})</span>}
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {pending && (
        <div className="compare__confirm" role="group" aria-labelledby="compare-confirm-text">
          <p id="compare-confirm-text">
            This evidence runs in the lab <strong>{pending.evidence.lab().title}</strong>. Open it on the canvas in place of your lab? Undo brings your lab
            back. Then {pending.evidence.request.source} sends a {pending.evidence.request.kind} to {pending.evidence.request.destination}
            {pending.evidence.request.startup ? ' (keeping the lab\'s start-up, when the OSPF hellos go out)' : ''} and the packet that shows the answer is
            selected.
          </p>
          <button type="button" className="button button--primary" onClick={() => void go(pending.evidence)} disabled={busy} autoFocus>
            Open lab and show the packet
          </button>{' '}
          <button type="button" className="button" onClick={cancel} disabled={busy}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="compare__error" role="alert">
          The evidence could not be shown: {error}
        </p>
      )}
    </>
  );
}
