// One small form that edits part of a device's config. It shows the IOS lines the change stands
// for (so the form teaches the commands), runs them through the console's grammar on Apply, and
// shows the console's own error (caret included) when IOS would refuse them.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Values } from '../form-commands';
import { useApplyLines } from './use-apply-lines';
import { badWord } from '../config-script';

export interface FieldSpec {
  key: string;
  label: string;
  kind?: 'text' | 'select' | 'checkbox';
  options?: readonly { value: string; label: string }[];
  placeholder?: string;
  /** Shown under the field, in plain words. */
  hint?: string;
  /** Takes two columns (long values: transform lists, descriptions). */
  wide?: boolean;
}

/** Select options labelled with their own value, after an empty choice (`none`, `not set`) when one is named. */
export function selectOptions(values: readonly string[], emptyLabel?: string): { value: string; label: string }[] {
  const options = values.map((v) => ({ value: v, label: v }));
  return emptyLabel === undefined ? options : [{ value: '', label: emptyLabel }, ...options];
}

export interface CommandFormProps {
  device: string;
  /** Accessible name of the form, e.g. "Interface GigabitEthernet1". */
  title: string;
  fields: readonly FieldSpec[];
  initial: Values;
  build: (before: Values, after: Values) => string[];
  submitLabel?: string;
  onApplied?: (values: Values) => void;
  children?: ReactNode;
}

export function CommandForm({ device, title, fields, initial, build, submitLabel = 'Apply', onApplied, children }: CommandFormProps) {
  const [values, setValues] = useState<Values>(initial);
  const { apply, error, clearError } = useApplyLines(device);
  const id = useId();
  const lines = build(initial, values);
  const bad = error ? badWord(error) : null;
  const isBad = (key: string) => bad !== null && (values[key] ?? '').trim().split(/\s+/).includes(bad);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (lines.length === 0) return;
    if (apply(lines)) onApplied?.(values);
  };
  const set = (key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    clearError();
  };

  return (
    <form className="cmd-form" aria-label={title} onSubmit={onSubmit}>
      <div className="cmd-form__fields">
        {fields.map((f) => {
          const fid = `${id}-${f.key}`;
          const hintId = f.hint ? `${fid}-hint` : undefined;
          if (f.kind === 'checkbox') {
            return (
              <label key={f.key} className="cmd-form__check" htmlFor={fid}>
                <input id={fid} type="checkbox" checked={values[f.key] === 'yes'} onChange={(e) => set(f.key, e.target.checked ? 'yes' : '')} />
                {f.label}
              </label>
            );
          }
          return (
            <div key={f.key} className={f.wide ? 'cmd-form__field cmd-form__field--wide' : 'cmd-form__field'}>
              <label htmlFor={fid}>{f.label}</label>
              {f.kind === 'select' ? (
                <select id={fid} className="input" value={values[f.key] ?? ''} onChange={(e) => set(f.key, e.target.value)} aria-describedby={hintId}>
                  {f.options!.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={fid}
                  className="input input--mono"
                  value={values[f.key] ?? ''}
                  placeholder={f.placeholder}
                  onChange={(e) => set(f.key, e.target.value)}
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={isBad(f.key)}
                  aria-describedby={[hintId, isBad(f.key) ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined}
                />
              )}
              {f.hint && (
                <span id={hintId} className="hint">
                  {f.hint}
                </span>
              )}
            </div>
          );
        })}
      </div>
      {children}
      <div className="cmd-form__preview">
        <span className="cmd-form__preview-label" id={`${id}-preview`}>
          {lines.length ? 'IOS commands' : 'No changes yet'}
        </span>
        {lines.length > 0 && (
          <pre className="cmd-form__lines" aria-labelledby={`${id}-preview`}>
            {lines.join('\n')}
          </pre>
        )}
      </div>
      {error && (
        <pre id={`${id}-error`} className="cmd-form__error" role="alert" tabIndex={0}>
          {error}
        </pre>
      )}
      <div className="field__row">
        <button type="submit" className="button button--primary" disabled={lines.length === 0}>
          {submitLabel}
        </button>
        {lines.length > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setValues(initial);
              clearError();
            }}
          >
            Reset
          </button>
        )}
      </div>
    </form>
  );
}

