// A link pasted into the share dialog (from a chat, a slide): read like the address bar's link,
// through readLabFragment -> restoreLab, and opened as one undoable step.
import { readLabFragment } from '../../lab/link';
import { openRestoredLab } from './open-lab';

export function openLinkText(text: string): boolean {
  const trimmed = text.trim();
  const at = trimmed.indexOf('#');
  const fragment = at >= 0 ? trimmed.slice(at) : `#${trimmed.replace(/^#/, '')}`;
  const result = readLabFragment(fragment) ?? { ok: false as const, problems: [{ where: 'link', message: 'it is not a Tunnelscope link (it has no #lab= part)' }] };
  return openRestoredLab(result, 'The lab in this link');
}
