// Applies IOS lines to a device as one undoable document change and keeps the console-style
// error (prompt, line, caret, message) for the form to show.
import { useCallback, useState } from 'react';
import { useLab } from '../../state/lab-store';
import { applyLinesToDevice } from '../apply-config';

export function useApplyLines(device: string) {
  const [error, setError] = useState<string | null>(null);
  const apply = useCallback(
    (lines: string[]): boolean => {
      const result = applyLinesToDevice({ lab: () => useLab.getState().lab, dispatch: (a) => useLab.getState().dispatch(a) }, device, lines);
      if (result.ok) {
        setError(null);
        return true;
      }
      setError(result.transcript ?? `This change was not applied: ${result.message}`);
      return false;
    },
    [device],
  );
  return { apply, error, clearError: useCallback(() => setError(null), []) };
}
