import { describe, expect, it } from 'vitest';
import { qrMatrix } from './qr';

describe('QR code of a link', () => {
  it('draws a square matrix with the three finder patterns', () => {
    const { size, path } = qrMatrix('https://tunnelscope.example/#lab=1.abc');
    expect(size).toBeGreaterThanOrEqual(21);
    expect((size - 17) % 4).toBe(0);
    // Top-left, top-right and bottom-left corners are dark (finder patterns).
    for (const [x, y] of [[0, 0], [size - 1, 0], [0, size - 1]]) expect(path).toContain(`M${x} ${y}h1v1h-1z`);
    expect(path).not.toContain(`M${size - 1} ${size - 1}h1`);
  });
  it('fits a 2,000-character link', () => {
    expect(qrMatrix(`https://x.example/#lab=1.${'A'.repeat(2000)}`).size).toBeLessThanOrEqual(177);
  });
});
