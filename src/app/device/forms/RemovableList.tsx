// Existing entries (keys, routes, networks, NAT rules) with a Remove button each; removing runs
// the entry's `no` line through the grammar like any other change.
import { useApplyLines } from './use-apply-lines';

export interface ListEntry {
  /** The line as running-config shows it. */
  text: string;
  /** The lines that remove it. */
  remove: string[];
}

export function RemovableList({ device, label, entries, empty }: { device: string; label: string; entries: readonly ListEntry[]; empty: string }) {
  const { apply, error } = useApplyLines(device);
  if (entries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <>
      <ul className="entry-list" aria-label={label}>
        {entries.map((e) => (
          <li key={e.text} className="entry-list__item">
            <code>{e.text}</code>
            <button type="button" className="button button--quiet button--small" aria-label={`Remove ${e.text}`} onClick={() => apply(e.remove)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <pre className="cmd-form__error" role="alert" tabIndex={0}>
          {error}
        </pre>
      )}
    </>
  );
}
