// The selected link: its two ends, each with a select of that device's free interfaces, so the
// learner decides which port the cable goes into.
import { useId, useState } from 'react';
import { freeInterfaces } from '../../lab/interfaces';
import { shortInterfaceName, splitEndpoint } from '../../lab/names';
import { useLab } from '../state/lab-store';
import { useSession } from '../state/session-store';
import { deleteActions } from '../state/commands';

export function LinkPanel({ index }: { index: number }) {
  const link = useLab((s) => s.lab.links[index]);
  if (!link) return null;
  const a = splitEndpoint(link.a);
  const b = splitEndpoint(link.b);
  return (
    <div className="panel">
      <div className="panel__heading">
        <LinkGlyph />
        <div>
          <p className="panel__kicker">Link</p>
          <h2 className="panel__title">
            {a ? `${a.device} ${shortInterfaceName(a.iface)}` : link.a} – {b ? `${b.device} ${shortInterfaceName(b.iface)}` : link.b}
          </h2>
        </div>
      </div>
      <p className="muted">An Ethernet cable between two interfaces. Choose which interface each end plugs into.</p>
      <LinkEnd index={index} side="a" end={link.a} />
      <LinkEnd index={index} side="b" end={link.b} />
      <button type="button" className="button button--danger" onClick={() => deleteActions([], [index])}>
        Delete link
      </button>
    </div>
  );
}

function LinkEnd({ index, side, end }: { index: number; side: 'a' | 'b'; end: string }) {
  const lab = useLab((s) => s.lab);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const p = splitEndpoint(end);
  if (!p) return null;
  const options = [p.iface, ...freeInterfaces(lab, p.device).filter((i) => i !== p.iface)];

  const change = (iface: string) => {
    if (iface === p.iface) return;
    const result = useLab.getState().dispatch({ type: 'changeLinkEnd', index, side, iface });
    setError(result.ok ? null : result.message);
    if (result.ok) useSession.getState().select({ kind: 'link', index });
  };

  return (
    <div className="field">
      <label htmlFor={`${id}-iface`}>Interface on {p.device}</label>
      <select id={`${id}-iface`} className="input" value={p.iface} onChange={(e) => change(e.target.value)}>
        {options.map((iface) => (
          <option key={iface} value={iface}>
            {iface} ({shortInterfaceName(iface)})
          </option>
        ))}
      </select>
      {options.length === 1 && <p className="hint">{p.device} has no other free interface; add one in its running-config.</p>}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function LinkGlyph() {
  return (
    <svg width="36" height="36" viewBox="0 0 36 36" aria-hidden="true">
      <rect width="36" height="36" rx="8" fill="var(--surface-2)" />
      <path d="M8 18h20" stroke="var(--link)" strokeWidth="3" strokeLinecap="round" />
      <circle cx="8" cy="18" r="4" fill="var(--router)" />
      <circle cx="28" cy="18" r="4" fill="var(--host)" />
    </svg>
  );
}
