// Lab notes are Markdown-ish text from a file or link, so they are never parsed as HTML. This
// renders the two things notes use most, paragraphs and `inline code`, as React text nodes;
// everything else shows as the characters it is.
import { Fragment } from 'react';

/** Splits on backticks: odd pieces are code, unless the last backtick has no partner. */
export function inlineCode(paragraph: string): { text: string; code: boolean }[] {
  const parts = paragraph.split('`');
  const paired = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  return parts.map((text, i) => {
    if (i % 2 === 1 && i < paired) return { text, code: true };
    return { text: i % 2 === 1 ? `\`${text}` : text, code: false };
  });
}

export function NotesText({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <div className="notes">
      {paragraphs.map((paragraph, i) => (
        <p key={i}>
          {inlineCode(paragraph).map((piece, j) => (piece.code ? <code key={j}>{piece.text}</code> : <Fragment key={j}>{piece.text}</Fragment>))}
        </p>
      ))}
    </div>
  );
}
