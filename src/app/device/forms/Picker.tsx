// "Which one to edit": a select over the existing items plus, optionally, "New ...".
import { useId } from 'react';

export const NEW = '\u0000new';

export function Picker({ label, items, value, onChange, newLabel }: { label: string; items: readonly string[]; value: string; onChange: (v: string) => void; newLabel?: string }) {
  const id = useId();
  return (
    <div className="cmd-form__field picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {items.map((i) => (
          <option key={i} value={i}>
            {i}
          </option>
        ))}
        {newLabel && <option value={NEW}>{newLabel}</option>}
      </select>
    </div>
  );
}

/** The chosen item if it still exists, else the first (or "new" when there is none). */
export function chosen(items: readonly string[], value: string, allowNew: boolean): string {
  if (value === NEW && allowNew) return NEW;
  if (items.includes(value)) return value;
  return items[0] ?? (allowNew ? NEW : '');
}
