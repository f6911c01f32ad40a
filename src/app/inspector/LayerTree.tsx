// The layer tree, Wireshark style: one disclosure per layer, every field with its value. Hovering
// or focusing a field reports its byte range so the bytes pane can highlight it.
import type { ByteRange, DissectField, DissectLayer } from '../../wire/layer';

interface Props {
  layers: DissectLayer[];
  onHover: (range: ByteRange | null) => void;
  /** Prefix for ids, so two trees (before/after, wire/decrypted) never clash. */
  label: string;
}

function FieldRow({ field, onHover }: { field: DissectField; onHover: Props['onHover'] }) {
  const range = { offset: field.offset, length: field.length };
  const bits = field.bitWidth !== undefined ? ` (bits ${field.bitOffset ?? 0}+${field.bitWidth})` : '';
  return (
    <li>
      <div
        className="pkt-field"
        tabIndex={0}
        data-field={field.name}
        data-field-offset={field.offset}
        data-field-length={field.length}
        onMouseEnter={() => onHover(range)}
        onMouseLeave={() => onHover(null)}
        onFocus={() => onHover(range)}
        onBlur={() => onHover(null)}
        title={`bytes ${field.offset}–${field.offset + field.length - 1}${bits}`}
      >
        <span className="pkt-field__name">{field.name}:</span> <span className="pkt-field__value">{field.value}</span>
      </div>
      {field.children && field.children.length > 0 && (
        <ul className="pkt-fields">
          {field.children.map((c, i) => (
            <FieldRow key={i} field={c} onHover={onHover} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function LayerTree({ layers, onHover, label }: Props) {
  return (
    <div className="layer-tree" role="group" aria-label={label}>
      {layers.map((layer, i) => (
        <details key={`${i}-${layer.protocol}`} className="layer" data-protocol={layer.protocol} open>
          <summary
            onMouseEnter={() => onHover({ offset: layer.offset, length: layer.length })}
            onMouseLeave={() => onHover(null)}
          >
            <span className="legend__swatch" data-layer={layer.protocol} aria-hidden="true" />
            {layer.title}
            {layer.problem && <span className="layer__problem"> — {layer.problem}</span>}
          </summary>
          <ul className="pkt-fields">
            {layer.fields.map((f, k) => (
              <FieldRow key={k} field={f} onHover={onHover} />
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
