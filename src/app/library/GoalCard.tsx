// The goal of the open library lab, over the canvas: what to reach, a Check button that runs the
// engine on the lab as it is now and says which part fails and where, and hints one at a time.
import { Fragment, useEffect, useId } from 'react';
import { inlineCode } from '../panel/NotesText';
import { useSession } from '../state/session-store';
import { builtinLab } from '../../lab/builtin';
import { useLab } from '../state/lab-store';
import { useViewMode } from '../present/mode';
import { useLibrary } from './library-store';
import './library.css';

async function check(id: string): Promise<void> {
  const entry = builtinLab(id);
  if (!entry) return;
  const { setCheck } = useLibrary.getState();
  setCheck({ status: 'running' });
  try {
    const { runGoal } = await import('./goal-runner');
    // Let "Checking…" paint before the engine takes the main thread.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const outcome = runGoal(useLab.getState().lab, entry.goal);
    if (useLibrary.getState().activeId === id) setCheck({ status: 'done', outcome });
  } catch (e) {
    setCheck({ status: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

export default function GoalCard({ id }: { id: string }) {
  const entry = builtinLab(id);
  const hintsShown = useLibrary((s) => s.hintsShown);
  const state = useLibrary((s) => s.check);
  const showHint = useLibrary((s) => s.showHint);
  const close = useLibrary((s) => s.close);
  const embed = useViewMode((s) => s.mode === 'embed');
  const headingId = useId();
  // The card takes a column of the stage: fit the lab into what is left, and again when it goes.
  useEffect(() => {
    useSession.getState().requestFit();
    return () => useSession.getState().requestFit();
  }, []);
  if (!entry || embed) return null;
  const outcome = state.status === 'done' ? state.outcome : null;
  const failed = outcome?.outcomes.find((o) => !o.passed);

  return (
    <section className="goal-card" aria-labelledby={headingId}>
      <div className="goal-card__head">
        <h2 id={headingId}>{entry.challenge ? 'Challenge' : 'Goal'}</h2>
        <button type="button" className="button button--quiet button--small" onClick={close} aria-label="Close the goal card">
          ✕
        </button>
      </div>
      <p className="goal-card__summary">{entry.goal.summary}</p>
      <ul className="goal-card__checks" aria-label="Parts of the goal">
        {entry.goal.checks.map((c, i) => {
          const o = outcome?.outcomes[i];
          const mark = o === undefined ? '○' : o.passed ? '✓' : '✗';
          const word = o === undefined ? 'not checked yet' : o.passed ? 'passes' : 'fails';
          return (
            <li key={i} className={o === undefined ? '' : o.passed ? 'goal-card__pass' : 'goal-card__fail'}>
              <span aria-hidden="true">{mark}</span> {c.description} <span className="visually-hidden">({word})</span>
            </li>
          );
        })}
      </ul>
      <div className="goal-card__row">
        <button type="button" className="button button--primary" onClick={() => void check(id)} disabled={state.status === 'running'}>
          {state.status === 'running' ? 'Checking…' : 'Check'}
        </button>
        {entry.hints.length > 0 && (
          <button type="button" className="button" onClick={showHint} disabled={hintsShown >= entry.hints.length}>
            {hintsShown >= entry.hints.length ? 'No more hints' : `Show a hint (${hintsShown + 1} of ${entry.hints.length})`}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite" className="goal-card__result">
        {state.status === 'done' && (
          <p className={state.outcome.passed ? 'goal-card__ok' : 'goal-card__not-yet'} data-testid="goal-message">
            <WithCode text={state.outcome.message} />
          </p>
        )}
        {state.status === 'error' && <p className="goal-card__not-yet">The check could not run: {state.message}</p>}
      </div>
      {failed && (
        <details className="goal-card__output">
          <summary>
            What {failed.check.device} printed for <code>{failed.check.command}</code>
          </summary>
          <pre tabIndex={0} aria-label={`Output of ${failed.check.command} on ${failed.check.device}`}>{failed.output.trimEnd().split('\n').slice(-14).join('\n')}</pre>
        </details>
      )}
      {hintsShown > 0 && (
        <ol className="goal-card__hints" aria-label="Hints">
          {entry.hints.slice(0, hintsShown).map((h, i) => (
            <li key={i}>
              <WithCode text={h} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Goal messages and hints quote commands in `backticks`: shown as code, never as HTML. */
function WithCode({ text }: { text: string }) {
  return (
    <>
      {inlineCode(text).map((piece, i) => (piece.code ? <code key={i}>{piece.text}</code> : <Fragment key={i}>{piece.text}</Fragment>))}
    </>
  );
}
