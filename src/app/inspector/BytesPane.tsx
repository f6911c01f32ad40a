// Offset, hex and ASCII, 16 bytes a row. Each byte carries data attributes for its bands
// (added here / encrypted / authenticated) and whether the hovered field covers it, so the
// colours come from CSS and tests can read the highlight.
import { memo } from 'react';
import type { ByteRange } from '../../wire/layer';
import { asciiByte, bandsPerByte, hexByte, hexRows, inRange, type Band } from './hexdump';

interface Props {
  bytes: Uint8Array;
  bands: Band[];
  highlight: ByteRange | null;
  label: string;
}

function BytesPaneView({ bytes, bands, highlight, label }: Props) {
  const per = bandsPerByte(bytes.length, bands);
  return (
    <div className="bytes" role="group" aria-label={label}>
      {hexRows(bytes).map((row) => (
        <div key={row.offset} className="bytes__row">
          <span className="bytes__offset">{row.label}</span>
          <span className="bytes__hex">
            {row.bytes.map((b, k) => {
              const i = row.offset + k;
              return (
                <span key={k} className="byte" data-offset={i} data-band={per[i] || undefined} data-highlighted={inRange(i, highlight) ? 'true' : undefined}>
                  {hexByte(b)}
                </span>
              );
            })}
          </span>
          <span className="bytes__ascii" aria-hidden="true">
            {row.bytes.map((b, k) => {
              const i = row.offset + k;
              return (
                <span key={k} data-band={per[i] || undefined} data-highlighted={inRange(i, highlight) ? 'true' : undefined}>
                  {asciiByte(b)}
                </span>
              );
            })}
          </span>
        </div>
      ))}
    </div>
  );
}

export const BytesPane = memo(BytesPaneView);

export function BandKey({ bands }: { bands: Band[] }) {
  const kinds = new Set(bands.map((b) => b.kind));
  if (kinds.size === 0) return null;
  const text: Record<Band['kind'], string> = { added: 'added at this hop', encrypted: 'encrypted', authenticated: 'authenticated (ICV)' };
  return (
    <ul className="band-key" aria-label="Byte colours">
      {(['added', 'encrypted', 'authenticated'] as const)
        .filter((k) => kinds.has(k))
        .map((k) => (
          <li key={k}>
            <span className="band-key__swatch" data-band={k} aria-hidden="true" />
            {text[k]}
          </li>
        ))}
    </ul>
  );
}
