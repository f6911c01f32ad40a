// Export: the capture of the last run (pcapng) with the Wireshark key files and a how-to, and
// each device's running-config. One .zip with everything, or the files one by one.
import { useEffect, useId, useRef, useState } from 'react';
import { useLab } from '../state/lab-store';
import { consoleEngine } from '../device/console-loader';
import { download } from './download';
import type { PreparedExport } from './export-engine';
import type { ExportFile } from './export-files';
import { tsharkCommand } from './howto';
import './export.css';

export function ExportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} title="Download the capture, the Wireshark keys and the configs">
        <ExportGlyph /> Export
      </button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ExportDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [prepared, setPrepared] = useState<PreparedExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    const lab = useLab.getState().lab;
    import('./export-engine')
      .then(({ prepareExport }) => {
        if (live) setPrepared(prepareExport(lab, consoleEngine()?.network()));
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, []);

  return (
    <dialog ref={dialog} className="export" aria-labelledby={`${id}-title`} onClose={onClose}>
      <div className="export__head">
        <h2 id={`${id}-title`}>Export capture, keys and configs</h2>
        <button type="button" className="button button--quiet" onClick={() => dialog.current?.close()} aria-label="Close export">
          ✕
        </button>
      </div>
      {error && (
        <p className="field__error" role="alert">
          The export could not be prepared: {error}
        </p>
      )}
      {!prepared && !error && <p className="muted">Preparing the capture…</p>}
      {prepared && (
        <>
          <p>{prepared.description}</p>
          {prepared.frames === 0 && <p className="field__error">No frames yet: run a ping (Ping control or a console) first, then export again.</p>}
          <p className="muted">
            {prepared.frames} frames · {prepared.espSas} ESP SA{prepared.espSas === 1 ? '' : 's'} · {prepared.ikeSas} IKE SA{prepared.ikeSas === 1 ? '' : 's'}
          </p>
          <div className="field__row">
            <button type="button" className="button button--primary" onClick={() => download(`${prepared.stem}.zip`, prepared.zip(), 'application/zip')}>
              Download all (.zip)
            </button>
          </div>
          <h3 className="export__sub">Capture and keys</h3>
          <DownloadList files={prepared.capture} />
          <h3 className="export__sub">Running-configs</h3>
          <DownloadList files={prepared.configs} />
          <h3 className="export__sub">Open it in Wireshark</h3>
          <ol className="export__steps">
            <li>
              Edit › Preferences › Protocols › <b>ESP</b>: tick “Attempt to detect/decode encrypted ESP payloads”, then Edit… the ESP SAs and add each
              line of <code>esp_sa</code>.
            </li>
            <li>
              Protocols › <b>ISAKMP</b> › IKEv1 Decryption Table: add each line of <code>ikev1_decryption_table</code>.
            </li>
            <li>
              Open <code>{prepared.stem}.pcapng</code>: ESP packets now show the packet inside.
            </li>
          </ol>
          <p className="muted">With tshark (bash, in the folder of the files), one option per key line:</p>
          <pre className="export__cmd" tabIndex={0} aria-label="tshark command">{tsharkCommand(prepared.stem)}</pre>
        </>
      )}
    </dialog>
  );
}

function DownloadList({ files }: { files: readonly ExportFile[] }) {
  return (
    <ul className="export__files">
      {files.map((f) => (
        <li key={f.name}>
          <button type="button" className="button button--small" onClick={() => download(f.name, f.data, f.mime)}>
            Download {f.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

function ExportGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M8 1.5v8.5M4.5 6.5L8 10l3.5-3.5M2 11.5v3h12v-3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
