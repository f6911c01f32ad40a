// A form's command lines become one undoable document change: parse the device's config text,
// run the lines through the shared grammar (config-script.ts), render the model back to
// running-config text with src/ios renderConfig, and dispatch one `setConfig` action.
import { parseConfig, renderConfig } from '../../ios';
import type { LabV1 } from '../../lab/types';
import type { DispatchResult } from '../state/document-store';
import type { LabAction } from '../../lab/actions';
import { runConfigScript } from './config-script';

export type ApplyOutcome =
  | { ok: true; changed: boolean; notes: string[] }
  | { ok: false; message: string; transcript?: string };

export interface DocumentAccess {
  lab(): LabV1;
  dispatch(action: LabAction): DispatchResult;
  /** Several actions as one undo step (a console rename: renameDevice + setConfig). */
  dispatchAll?(actions: LabAction[]): DispatchResult;
}

export function applyLinesToDevice(doc: DocumentAccess, device: string, lines: readonly string[]): ApplyOutcome {
  const current = doc.lab().devices.find((d) => d.name === device);
  if (!current) return { ok: false, message: `There is no device named ${device}.` };
  const model = parseConfig(current.config).config;
  const result = runConfigScript(model, lines);
  if (!result.ok) return { ok: false, message: result.message, transcript: result.transcript };
  const text = renderConfig(result.config);
  // Unchanged model: leave the text as written (no reformatting step in the undo history).
  if (text === current.config || text === renderConfig(model)) return { ok: true, changed: false, notes: result.notes };
  const dispatched = doc.dispatch({ type: 'setConfig', name: device, config: text });
  if (!dispatched.ok) return { ok: false, message: dispatched.message };
  return { ok: true, changed: true, notes: result.notes };
}
