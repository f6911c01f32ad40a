// The topology as a picture for slides and handouts: a standalone SVG drawn from the lab itself
// (devices, links with their interface names, tunnels), not a screenshot of the canvas, so it is
// crisp at any size and carries no editing chrome. PNG is the same SVG rasterised at 2x.
// Light colours always: a picture goes on a white slide whatever theme the editor is in.
import { shortInterfaceName, splitEndpoint } from '../../lab/names';
import type { DeviceKind, LabV1 } from '../../lab/types';
import { findTunnels } from '../canvas/tunnels';
import { ICON_CENTRE, NODE_WIDTH } from '../canvas/geometry';

const ICON = 56;
const MARGIN = 48;
const TITLE_HEIGHT = 40;
const BOW = 90;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

// The canvas icons (canvas/icons.tsx) with the light theme's colours, drawn in a 64x64 box.
const ICONS: Record<DeviceKind, string> = {
  router:
    '<path d="M6 26v14c0 7.2 11.6 13 26 13s26-5.8 26-13V26" fill="#154f99"/><ellipse cx="32" cy="26" rx="26" ry="13" fill="#1f6fd1"/>' +
    '<g fill="#fff"><path d="M29.5 26l-7-3.2v2h-8v2.4h8v2z"/><path d="M34.5 26l7 3.2v-2h8v-2.4h-8v-2z"/>' +
    '<path d="M32 24.2l3.6-5.4h-2.3v-4.4h-2.6v4.4h-2.3z" transform="rotate(180 32 19.3)"/><path d="M32 27.8l3.6 5.4h-2.3v4.4h-2.6v-4.4h-2.3z" transform="rotate(180 32 32.7)"/></g>',
  host:
    '<rect x="6" y="9" width="52" height="35" rx="4" fill="#2b3a4d"/><rect x="10" y="13" width="44" height="27" rx="2" fill="#d9f3e8"/>' +
    '<path d="M14 19h20M14 25h28M14 31h16" stroke="#0f8a5f" stroke-width="2.5" stroke-linecap="round"/><path d="M26 44h12l2 8H24z" fill="#2b3a4d"/><rect x="17" y="52" width="30" height="4" rx="2" fill="#2b3a4d"/>',
  nat:
    '<rect x="5" y="12" width="54" height="40" rx="6" fill="#c2570c" stroke="#8f3d05" stroke-width="3"/>' +
    '<g fill="#fff"><path d="M14 24.5h26v-5l10 7.5-10 7.5v-5H14z"/><path d="M50 38h-26v-5l-10 7.5 10 7.5v-5h26z"/></g>',
};

/** Escapes text for SVG/XML: device names and titles come from untrusted labs. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface Picture {
  svg: string;
  width: number;
  height: number;
}

export function topologySvg(lab: LabV1): Picture {
  const centre = new Map(lab.devices.map((d) => [d.name, { x: d.x + ICON_CENTRE.x, y: d.y + ICON_CENTRE.y }]));
  const xs = lab.devices.flatMap((d) => [d.x, d.x + NODE_WIDTH]);
  const ys = lab.devices.flatMap((d) => [d.y, d.y + ICON_CENTRE.y + ICON / 2 + 26]);
  // The tunnels bow up to BOW above the devices; leave room for them and their labels.
  const minX = (xs.length ? Math.min(...xs) : 0) - MARGIN;
  const minY = (ys.length ? Math.min(...ys) : 0) - MARGIN - TITLE_HEIGHT - BOW / 2;
  const maxX = (xs.length ? Math.max(...xs) : NODE_WIDTH) + MARGIN;
  const maxY = (ys.length ? Math.max(...ys) : 0) + MARGIN;
  const width = Math.round(maxX - minX);
  const height = Math.round(maxY - minY);
  const parts: string[] = [];

  parts.push(`<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (lab.title) {
    parts.push(`<text x="${minX + MARGIN / 2}" y="${minY + MARGIN / 2 + 14}" font-size="20" font-weight="600" fill="#16202e">${escapeXml(lab.title)}</text>`);
  }

  for (const t of findTunnels(lab)) {
    const a = centre.get(t.a);
    const b = centre.get(t.b);
    if (!a || !b) continue;
    // Bowed away from the physical links, as the canvas draws it.
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2 - BOW;
    parts.push(`<path d="M${a.x} ${a.y}Q${mx} ${my} ${b.x} ${b.y}" fill="none" stroke="#7c3aed" stroke-width="3" stroke-dasharray="8 6"/>`);
    const ends = `${t.a} ${shortInterfaceName(t.aIface)} – ${t.b} ${t.bIface ? shortInterfaceName(t.bIface) : '?'}`;
    parts.push(label(mx, (a.y + b.y) / 2 - BOW / 2, `${ends} · ${t.kind}`, '#5b21b6', '#f3edff'));
  }

  for (const link of lab.links) {
    const ea = splitEndpoint(link.a);
    const eb = splitEndpoint(link.b);
    const a = ea && centre.get(ea.device);
    const b = eb && centre.get(eb.device);
    if (!ea || !eb || !a || !b) continue;
    parts.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="#5b6b80" stroke-width="2.5"/>`);
    // Interface names a third of the way along, outside the icons.
    const at = (from: { x: number; y: number }, to: { x: number; y: number }) => ({ x: from.x + (to.x - from.x) * 0.3, y: from.y + (to.y - from.y) * 0.3 });
    const la = at(a, b);
    const lb = at(b, a);
    parts.push(label(la.x, la.y, shortInterfaceName(ea.iface), '#1c2a3c', '#ffffff'));
    parts.push(label(lb.x, lb.y, shortInterfaceName(eb.iface), '#1c2a3c', '#ffffff'));
  }

  for (const d of lab.devices) {
    const c = centre.get(d.name)!;
    parts.push(`<g transform="translate(${c.x - ICON / 2} ${c.y - ICON / 2}) scale(${ICON / 64})">${ICONS[d.kind]}</g>`);
    parts.push(`<text x="${c.x}" y="${c.y + ICON / 2 + 18}" text-anchor="middle" font-size="15" font-weight="600" fill="#16202e">${escapeXml(d.name)}</text>`);
  }

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" font-family="${FONT}">` +
    `<title>${escapeXml(lab.title || 'Tunnelscope lab')}</title>${parts.join('')}</svg>\n`;
  return { svg, width, height };
}

function label(x: number, y: number, text: string, colour: string, background: string): string {
  const w = text.length * 7 + 10;
  return (
    `<rect x="${x - w / 2}" y="${y - 10}" width="${w}" height="20" rx="4" fill="${background}" stroke="#d5dce6"/>` +
    `<text x="${x}" y="${y + 4.5}" text-anchor="middle" font-size="12" fill="${colour}">${escapeXml(text)}</text>`
  );
}

/** Rasterises the SVG in the browser (2x for projectors and retina slides). */
export async function topologyPng(picture: Picture, scale = 2): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = picture.width * scale;
    canvas.height = picture.height * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw a picture');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the picture could not be encoded as PNG');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
