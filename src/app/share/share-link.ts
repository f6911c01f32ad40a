// The share link of a lab: this page's address with the lab in the fragment. Chat apps and some
// mail clients cut links past about 2,000 characters, so the dialog warns beyond that; a QR code
// holds at most 2,953 bytes (version 40, low error correction).
import { labToFragment } from '../../lab/link';
import type { LabV1 } from '../../lab/types';

export const LINK_WARN_CHARS = 2000;
export const QR_MAX_BYTES = 2953;

/** `pageUrl` is the app's address; its own fragment and ?embed/?present are dropped. */
export function shareLink(lab: LabV1, pageUrl: string): string {
  const url = new URL(pageUrl);
  url.hash = '';
  url.searchParams.delete('embed');
  url.searchParams.delete('present');
  return `${url.toString().replace(/#$/, '')}${labToFragment(lab)}`;
}

/** The same link, opening in a mode: `?embed=1` for a course page's iframe. */
export function modeLink(link: string, mode: 'embed' | 'present'): string {
  const hash = link.indexOf('#');
  const url = new URL(hash < 0 ? link : link.slice(0, hash));
  url.searchParams.set(mode, '1');
  return `${url.toString()}${hash < 0 ? '' : link.slice(hash)}`;
}

export interface LengthVerdict {
  chars: number;
  tooLongForChat: boolean;
  fitsQr: boolean;
}

export function linkVerdict(link: string): LengthVerdict {
  return { chars: link.length, tooLongForChat: link.length > LINK_WARN_CHARS, fitsQr: new TextEncoder().encode(link).length <= QR_MAX_BYTES };
}
