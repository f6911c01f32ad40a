// The running-config as editable text. Applied on blur or with the button, through setConfig;
// the lab refuses a config that breaks it (a hostname that is not the device's name, an
// interface a link still uses) and the reason appears under the text. Lines the lab does not
// understand are kept as written but listed under the text, so a typo never looks applied.
import { useId, useMemo, useState } from 'react';
import { configWarnings } from '../../lab/config-warnings';
import type { DeviceV1 } from '../../lab/types';
import { useLab } from '../state/lab-store';

export function ConfigEditor({ device }: { device: DeviceV1 }) {
  const [draft, setDraft] = useState(device.config);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const dirty = draft !== device.config;
  const warnings = useMemo(() => configWarnings({ format: 'tunnelscope-lab', version: 1, title: '', notes: '', devices: [device], links: [] }), [device]);

  const apply = () => {
    if (!dirty) return setError(null);
    const result = useLab.getState().dispatch({ type: 'setConfig', name: device.name, config: draft });
    setError(result.ok ? null : result.message);
  };

  return (
    <div className="field field--grow">
      <div className="field__head">
        <label htmlFor={`${id}-config`}>Running-config</label>
        {dirty && <span className="badge">edited</span>}
      </div>
      {!dirty && warnings.length > 0 && (
        <div id={`${id}-warnings`} className="field__warning" role="status">
          <p>{warnings.length === 1 ? 'One line does' : `${warnings.length} lines do`} nothing in the lab (kept as written until you correct them):</p>
          <ul>
            {warnings.slice(0, 12).map((w, i) => (
              <li key={i}>
                <strong>{w.where.replace(/^device [^,]+, /, '')}:</strong> {w.message}
              </li>
            ))}
            {warnings.length > 12 && <li>…and {warnings.length - 12} more.</li>}
          </ul>
        </div>
      )}
      <textarea
        id={`${id}-config`}
        className="config"
        wrap="off"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : !dirty && warnings.length > 0 ? `${id}-warnings` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          This config was not applied: {error}
        </p>
      )}
      <div className="field__row">
        <button type="button" className="button button--primary" onClick={apply} disabled={!dirty}>
          Apply config
        </button>
        <button
          type="button"
          className="button"
          disabled={!dirty}
          onClick={() => {
            setDraft(device.config);
            setError(null);
          }}
        >
          Revert
        </button>
      </div>
    </div>
  );
}
