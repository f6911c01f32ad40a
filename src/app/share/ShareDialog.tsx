// Share this lab: the link (copy it, see how long it is), a QR code big enough for a projector,
// the lab as a .json file (save, open), and the topology as a picture (PNG, SVG).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLab } from '../state/lab-store';
import { useSession } from '../state/session-store';
import { download } from '../export/download';
import { LINK_WARN_CHARS, linkVerdict, modeLink, shareLink } from './share-link';
import { labFileName, openLabFile, saveLabFile } from './lab-file';
import { openLinkText } from './open-link';
import { topologyPng, topologySvg } from './picture';
import type { QrMatrix } from './qr';
import './share.css';

async function copyText(text: string, fallback: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an iframe, an old browser): select the text and use copy.
    if (!fallback) return false;
    fallback.select();
    return document.execCommand('copy');
  }
}

/** The reason of the refusal just posted on the canvas, repeated in the dialog (the canvas is behind it). */
function lastRefusal(what: string): string {
  const problems = useSession.getState().notices.at(-1)?.problems ?? [];
  const reasons = problems.slice(0, 3).map((p) => p.message).join('; ');
  return `${what} was refused${reasons ? `: ${reasons}` : ''}. Your lab is unchanged.`;
}

export default function ShareDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const lab = useLab((s) => s.lab);
  const id = useId();
  const link = useMemo(() => shareLink(lab, window.location.href), [lab]);
  const verdict = linkVerdict(link);
  const [status, setStatus] = useState('');
  const [qr, setQr] = useState<QrMatrix | null>(null);
  const [qrOpen, setQrOpen] = useState(false);
  const [pasted, setPasted] = useState('');

  useEffect(() => dialog.current?.showModal(), []);

  useEffect(() => {
    if (!qrOpen || !verdict.fitsQr) return;
    let live = true;
    void import('./qr').then(({ qrMatrix }) => live && setQr(qrMatrix(link)));
    return () => {
      live = false;
    };
  }, [qrOpen, link, verdict.fitsQr]);

  const copy = async (text: string, what: string) => setStatus((await copyText(text, linkField.current)) ? `${what} copied.` : `Select the link and copy it by hand (Ctrl+C).`);
  const stem = labFileName(lab).replace(/\.json$/, '');
  const savePicture = async (kind: 'png' | 'svg') => {
    const picture = topologySvg(lab);
    try {
      if (kind === 'svg') download(`${stem}.svg`, new TextEncoder().encode(picture.svg), 'image/svg+xml');
      else download(`${stem}.png`, await topologyPng(picture), 'image/png');
      setStatus(`Picture saved as ${stem}.${kind}.`);
    } catch (e) {
      setStatus(`The picture could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <dialog ref={dialog} className="share" aria-labelledby={`${id}-title`} onClose={onClose}>
      <div className="share__head">
        <h2 id={`${id}-title`}>Share this lab</h2>
        <button type="button" className="button button--quiet" onClick={() => dialog.current?.close()} aria-label="Close share">
          ✕
        </button>
      </div>

      <section aria-labelledby={`${id}-link`}>
        <h3 id={`${id}-link`} className="share__sub">
          Link
        </h3>
        <p className="muted">The whole lab travels in the link: no account, no server. Opening it keeps the previous lab one Undo away.</p>
        <div className="share__row">
          <input ref={linkField} id={`${id}-url`} className="share__url" readOnly value={link} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button button--primary" onClick={() => void copy(link, 'Link')}>
            Copy link
          </button>
        </div>
        <p className={verdict.tooLongForChat ? 'share__warn' : 'muted'} data-testid="link-length">
          {verdict.chars.toLocaleString('en')} characters.
          {verdict.tooLongForChat
            ? ` Longer than ${LINK_WARN_CHARS.toLocaleString('en')}: chat apps and some mail clients cut links there. Send the .json file instead, or shorten the configs and notes.`
            : ` Fits in a chat message (under ${LINK_WARN_CHARS.toLocaleString('en')}).`}
        </p>
        <div className="share__row">
          <button type="button" className="button" onClick={() => void copy(modeLink(link, 'embed'), 'Embed link')} title="For an iframe in a course page: canvas, Ping and playback only">
            Copy embed link
          </button>
          <button type="button" className="button" onClick={() => setQrOpen((o) => !o)} aria-expanded={qrOpen} aria-controls={`${id}-qr`}>
            {qrOpen ? 'Hide QR code' : 'Show QR code'}
          </button>
        </div>
        {qrOpen && (
          <div id={`${id}-qr`} className="share__qr">
            {!verdict.fitsQr && <p className="share__warn">This link is too long for a QR code. Share the .json file instead.</p>}
            {verdict.fitsQr && !qr && <p className="muted">Drawing the QR code…</p>}
            {verdict.fitsQr && qr && (
              <svg viewBox={`-4 -4 ${qr.size + 8} ${qr.size + 8}`} role="img" aria-label="QR code of the share link" shapeRendering="crispEdges" className="share__qr-code">
                <rect x={-4} y={-4} width={qr.size + 8} height={qr.size + 8} fill="#fff" />
                <path d={qr.path} fill="#000" />
              </svg>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby={`${id}-open`}>
        <h3 id={`${id}-open`} className="share__sub">
          Open a link
        </h3>
        <form
          className="share__row"
          onSubmit={(e) => {
            e.preventDefault();
            if (openLinkText(pasted)) dialog.current?.close();
            else setStatus(lastRefusal('That link'));
          }}
        >
          <input className="share__url" value={pasted} onChange={(e) => setPasted(e.target.value)} aria-label="Link to open" placeholder="Paste a Tunnelscope link (…#lab=1.…)" />
          <button type="submit" className="button" disabled={pasted.trim() === ''}>
            Open link
          </button>
        </form>
      </section>

      <section aria-labelledby={`${id}-file`}>
        <h3 id={`${id}-file`} className="share__sub">
          Lab file
        </h3>
        <p className="muted">Save the lab as .json, or open one (you can also drop a .json file on the canvas).</p>
        <div className="share__row">
          <button type="button" className="button" onClick={() => saveLabFile(lab)}>
            Save lab (.json)
          </button>
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            Open lab file…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Lab file to open"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!file) return;
              void openLabFile(file).then((ok) => {
                if (ok) dialog.current?.close();
                else setStatus(lastRefusal('That file'));
              });
            }}
          />
        </div>
      </section>

      <section aria-labelledby={`${id}-picture`}>
        <h3 id={`${id}-picture`} className="share__sub">
          Picture of the topology
        </h3>
        <div className="share__row">
          <button type="button" className="button" onClick={() => void savePicture('png')}>
            Save picture (PNG)
          </button>
          <button type="button" className="button" onClick={() => void savePicture('svg')}>
            Save picture (SVG)
          </button>
        </div>
      </section>

      <p className="share__status" role="status" aria-live="polite">
        {status}
      </p>
    </dialog>
  );
}
