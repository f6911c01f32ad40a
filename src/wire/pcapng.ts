// pcapng writer (and a small reader for tests and imports), little-endian, per
// draft-ietf-opsawg-pcapng: a Section Header Block, one Interface Description Block per capture
// point (if_name, if_tsresol), then Enhanced Packet Blocks.
// Timestamps are simulated time in MICROSECONDS (if_tsresol = 6), the unit of src/sim's clock.
// Every block: type, total length, body padded to 32 bits, total length again.
import { fail, ok, type ParseResult } from './layer';

export const LINKTYPE_ETHERNET = 1;
const SHB = 0x0a0d0d0a;
const IDB = 0x00000001;
const EPB = 0x00000006;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const OPT_END = 0;
const OPT_COMMENT = 1;
const SHB_USERAPPL = 4;
const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const IF_TSRESOL = 9;
const TSRESOL_MICROSECONDS = 6;

export interface CaptureInterface {
  /** Shown by Wireshark as the interface name, e.g. "R1 GigabitEthernet1 - R2 GigabitEthernet1". */
  name: string;
  description?: string;
  linkType?: number;
  /** 0 means no limit. */
  snapLength?: number;
}

export interface CapturedPacket {
  interfaceId: number;
  /** Simulated time in microseconds since the start of the capture. */
  timestampUs: number;
  data: Uint8Array;
  /** Length on the wire if `data` is cut short; defaults to data.length. */
  originalLength?: number;
  comment?: string;
}

export interface PcapngOptions {
  application?: string;
}

const encoder = new TextEncoder();
const pad4 = (n: number) => (n + 3) & ~3;

/** Writes a whole capture file. Packets go out in the order given (callers sort by time). */
export function writePcapng(interfaces: CaptureInterface[], packets: CapturedPacket[], opts: PcapngOptions = {}): Uint8Array {
  const blocks: Uint8Array[] = [sectionHeader(opts.application ?? 'Tunnelscope')];
  for (const i of interfaces) blocks.push(interfaceDescription(i));
  for (const p of packets) {
    if (p.interfaceId < 0 || p.interfaceId >= interfaces.length) throw new RangeError(`packet names interface ${p.interfaceId}; ${interfaces.length} declared`);
    blocks.push(enhancedPacket(p));
  }
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

type Option = { code: number; value: Uint8Array };

function optionsBytes(options: Option[]): Uint8Array {
  if (options.length === 0) return new Uint8Array(0);
  const len = options.reduce((n, o) => n + 4 + pad4(o.value.length), 0) + 4;
  const out = new Uint8Array(len);
  const v = new DataView(out.buffer);
  let at = 0;
  for (const o of options) {
    v.setUint16(at, o.code, true);
    v.setUint16(at + 2, o.value.length, true);
    out.set(o.value, at + 4);
    at += 4 + pad4(o.value.length);
  }
  v.setUint16(at, OPT_END, true); // opt_endofopt: code 0, length 0
  return out;
}

/** type | total length | body (fixed part + padded data + options) | total length */
function block(type: number, fixed: Uint8Array, options: Option[]): Uint8Array {
  const opts = optionsBytes(options);
  const total = 8 + pad4(fixed.length) + opts.length + 4;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setUint32(0, type, true);
  v.setUint32(4, total, true);
  out.set(fixed, 8);
  out.set(opts, 8 + pad4(fixed.length));
  v.setUint32(total - 4, total, true);
  return out;
}

function sectionHeader(application: string): Uint8Array {
  const fixed = new Uint8Array(16);
  const v = new DataView(fixed.buffer);
  v.setUint32(0, BYTE_ORDER_MAGIC, true);
  v.setUint16(4, 1, true); // major version
  v.setUint16(6, 0, true); // minor version
  v.setBigInt64(8, -1n, true); // section length not given
  return block(SHB, fixed, [{ code: SHB_USERAPPL, value: encoder.encode(application) }]);
}

function interfaceDescription(i: CaptureInterface): Uint8Array {
  const fixed = new Uint8Array(8);
  const v = new DataView(fixed.buffer);
  v.setUint16(0, i.linkType ?? LINKTYPE_ETHERNET, true);
  v.setUint32(4, i.snapLength ?? 0, true);
  const options: Option[] = [{ code: IF_NAME, value: encoder.encode(i.name) }];
  if (i.description) options.push({ code: IF_DESCRIPTION, value: encoder.encode(i.description) });
  options.push({ code: IF_TSRESOL, value: Uint8Array.of(TSRESOL_MICROSECONDS) });
  return block(IDB, fixed, options);
}

function enhancedPacket(p: CapturedPacket): Uint8Array {
  const fixed = new Uint8Array(20 + p.data.length);
  const v = new DataView(fixed.buffer);
  const t = Math.max(0, Math.floor(p.timestampUs));
  v.setUint32(0, p.interfaceId, true);
  v.setUint32(4, Math.floor(t / 2 ** 32), true);
  v.setUint32(8, t >>> 0, true);
  v.setUint32(12, p.data.length, true);
  v.setUint32(16, p.originalLength ?? p.data.length, true);
  fixed.set(p.data, 20);
  return block(EPB, fixed, p.comment ? [{ code: OPT_COMMENT, value: encoder.encode(p.comment) }] : []);
}

// ---- reader ----------------------------------------------------------------------------------

export interface PcapngCapture {
  interfaces: CaptureInterface[];
  packets: CapturedPacket[];
}

const decoder = new TextDecoder();

/**
 * Reads what writePcapng writes (one little-endian section; SHB, IDB and EPB; other blocks
 * skipped). Never throws: a damaged file gives a reason.
 */
export function readPcapng(bytes: Uint8Array): ParseResult<PcapngCapture> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const interfaces: CaptureInterface[] = [];
  const packets: CapturedPacket[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (bytes.length - at < 12) return fail(`pcapng: truncated block at ${at}`);
    const type = v.getUint32(at, true);
    const total = v.getUint32(at + 4, true);
    if (total < 12 || total % 4 !== 0 || at + total > bytes.length) return fail(`pcapng: bad block length ${total} at ${at}`);
    if (v.getUint32(at + total - 4, true) !== total) return fail(`pcapng: trailing length mismatch at ${at}`);
    const body = bytes.subarray(at + 8, at + total - 4);
    if (at === 0 && type !== SHB) return fail('pcapng: does not start with a section header');
    if (type === SHB) {
      if (body.length < 16 || v.getUint32(at + 8, true) !== BYTE_ORDER_MAGIC) return fail('pcapng: not a little-endian section header');
    } else if (type === IDB) {
      if (body.length < 8) return fail(`pcapng: short interface block at ${at}`);
      const opts = readOptions(body.subarray(8));
      if (!opts) return fail(`pcapng: bad options at ${at}`);
      const i: CaptureInterface = { name: decoder.decode(opts.get(IF_NAME) ?? new Uint8Array(0)), linkType: v.getUint16(at + 8, true), snapLength: v.getUint32(at + 12, true) };
      const d = opts.get(IF_DESCRIPTION);
      if (d) i.description = decoder.decode(d);
      interfaces.push(i);
    } else if (type === EPB) {
      if (body.length < 20) return fail(`pcapng: short packet block at ${at}`);
      const interfaceId = v.getUint32(at + 8, true);
      if (interfaceId >= interfaces.length) return fail(`pcapng: packet on undeclared interface ${interfaceId}`);
      const caplen = v.getUint32(at + 20, true);
      if (20 + pad4(caplen) > body.length) return fail(`pcapng: packet length ${caplen} overruns its block at ${at}`);
      const opts = readOptions(body.subarray(20 + pad4(caplen)));
      if (!opts) return fail(`pcapng: bad options at ${at}`);
      const p: CapturedPacket = {
        interfaceId,
        timestampUs: v.getUint32(at + 12, true) * 2 ** 32 + v.getUint32(at + 16, true),
        data: body.slice(20, 20 + caplen),
        originalLength: v.getUint32(at + 24, true),
      };
      const c = opts.get(OPT_COMMENT);
      if (c) p.comment = decoder.decode(c);
      packets.push(p);
    }
    at += total;
  }
  if (at === 0) return fail('pcapng: empty');
  return ok({ interfaces, packets });
}

function readOptions(b: Uint8Array): Map<number, Uint8Array> | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out = new Map<number, Uint8Array>();
  let at = 0;
  while (at + 4 <= b.length) {
    const code = v.getUint16(at, true);
    const len = v.getUint16(at + 2, true);
    if (code === OPT_END) return out;
    if (at + 4 + len > b.length) return undefined;
    out.set(code, b.subarray(at + 4, at + 4 + len));
    at += 4 + pad4(len);
  }
  return at === b.length ? out : undefined;
}
