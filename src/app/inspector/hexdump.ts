// The bytes pane as data: rows of 16 bytes with offset, hex and printable ASCII, and per byte the
// bands (added here, encrypted, authenticated) and whether the hovered field covers it.
import type { ByteRange } from '../../wire/layer';

export const ROW_WIDTH = 16;

export interface HexRow {
  offset: number;
  /** "0000", "0010", ... as Wireshark prints offsets. */
  label: string;
  bytes: number[];
}

export function hexRows(bytes: Uint8Array, width = ROW_WIDTH): HexRow[] {
  const rows: HexRow[] = [];
  for (let at = 0; at < bytes.length; at += width) {
    rows.push({ offset: at, label: at.toString(16).padStart(4, '0'), bytes: Array.from(bytes.subarray(at, at + width)) });
  }
  return rows;
}

export const hexByte = (b: number): string => b.toString(16).padStart(2, '0');

/** Printable ASCII or '.', as the ASCII column of Wireshark and hexdump -C. */
export const asciiByte = (b: number): string => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.');

export type BandKind = 'added' | 'encrypted' | 'authenticated';

export interface Band extends ByteRange {
  kind: BandKind;
}

/** The bands covering each byte, as a space-separated list (a data attribute per byte). */
export function bandsPerByte(length: number, bands: readonly Band[]): string[] {
  const out: string[][] = Array.from({ length }, () => []);
  for (const band of bands) {
    const end = Math.min(length, band.offset + band.length);
    for (let i = Math.max(0, band.offset); i < end; i++) if (!out[i]!.includes(band.kind)) out[i]!.push(band.kind);
  }
  return out.map((b) => b.join(' '));
}

/** Whether byte `i` lies in `range` (a hovered field). */
export const inRange = (i: number, range: ByteRange | null): boolean => range !== null && i >= range.offset && i < range.offset + range.length;
