// A polite live region: screen readers hear what an edit on the canvas did ("Router R3 added.",
// "Linked R3 GigabitEthernet1 to R2 GigabitEthernet3."), which they could not see happen.
import { useSession } from '../state/session-store';

export function LiveRegion() {
  const text = useSession((s) => s.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {text}
    </div>
  );
}
