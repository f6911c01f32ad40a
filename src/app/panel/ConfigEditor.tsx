// The running-config as editable text. Applied on blur or with the button, through setConfig;
// the lab refuses a config that breaks it (a hostname that is not the device's name, an
// interface a link still uses) and the reason appears under the text.
import { useId, useState } from 'react';
import type { DeviceV1 } from '../../lab/types';
import { useLab } from '../state/lab-store';

export function ConfigEditor({ device }: { device: DeviceV1 }) {
  const [draft, setDraft] = useState(device.config);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const dirty = draft !== device.config;

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
        aria-describedby={error ? `${id}-error` : undefined}
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
