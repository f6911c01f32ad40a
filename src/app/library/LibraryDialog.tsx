// The lab library: every built-in lab with the forum question it answers and its notes (what to
// try, what to look for). Opening one replaces the lab as one undoable step; a challenge opens
// broken, with its goal card (Check, hints) over the canvas.
import { useEffect, useId, useRef } from 'react';
import { BUILTIN_LABS, type BuiltinLab } from '../../lab/builtin';
import { restoreLab } from '../../lab/restore';
import { NotesText } from '../panel/NotesText';
import { openRestoredLab } from '../share/open-lab';
import { useLibrary } from './library-store';
import '../share/share.css';
import './library.css';

export default function LibraryDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => dialog.current?.showModal(), []);

  const open = (entry: BuiltinLab) => {
    if (openRestoredLab(restoreLab(entry.lab, 'builtin'), `The built-in lab "${entry.lab.title}"`)) {
      useLibrary.getState().open(entry.id);
      dialog.current?.close();
    }
  };

  return (
    <dialog ref={dialog} className="library" aria-labelledby={`${id}-title`} onClose={onClose}>
      <div className="share__head">
        <h2 id={`${id}-title`}>Lab library</h2>
        <button type="button" className="button button--quiet" onClick={() => dialog.current?.close()} aria-label="Close library">
          ✕
        </button>
      </div>
      <p className="muted">One lab for each question learners ask. Challenges open broken: fix them, then press Check. Your current lab stays one Undo away.</p>
      <ul className="library__list">
        {BUILTIN_LABS.map((entry) => (
          <li key={entry.id} className="library__item">
            <div className="library__item-head">
              <h3 className="library__name">{entry.lab.title}</h3>
              <span className={`library__tag${entry.challenge ? ' library__tag--challenge' : ''}`}>{entry.challenge ? 'Challenge' : 'Demonstration'}</span>
            </div>
            <div className="library__question">
              <NotesText text={entry.question} />
            </div>
            <details className="library__notes">
              <summary>What to try, what to look for</summary>
              <NotesText text={entry.lab.notes} />
              <p className="muted">Goal: {entry.goal.summary}</p>
            </details>
            <button type="button" className="button button--primary button--small" onClick={() => open(entry)} aria-label={`Open ${entry.lab.title}`}>
              Open
            </button>
          </li>
        ))}
      </ul>
    </dialog>
  );
}
