// Which lab the app opens with. Precedence: a #lab= share link, then the autosave, then the
// built-in default lab. Every source goes through restoreLab(), and a source that fails to load
// is reported and skipped, so the user always gets the best lab that did load.
import { restoreLab, parseLabText } from '../../lab/restore';
import { readLabFragment } from '../../lab/link';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import type { LabProblem, LabV1 } from '../../lab/types';
import { loadWarningNotice } from './load-warnings';

export const AUTOSAVE_KEY = 'tunnelscope:autosave';

export interface StartupNotice {
  title: string;
  problems: LabProblem[];
}

export interface StartupChoice {
  lab: LabV1;
  /** Documents to put on the undo stack: the lab a share link replaced, so nothing is lost. */
  past: LabV1[];
  notices: StartupNotice[];
  source: 'link' | 'storage' | 'builtin';
}

export interface StartupInputs {
  hash: string;
  stored: string | null;
}

export function chooseStartupLab({ hash, stored }: StartupInputs): StartupChoice {
  const notices: StartupNotice[] = [];
  let base: LabV1 = builtinLab();
  let source: StartupChoice['source'] = 'builtin';

  if (stored !== null) {
    const saved = parseLabText(stored, 'storage');
    if (saved.ok) {
      base = saved.lab;
      source = 'storage';
    } else {
      notices.push({ title: 'The autosaved lab could not be restored, so the built-in lab is open instead.', problems: saved.problems });
    }
  }

  const linked = readLabFragment(hash);
  if (linked === null) return { lab: base, past: [], notices, source };
  if (!linked.ok) {
    notices.push({ title: 'The lab in this link could not be opened. Your current lab is unchanged.', problems: linked.problems });
    return { lab: base, past: [], notices, source };
  }
  const warned = loadWarningNotice('The lab in this link', linked.warnings);
  if (warned) notices.push(warned);
  return { lab: linked.lab, past: [base], notices, source: 'link' };
}

/** The built-in lab also passes through restoreLab, like every other source. */
function builtinLab(): LabV1 {
  const result = restoreLab(DEFAULT_LAB, 'builtin');
  return result.ok ? result.lab : DEFAULT_LAB;
}
