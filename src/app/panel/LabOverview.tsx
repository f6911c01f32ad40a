// Nothing selected: what this lab is about, and how to use the editor. The title and notes are
// shown as text, never as HTML, and can be edited (setTitle / setNotes actions, undoable).
import { useId, useState, type FormEvent } from 'react';
import { useLab } from '../state/lab-store';
import { NotesText } from './NotesText';

export function LabOverview() {
  const title = useLab((s) => s.lab.title);
  const notes = useLab((s) => s.lab.notes);
  const counts = useLab((s) => `${s.lab.devices.length} devices, ${s.lab.links.length} links`);
  const [editing, setEditing] = useState(false);

  return (
    <div className="panel">
      <p className="panel__kicker">Lab</p>
      {editing ? (
        <AboutForm title={title} notes={notes} onDone={() => setEditing(false)} />
      ) : (
        <>
          <h2 className="panel__title">{title || 'Untitled lab'}</h2>
          <p className="muted">{counts}</p>
          {notes.trim() !== '' && <NotesText text={notes} />}
          <div>
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Edit title and notes
            </button>
          </div>
        </>
      )}
      <h3 className="field__label">How to</h3>
      <ul className="howto">
        <li>
          <strong>Add a device:</strong> click Router, Host or NAT box on the left, or drag one onto the canvas.
        </li>
        <li>
          <strong>Link two devices:</strong> hover a device and drag its blue + knob onto another device, or use “Link to” in the device's
          panel. Select a link to choose its interfaces.
        </li>
        <li>
          <strong>Configure:</strong> select a device to rename it and edit its running-config here.
        </li>
        <li>
          <strong>Delete:</strong> select a device or link and press Delete, or right-click it.
        </li>
        <li>
          <strong>Undo:</strong> Ctrl+Z; redo: Ctrl+Shift+Z. Your lab is saved in this browser as you work.
        </li>
      </ul>
    </div>
  );
}

function AboutForm({ title, notes, onDone }: { title: string; notes: string; onDone: () => void }) {
  const [draftTitle, setDraftTitle] = useState(title);
  const [draftNotes, setDraftNotes] = useState(notes);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const actions = [
      ...(draftTitle !== title ? [{ type: 'setTitle' as const, title: draftTitle }] : []),
      ...(draftNotes !== notes ? [{ type: 'setNotes' as const, notes: draftNotes }] : []),
    ];
    if (actions.length > 0) {
      const result = useLab.getState().dispatchAll(actions);
      if (!result.ok) return setError(result.message);
    }
    onDone();
  };

  return (
    <form className="panel__form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} className="input" value={draftTitle} onChange={(e) => setDraftTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea id={`${id}-notes`} className="config config--notes" value={draftNotes} onChange={(e) => setDraftNotes(e.target.value)} />
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="field__row">
        <button type="submit" className="button button--primary">
          Save
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
