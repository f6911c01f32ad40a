// The share link: the whole lab in the URL fragment, `#lab=` + a version marker + base64url of the
// raw-DEFLATE-compressed lab JSON (DESIGN.md "The share link"). No server sees it.
// To stay short the JSON omits what the marker implies ("format" and "version"), and DEFLATE
// starts from a preset dictionary of IOS words (link-dictionary.ts).
import { Inflate, deflateSync } from 'fflate';
import { LIMITS } from './limits';
import { LINK_DICTIONARY } from './link-dictionary';
import { restoreLab } from './restore';
import type { Lab, RestoreResult } from './types';

const PREFIX = '#lab=';
/** Link encoding version 1: "1." then base64url(raw DEFLATE with LINK_DICTIONARY of a v1 lab's JSON without format/version). */
const V1 = '1.';
/** A fragment longer than this is refused before decoding (a 5 MB link must not hang the tab). */
const MAX_FRAGMENT_CHARS = 512 * 1024;

export function labToFragment(lab: Lab): string {
  const { format: _format, version: _version, ...body } = lab;
  const json = new TextEncoder().encode(JSON.stringify(body));
  return `${PREFIX}${V1}${toBase64Url(deflateSync(json, { level: 9, mem: 12, dictionary: LINK_DICTIONARY }))}`;
}

/** null when the hash carries no lab; otherwise the restore result, refused with a clear reason. */
export function readLabFragment(hash: string): RestoreResult | null {
  const at = hash.indexOf('lab=');
  if (!hash.startsWith(PREFIX) && !hash.startsWith('lab=') && at < 0) return null;
  const payload = hash.slice(at + 4);
  return decodeLabPayload(payload);
}

function decodeLabPayload(payload: string): RestoreResult {
  const refuse = (message: string): RestoreResult => ({ ok: false, problems: [{ where: 'link', message }] });
  if (payload.length > MAX_FRAGMENT_CHARS) {
    return refuse(`the link is ${Math.round(payload.length / 1024)} KB long; a lab link is at most ${MAX_FRAGMENT_CHARS / 1024} KB`);
  }
  const dot = payload.indexOf('.');
  if (dot < 0) return refuse('the link has no version marker; it may have been cut short or edited');
  const version = payload.slice(0, dot + 1);
  if (version !== V1) {
    return refuse(`the link uses encoding version ${JSON.stringify(payload.slice(0, Math.min(dot, 8)))}, which this Tunnelscope does not know`);
  }
  const bytes = fromBase64Url(payload.slice(dot + 1));
  if (!bytes) return refuse('the link is damaged: it contains characters that base64url does not use');
  const json = inflateBounded(bytes, LIMITS.textBytes);
  if (json === 'too-large') return refuse('the link expands to more than a lab may hold');
  if (json === 'damaged') return refuse('the link is damaged: its compressed data does not decode (was it cut short?)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return refuse('the link is damaged: its data is not text');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse('the link is damaged: its lab is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse('the link does not hold a lab');
  return restoreLab({ ...body, format: 'tunnelscope-lab', version: 1 }, 'link');
}

/** Inflates in slices and stops past `limit`, so a small "zip bomb" link cannot exhaust memory. */
function inflateBounded(bytes: Uint8Array, limit: number): Uint8Array | 'too-large' | 'damaged' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate({ dictionary: LINK_DICTIONARY }, (chunk, final) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    const SLICE = 4096;
    for (let i = 0; i < bytes.length && total <= limit; i += SLICE) {
      inflater.push(bytes.subarray(i, i + SLICE), i + SLICE >= bytes.length);
    }
  } catch {
    return 'damaged';
  }
  if (total > limit) return 'too-large';
  if (!finished) return 'damaged';
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
