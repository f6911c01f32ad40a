import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { readLabFragment } from '../../lab/link';
import { generateHubSpokeLab } from '../../lab/generate';
import { LINK_WARN_CHARS, linkVerdict, modeLink, shareLink } from './share-link';

describe('share link', () => {
  it('is the page address with the lab in the fragment, dropping the old fragment and modes', () => {
    const link = shareLink(DEFAULT_LAB, 'https://example.org/ts/?embed=1&x=2#lab=1.old');
    expect(link.startsWith('https://example.org/ts/?x=2#lab=1.')).toBe(true);
    const back = readLabFragment(link.slice(link.indexOf('#')));
    expect(back?.ok && back.lab.devices.map((d) => d.name)).toEqual(DEFAULT_LAB.devices.map((d) => d.name));
  });
  it('makes embed and present links that keep the lab', () => {
    const link = shareLink(DEFAULT_LAB, 'http://127.0.0.1:4173/');
    const embed = modeLink(link, 'embed');
    expect(embed).toMatch(/^http:\/\/127\.0\.0\.1:4173\/\?embed=1#lab=1\./);
    expect(embed.slice(embed.indexOf('#'))).toBe(link.slice(link.indexOf('#')));
  });
  it('warns past 2,000 characters and knows when a QR code cannot hold it', () => {
    const short = linkVerdict(shareLink(DEFAULT_LAB, 'http://127.0.0.1:4173/'));
    expect(short.tooLongForChat).toBe(false);
    expect(short.fitsQr).toBe(true);
    expect(linkVerdict('x'.repeat(LINK_WARN_CHARS)).tooLongForChat).toBe(false);
    expect(linkVerdict('x'.repeat(LINK_WARN_CHARS + 1)).tooLongForChat).toBe(true);
    expect(linkVerdict('x'.repeat(3000)).fitsQr).toBe(false);
  });
  it('a 20-device lab stays under the warning on a typical address', () => {
    const lab = generateHubSpokeLab({ spokes: 9, hosts: true, ospf: true });
    const v = linkVerdict(shareLink(lab, 'https://tunnelscope.example.org/'));
    expect(lab.devices).toHaveLength(20);
    expect(v.tooLongForChat).toBe(false);
  });
});
