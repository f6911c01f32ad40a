import { describe, expect, it } from 'vitest';
import { inlineCode } from './NotesText';

describe('notes inline code', () => {
  it('marks text between backtick pairs as code', () => {
    expect(inlineCode('use `tunnel mode gre ip` here')).toEqual([
      { text: 'use ', code: false },
      { text: 'tunnel mode gre ip', code: true },
      { text: ' here', code: false },
    ]);
  });

  it('keeps an unpaired backtick as text', () => {
    expect(inlineCode('a `b` c `d')).toEqual([
      { text: 'a ', code: false },
      { text: 'b', code: true },
      { text: ' c ', code: false },
      { text: '`d', code: false },
    ]);
    expect(inlineCode('<img src=x>').map((p) => p.text).join('')).toBe('<img src=x>');
  });
});
