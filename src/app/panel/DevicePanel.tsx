// The selected device: its name (the IOS hostname), its links, and its running-config as
// editable text. Edits become renameDevice / setConfig / addLink actions, so they undo like any
// other change, and a refused edit shows the lab's own reason.
import { useId, useState, type FormEvent } from 'react';
import type { DeviceV1 } from '../../lab/types';
import { shortInterfaceName, splitEndpoint } from '../../lab/names';
import { useLab } from '../state/lab-store';
import { useSession } from '../state/session-store';
import { deleteActions, linkDevices } from '../state/commands';
import { DeviceIcon, KIND_LABEL } from '../canvas/icons';
import { DeviceTabs } from '../device/DeviceTabs';

export function DevicePanel({ device }: { device: DeviceV1 }) {
  return (
    <div className="panel">
      <div className="panel__heading">
        <DeviceIcon kind={device.kind} size={36} />
        <div>
          <p className="panel__kicker">{KIND_LABEL[device.kind]}</p>
          <h2 className="panel__title">{device.name}</h2>
        </div>
      </div>
      <RenameField device={device} />
      <Ports device={device} />
      <DeviceTabs device={device} />
      <button type="button" className="button button--danger" onClick={() => deleteActions([device.name], [])}>
        Delete {device.name}
      </button>
    </div>
  );
}

function RenameField({ device }: { device: DeviceV1 }) {
  const [draft, setDraft] = useState(device.name);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const apply = () => {
    const to = draft.trim();
    if (to === device.name) return setError(null);
    const result = useLab.getState().dispatch({ type: 'renameDevice', from: device.name, to });
    if (!result.ok) return setError(result.message);
    setError(null);
    useSession.getState().select({ kind: 'device', name: to });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply();
  };

  return (
    <form className="field" onSubmit={onSubmit}>
      <label htmlFor={`${id}-name`}>Name (hostname)</label>
      <div className="field__row">
        <input
          id={`${id}-name`}
          className="input"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={apply}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit" className="button">
          Rename
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function Ports({ device }: { device: DeviceV1 }) {
  const links = useLab((s) => s.lab.links);
  const devices = useLab((s) => s.lab.devices);
  const select = useSession((s) => s.select);
  const others = devices.filter((d) => d.name !== device.name);
  const [peer, setPeer] = useState('');
  const id = useId();

  const mine = links.flatMap((link, index) => {
    const a = splitEndpoint(link.a);
    const b = splitEndpoint(link.b);
    if (!a || !b) return [];
    if (a.device === device.name) return [{ index, local: a.iface, remote: b }];
    if (b.device === device.name) return [{ index, local: b.iface, remote: a }];
    return [];
  });

  const chosen = others.some((d) => d.name === peer) ? peer : (others[0]?.name ?? '');

  return (
    <section className="field" aria-labelledby={`${id}-links`}>
      <h3 id={`${id}-links`} className="field__label">
        Links
      </h3>
      {mine.length === 0 ? (
        <p className="muted">Not linked yet.</p>
      ) : (
        <ul className="ports">
          {mine.map((m) => (
            <li key={m.index}>
              <button type="button" className="ports__link" onClick={() => select({ kind: 'link', index: m.index })}>
                <span className="ports__iface">{shortInterfaceName(m.local)}</span>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> to </span>
                {m.remote.device} {shortInterfaceName(m.remote.iface)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <div className="field__row">
          <label htmlFor={`${id}-peer`} className="visually-hidden">
            Link {device.name} to
          </label>
          <select id={`${id}-peer`} className="input" value={chosen} onChange={(e) => setPeer(e.target.value)}>
            {others.map((d) => (
              <option key={d.name} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => chosen && linkDevices(device.name, chosen)}>
            Link to {chosen}
          </button>
        </div>
      )}
    </section>
  );
}
