// The IOS console of one device: scrollback, prompt and command line. Enter runs the line, `?`
// shows help at once (as IOS does, without Enter), Tab completes the word, Up and Down walk the
// history. The engine loads on first open; the session lives on while the lab is open.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { consoleEngine, loadConsoleEngine } from './console-loader';
import { useConsoleSessions } from './console-store';

export function ConsoleTab({ device }: { device: string }) {
  const [ready, setReady] = useState(consoleEngine() !== undefined);
  const [failed, setFailed] = useState<string | null>(null);
  const transcript = useConsoleSessions((s) => s.transcripts[device] ?? '');
  const prompt = useConsoleSessions((s) => s.prompts[device]);
  const [line, setLine] = useState('');
  const historyAt = useRef<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    loadConsoleEngine()
      .then(async (engine) => {
        // The lab starts in slices (a large one converges for seconds): the page stays responsive.
        await engine.boot();
        if (!live) return;
        useConsoleSessions.getState().setPrompt(device, engine.prompt(device));
        setReady(true);
      })
      .catch((e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [device]);

  // Opening the console scrolls the panel to the tabs, so the whole terminal and its prompt show.
  // Only the side panel scrolls (scrollIntoView would move the whole page too).
  useEffect(() => {
    const tabs = scroller.current?.closest('.device-tabs');
    const panel = scroller.current?.closest('.side-panel');
    if (tabs && panel) panel.scrollTop += tabs.getBoundingClientRect().top - panel.getBoundingClientRect().top;
  }, [device]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [transcript]);

  const engine = ready ? consoleEngine() : undefined;
  const sessions = useConsoleSessions.getState;

  const run = () => {
    if (!engine) return;
    // The output goes to the device's name after the command (`hostname X` renames it).
    const { device: now, echo, output } = engine.execute(device, line);
    sessions().append(now, `${echo}\n${output}`);
    sessions().setPrompt(now, engine.prompt(now));
    setLine('');
    historyAt.current = null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!engine) return;
    if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      const { echo, output } = engine.help(device, line);
      sessions().append(device, `${echo}\n${output}`);
    } else if (e.key === 'Tab' && !e.shiftKey && line.trim() !== '') {
      // Tab completes while there is a word to complete; on an empty line it moves focus on.
      e.preventDefault();
      setLine(engine.completeLine(device, line));
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const past = engine.history(device);
      if (past.length === 0) return;
      let at = historyAt.current ?? past.length;
      at = e.key === 'ArrowUp' ? Math.max(0, at - 1) : at + 1;
      if (at >= past.length) {
        historyAt.current = null;
        setLine('');
      } else {
        historyAt.current = at;
        setLine(past[at]!);
      }
    } else if (e.key === 'z' && e.ctrlKey && !e.shiftKey && engine.prompt(device).includes('(')) {
      // IOS Ctrl+Z: end configuration mode (outside it, the key is the browser's own).
      e.preventDefault();
      const { echo, output } = engine.execute(device, 'end');
      sessions().append(device, `${echo.replace(/end$/, '^Z')}\n${output}`);
      sessions().setPrompt(device, engine.prompt(device));
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      sessions().clear(device);
    }
  };

  return (
    <section className="console" aria-label={`${device} console`}>
      <div
        ref={scroller}
        className="console__scrollback"
        role="log"
        aria-label={`${device} console output`}
        tabIndex={0}
        onClick={() => input.current?.focus()}
      >
        {!ready && !failed && <p className="console__status">Starting the console…</p>}
        {failed && (
          <p className="console__status field__error" role="alert">
            The console could not start: {failed}
          </p>
        )}
        <pre className="console__text">{transcript}</pre>
      </div>
      <form
        className="console__line"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <label htmlFor={`${id}-cmd`} className="console__prompt">
          <span aria-hidden="true">{prompt ?? `${device}#`}</span>
          <span className="visually-hidden">Command for {device}</span>
        </label>
        <input
          ref={input}
          id={`${id}-cmd`}
          className="console__input"
          value={line}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKeyDown}
          disabled={!ready}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          autoComplete="off"
          aria-describedby={`${id}-keys`}
        />
        <button type="submit" className="button button--primary console__run" disabled={!ready}>
          Run
        </button>
      </form>
      <p id={`${id}-keys`} className="hint">
        Enter runs · ? help · Tab completes · ↑↓ history · Ctrl+Z ends config mode
      </p>
    </section>
  );
}
