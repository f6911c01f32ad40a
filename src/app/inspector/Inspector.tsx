// The inspector for the selected moment: what happened here in words, the packet's layers and
// bytes (as on the wire, or decrypted with the run's SA keys when it is ESP), and a before and
// after when this step added or removed a header.
import { useMemo, useState } from 'react';
import type { TraceRecord } from '../../sim';
import type { ByteRange, DissectLayer } from '../../wire/layer';
import { usePlayback } from '../playback/playback-store';
import { formatSimTime } from '../playback/EventList';
import { BandKey, BytesPane } from './BytesPane';
import { keyRing } from './esp-keys';
import { LayerTree } from './LayerTree';
import { bandsFor, decryptedView, dissectPacket, packetAt, packetBefore } from './packet-view';

const POINT_WORDS: Record<TraceRecord['point'], string> = {
  Tx: 'sent a frame',
  Rx: 'received a frame',
  Forward: 'made a routing decision',
  Encap: 'encapsulated the packet',
  Decap: 'decapsulated the packet',
  Arp: 'handled ARP',
  Deliver: 'delivered the packet',
  Originate: 'created a packet',
  Fragment: 'fragmented or reassembled',
  Drop: 'dropped the packet',
};

export function Inspector() {
  const timeline = usePlayback((s) => s.timeline);
  const selected = usePlayback((s) => s.selected);
  const espSa = usePlayback((s) => s.run?.espSa);
  const espView = usePlayback((s) => s.espView);
  const setEspView = usePlayback((s) => s.setEspView);
  const [hover, setHover] = useState<ByteRange | null>(null);
  const ring = useMemo(() => keyRing(espSa ?? []), [espSa]);
  const record = timeline && selected !== null ? timeline.records[selected] : undefined;

  const view = useMemo(() => {
    if (!record) return null;
    const p = packetAt(record);
    if (!p) return { record, p: null };
    const layers = dissectPacket(p, ring);
    const bands = bandsFor(record, p, layers);
    const decrypted = decryptedView(p, layers, ring);
    const before = packetBefore(record);
    const beforeLayers = before ? dissectPacket(before, ring) : null;
    return { record, p, layers, bands, decrypted, before, beforeLayers };
  }, [record, ring]);

  if (!view) {
    return (
      <section className="inspector inspector--empty" aria-label="Packet inspector">
        <p>Select an event to open its packet.</p>
      </section>
    );
  }
  const r = view.record;
  const showDecrypted = espView === 'decrypted' && view.p !== null && view.decrypted?.ok === true;

  return (
    <section className="inspector" aria-label="Packet inspector">
      <p className="inspector__what" data-testid="what-happened">
        <span className="inspector__time">{formatSimTime(r.time)} s</span> <strong>{r.device}</strong> {POINT_WORDS[r.point]}
        {r.ingress ? ` (in ${r.ingress})` : ''}
        {r.egress ? ` (out ${r.egress})` : ''}: {r.decision}
        {r.link ? <span className="inspector__link"> · on {r.link}</span> : null}
      </p>
      {view.p === null ? (
        <p className="inspector__note">This step carries no packet bytes.</p>
      ) : (
        <>
          {view.decrypted && (
            <div className="esp-toggle" role="group" aria-label="ESP view">
              <button type="button" className="button button--small" aria-pressed={espView === 'wire'} onClick={() => setEspView('wire')}>
                As on the wire
              </button>
              <button
                type="button"
                className="button button--small"
                aria-pressed={espView === 'decrypted'}
                disabled={!view.decrypted.ok}
                onClick={() => setEspView('decrypted')}
                title={view.decrypted.ok ? 'Decrypt with a copy of the SA (its replay window is not touched)' : view.decrypted.reason}
              >
                Decrypted with the SA keys
              </button>
              {!view.decrypted.ok && <span className="inspector__note">{view.decrypted.reason}</span>}
            </div>
          )}
          {showDecrypted && view.decrypted?.ok ? (
            <PacketPanes
              key="decrypted"
              title={`Decrypted ESP payload (${view.decrypted.mode} mode, SPI 0x${view.decrypted.spi.toString(16).padStart(8, '0')}), ${view.decrypted.packet.length} bytes`}
              layers={view.decrypted.layers}
              bytes={view.decrypted.packet}
              bands={[]}
              hover={hover}
              setHover={setHover}
            />
          ) : (
            <PacketPanes
              key="wire"
              title={`Packet at this moment, ${view.p.bytes.length} bytes${view.p.first === 'eth' ? ' (Ethernet frame)' : ' (IP packet inside the device)'}`}
              layers={view.layers!}
              bytes={view.p.bytes}
              bands={view.bands!}
              hover={hover}
              setHover={setHover}
            />
          )}
          {view.before && view.beforeLayers && view.before.bytes.length !== view.p.bytes.length && (
            <BeforeAfter before={view.beforeLayers} beforeLength={view.before.bytes.length} after={view.layers!} afterLength={view.p.bytes.length} />
          )}
        </>
      )}
    </section>
  );
}

function PacketPanes(props: { title: string; layers: DissectLayer[]; bytes: Uint8Array; bands: ReturnType<typeof bandsFor>; hover: ByteRange | null; setHover: (r: ByteRange | null) => void }) {
  return (
    <div className="inspector__panes">
      <div className="inspector__tree">
        <h3 className="inspector__heading">{props.title}</h3>
        <LayerTree layers={props.layers} onHover={props.setHover} label="Layers" />
      </div>
      <div className="inspector__bytes">
        <BandKey bands={props.bands} />
        <BytesPane bytes={props.bytes} bands={props.bands} highlight={props.hover} label="Packet bytes" />
      </div>
    </div>
  );
}

/** Layer names in order, marking those present on one side only. */
function BeforeAfter({ before, beforeLength, after, afterLength }: { before: DissectLayer[]; beforeLength: number; after: DissectLayer[]; afterLength: number }) {
  const names = (ls: DissectLayer[]) => ls.map((l) => l.protocol);
  const b = names(before);
  const a = names(after);
  // Layers counted from the inside out: what the shorter side lacks at its outside was added or removed.
  const common = (() => {
    let n = 0;
    while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
    return n;
  })();
  const column = (ls: DissectLayer[], title: string, length: number, changedClass: string) => (
    <div className="before-after__side">
      <h4>
        {title} · {length} bytes
      </h4>
      <ol>
        {ls.map((l, i) => (
          <li key={i} className={i < ls.length - common ? changedClass : undefined}>
            {l.title}
          </li>
        ))}
      </ol>
    </div>
  );
  return (
    <div className="before-after" role="group" aria-label="Before and after this step">
      {column(before, 'Before', beforeLength, 'before-after__removed')}
      <span className="before-after__arrow" aria-hidden="true">
        →
      </span>
      {column(after, 'After', afterLength, 'before-after__added')}
    </div>
  );
}
