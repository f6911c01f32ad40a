// The lab as a .json file: save it, and open one (file picker or a drop on the canvas). Every
// opened file goes through parseLabText -> restoreLab, the one door for every load path.
import { parseLabText } from '../../lab/restore';
import { LIMITS } from '../../lab/limits';
import type { LabV1 } from '../../lab/types';
import { download } from '../export/download';
import { openRestoredLab } from './open-lab';

/** A file name from the lab's title: letters, digits and dashes only. */
export function labFileName(lab: LabV1): string {
  const stem = lab.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${stem || 'lab'}.json`;
}

export function labFileText(lab: LabV1): string {
  return `${JSON.stringify(lab, null, 2)}\n`;
}

export function saveLabFile(lab: LabV1): void {
  download(labFileName(lab), new TextEncoder().encode(labFileText(lab)), 'application/json');
}

/** Reads a chosen or dropped file and opens it; a file that is not a lab is refused with the reason. */
export async function openLabFile(file: File): Promise<boolean> {
  const what = `The file ${JSON.stringify(file.name.slice(0, 80))}`;
  // Checked before reading, so a huge file never lands in memory as a string.
  if (file.size > LIMITS.textBytes) {
    return openRestoredLab(
      { ok: false, problems: [{ where: 'file', message: `it is ${Math.round(file.size / 1024)} KB; a lab may be at most ${LIMITS.textBytes / 1024 / 1024} MB` }] },
      what,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return openRestoredLab({ ok: false, problems: [{ where: 'file', message: 'it is not a text file (a lab is JSON text)' }] }, what);
  }
  return openRestoredLab(parseLabText(text, 'file'), what);
}
