import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { escapeXml, topologySvg } from './picture';

describe('topology picture', () => {
  it('draws every device, both ends of every link and the tunnel of the default lab', () => {
    const { svg, width, height } = topologySvg(DEFAULT_LAB);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const d of DEFAULT_LAB.devices) expect(svg).toContain(`>${d.name}</text>`);
    expect(svg.match(/<line /g)).toHaveLength(DEFAULT_LAB.links.length);
    expect(svg).toContain('>Gi1</text>');
    expect(svg).toContain('>R1 Tu0 – R2 Tu0 · IPsec VTI</text>');
    expect(width).toBeGreaterThan(200);
    expect(height).toBeGreaterThan(100);
  });
  it('escapes names and titles, so a hostile lab cannot put markup in the picture', () => {
    expect(escapeXml(`<img src=x onerror="alert(1)">&'`)).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&apos;');
    const { svg } = topologySvg({ ...DEFAULT_LAB, title: '<script>alert(1)</script>' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});
