// Messages about loads and edits that failed. Each names every problem (where, what) as plain
// text, never HTML, and stays until dismissed.
import { useSession } from '../state/session-store';

export function Notices() {
  const notices = useSession((s) => s.notices);
  const dismiss = useSession((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className="notice" role="alert">
          <svg className="notice__icon" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
            <circle cx="10" cy="10" r="9" fill="var(--danger)" />
            <path d="M10 5v6" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
            <circle cx="10" cy="14.5" r="1.2" fill="#fff" />
          </svg>
          <div className="notice__body">
            <p className="notice__title">{notice.title}</p>
            <ul className="notice__problems">
              {notice.problems.slice(0, 8).map((p, i) => (
                <li key={i}>
                  <strong>{p.where}:</strong> {p.message}
                </li>
              ))}
              {notice.problems.length > 8 && <li>…and {notice.problems.length - 8} more problems.</li>}
            </ul>
          </div>
          <button type="button" className="button button--quiet" onClick={() => dismiss(notice.id)} aria-label="Dismiss message">
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
