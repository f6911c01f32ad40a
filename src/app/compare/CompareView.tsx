// The compare view: the same inner packet under every encapsulation, as the engine builds it.
// Bars are the measured parts of each built packet; totals, overhead and the plaintext MTU come
// from the built bytes, for the transform set and packet size the learner picks.
import { useEffect, useMemo, useRef, useState } from 'react';
import { CIPHER_CHOICES, INTEGRITY_CHOICES, compareRows, iosPlaintextMtu, validTransform, type TransformChoice } from './compare-model';
import type { EspCipherId, EspIntegrityId } from '../../crypto/esp-transforms';
import { CapabilityTable } from './CapabilityTable';
import './compare.css';

export default function CompareView({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<TransformChoice>({ cipher: 'esp-aes', integrity: 'esp-sha-hmac' });
  const [size, setSize] = useState(100);
  const t = validTransform(choice);
  const rows = useMemo(() => compareRows(Math.max(64, Math.min(1400, size)), t), [size, t.cipher, t.integrity]); // eslint-disable-line react-hooks/exhaustive-deps
  const widest = Math.max(...rows.map((r) => r.total));
  const aead = CIPHER_CHOICES.find((c) => c.id === t.cipher)?.aead ?? false;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  return (
    <dialog ref={dialog} className="compare" aria-labelledby="compare-title" onClose={onClose} onCancel={onClose}>
      <header className="compare__head">
        <h2 id="compare-title">Compare encapsulations</h2>
        <label>
          <span>Cipher</span>
          <select aria-label="ESP cipher" value={t.cipher} onChange={(e) => setChoice({ ...choice, cipher: e.target.value as EspCipherId })}>
            {CIPHER_CHOICES.map((c) => (
              <option key={c.id} value={c.id}>
                {c.showName}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Integrity</span>
          <select
            aria-label="ESP integrity"
            value={t.integrity ?? ''}
            disabled={aead}
            onChange={(e) => setChoice({ ...choice, integrity: (e.target.value || null) as EspIntegrityId | null })}
          >
            <option value="">{aead ? 'built into GCM' : 'none'}</option>
            {INTEGRITY_CHOICES.map((i) => (
              <option key={i.id} value={i.id}>
                {i.iosName}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Inner packet</span>
          <input type="number" min={64} max={1400} value={size} onChange={(e) => setSize(Number(e.target.value) || 100)} aria-label="Inner packet size in bytes" />
          <span>bytes</span>
        </label>
        <button type="button" className="button" onClick={() => dialog.current?.close()} autoFocus>
          Close
        </button>
      </header>
      <p className="compare__note">
        Each bar is a packet the engine built: an ICMP echo of {size} bytes wrapped by the real GRE and ESP code with the transform set{' '}
        <code>
          {t.cipher}
          {t.integrity ? ` ${t.integrity}` : ''}
        </code>
        . Largest inner packet: the biggest IP packet that still fits a 1500-byte path through the tunnel, found by building. IOS&rsquo;s{' '}
        <code>show crypto ipsec sa</code> prints <code>plaintext mtu</code>, the biggest packet IPsec itself can take: for a VTI the same
        number, for GRE over IPsec 24 bytes more, because there the plaintext is the GRE packet (delivery IP header and GRE header included).
      </p>
      <table className="compare__table">
        <thead>
          <tr>
            <th scope="col">Encapsulation</th>
            <th scope="col">Bytes per layer</th>
            <th scope="col">Total</th>
            <th scope="col">Overhead</th>
            <th scope="col">Largest inner packet</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.variant}-${r.natT}`} data-variant={r.variant} data-nat-t={r.natT}>
              <th scope="row">
                {r.title}
                <div className="compare__config">{r.config}</div>
              </th>
              <td>
                <div className="compare__bar" style={{ width: `${(100 * r.total) / widest}%` }}>
                  {r.segments.map((s, i) => (
                    <span
                      key={i}
                      className="compare__segment"
                      data-segment={s.kind}
                      data-bytes={s.bytes}
                      data-encrypted={s.encrypted || undefined}
                      style={{ flexGrow: s.bytes }}
                      title={`${s.label}: ${s.bytes} bytes${s.encrypted ? ' (encrypted)' : ''}`}
                    >
                      {s.bytes >= 8 ? s.bytes : ''}
                    </span>
                  ))}
                </div>
              </td>
              <td className="num" data-total={r.total}>
                {r.total}
              </td>
              <td className="num" data-overhead={r.overhead}>
                +{r.overhead}
              </td>
              <td className="num" data-mtu={r.plaintextMtu}>
                {r.plaintextMtu}
                {iosPlaintextMtu(r) !== undefined && <div className="compare__config">IOS plaintext mtu {iosPlaintextMtu(r)}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="compare__key" aria-label="Bar colours">
        {(
          [
            ['outer-ip', 'Outer IPv4'],
            ['udp', 'UDP 4500 (NAT-T)'],
            ['esp-header', 'ESP header'],
            ['esp-iv', 'IV'],
            ['delivery-ip', 'GRE delivery IPv4'],
            ['gre', 'GRE'],
            ['inner', 'Inner packet'],
            ['esp-trailer', 'ESP padding + trailer'],
            ['esp-icv', 'ICV'],
          ] as const
        ).map(([k, label]) => (
          <li key={k}>
            <span className="compare__segment compare__swatch" data-segment={k} aria-hidden="true" />
            {label}
          </li>
        ))}
        <li>
          <span className="compare__swatch compare__swatch--encrypted" aria-hidden="true" />
          hatched: encrypted
        </li>
      </ul>
      <CapabilityTable onShown={() => dialog.current?.close()} />
    </dialog>
  );
}

