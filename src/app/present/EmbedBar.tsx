// The slim bar of an embedded lab (`?embed=1`, in a course page's iframe): the title and a link
// that opens the same lab in the full editor, in a new tab. Nothing here edits the lab.
import { useMemo } from 'react';
import { useLab } from '../state/lab-store';
import { useFitOnStageResize } from './fit-on-resize';
import { shareLink } from '../share/share-link';

export function EmbedBar() {
  const lab = useLab((s) => s.lab);
  const title = lab.title;
  useFitOnStageResize();
  const editorLink = useMemo(() => shareLink(lab, window.location.href), [lab]);
  return (
    <header className="embed-bar">
      <img src="./favicon.svg" alt="" width={20} height={20} />
      <h1 className="embed-bar__title">{title || 'Untitled lab'}</h1>
      <a className="button button--small" href={editorLink} target="_blank" rel="noopener noreferrer">
        Open in Tunnelscope
      </a>
    </header>
  );
}
