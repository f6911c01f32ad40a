// A QR code of the share link as SVG rectangles (no HTML strings). Loaded lazily: the QR encoder
// is only needed when the dialog asks for it. qrcode-generator: zero dependencies, MIT, ~20 KB,
// maintained since 2009; it encodes up to version 40 and gives us the module matrix to draw.
import qrcode from 'qrcode-generator';

export interface QrMatrix {
  size: number;
  /** One SVG path drawing every dark module, one unit per module. */
  path: string;
}

export function qrMatrix(text: string): QrMatrix {
  // Low error correction holds the most: a projected code is clean, not scuffed.
  const qr = qrcode(0, 'L');
  // Share links are ASCII (URL.toString percent-encodes the rest), one byte per character.
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) if (qr.isDark(row, col)) path += `M${col} ${row}h1v1h-1z`;
  }
  return { size, path };
}
