// Ping / Traceroute: pick a source device and a destination (an address or a device name), the
// count and size, and run it. The run goes to the lab's live simulation, the one the consoles
// use (lazily loaded), and its trace is handed to playback, which starts playing at once.
import { useId, useState, type FormEvent } from 'react';
import { loadConsoleEngine } from '../device/console-loader';
import { useLab } from '../state/lab-store';
import { usePlayback } from '../playback/playback-store';
import type { TrafficRequest } from './engine';
import { showRun } from './show-run';

/** IOS ping takes up to 2147483647 echoes; the form keeps a run short enough to watch. */
const COUNT_RANGE: [number, number] = [1, 20];
/** IOS ping datagram sizes. */
const SIZE_RANGE: [number, number] = [36, 18024];

function wholeIn(text: string, [min, max]: [number, number]): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

export function TrafficControl() {
  const devices = useLab((s) => s.lab.devices);
  const status = usePlayback((s) => s.status);
  const id = useId();
  const names = devices.map((d) => d.name);
  const defaultSource = names.includes('H1') ? 'H1' : (names[0] ?? '');
  const defaultTarget = names.includes('H2') ? 'H2' : (names[1] ?? '');
  const [source, setSource] = useState(defaultSource);
  const [destination, setDestination] = useState(defaultTarget);
  // As typed: a value out of range is refused with a message, never silently changed.
  const [count, setCount] = useState('5');
  const [size, setSize] = useState('100');
  const [startup, setStartup] = useState(false);
  const chosenSource = names.includes(source) ? source : defaultSource;

  const run = async (kind: TrafficRequest['kind']) => {
    const { begin, fail } = usePlayback.getState();
    const repeat = wholeIn(count, COUNT_RANGE);
    const bytes = wholeIn(size, SIZE_RANGE);
    if (repeat === undefined) return fail(`Count must be a whole number from ${COUNT_RANGE[0]} to ${COUNT_RANGE[1]} (it is "${count}").`);
    if (bytes === undefined) return fail(`Size must be a whole number of bytes from ${SIZE_RANGE[0]} to ${SIZE_RANGE[1]} (it is "${size}").`);
    const request: TrafficRequest = { kind, source: chosenSource, destination: destination.trim() || defaultTarget, count: repeat, size: bytes, startup };
    begin();
    try {
      const engine = await loadConsoleEngine();
      // A large lab's first run starts it: in slices, so the page keeps painting meanwhile.
      await engine.boot({ restart: startup });
      const result = engine.runTraffic(request);
      if (!result.ok) return fail(result.error);
      showRun({ request, summary: result.summary, espSa: result.espSa, target: result.target }, result.records);
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run('ping');
  };

  return (
    <form className="traffic" aria-label="Send traffic" onSubmit={onSubmit} noValidate>
      <label className="traffic__field">
        <span>From</span>
        <select value={chosenSource} onChange={(e) => setSource(e.target.value)} aria-label="Source device">
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="traffic__field">
        <span>To</span>
        <input
          value={destination}
          onChange={(e) => setDestination(e.target.value)}
          list={`${id}-targets`}
          aria-label="Destination address or device"
          placeholder="10.2.2.10 or H2"
          size={11}
          spellCheck={false}
        />
        <datalist id={`${id}-targets`}>
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </label>
      <label className="traffic__field">
        <span>Count</span>
        <input type="number" min={COUNT_RANGE[0]} max={COUNT_RANGE[1]} value={count} onChange={(e) => setCount(e.target.value)} aria-label="Count" className="traffic__number" />
      </label>
      <label className="traffic__field">
        <span>Size</span>
        <input type="number" min={SIZE_RANGE[0]} max={SIZE_RANGE[1]} value={size} onChange={(e) => setSize(e.target.value)} aria-label="Size in bytes" className="traffic__number traffic__number--wide" />
      </label>
      <label className="traffic__field traffic__check" title="Restart the lab and keep its start-up in the run: IKE negotiation, OSPF adjacencies, the first ARPs">
        <input type="checkbox" checked={startup} onChange={(e) => setStartup(e.target.checked)} />
        <span>with start-up</span>
      </label>
      <button type="submit" className="button button--primary" disabled={status === 'running' || names.length === 0}>
        Ping
      </button>
      <button type="button" className="button" disabled={status === 'running' || names.length === 0} onClick={() => void run('traceroute')}>
        Traceroute
      </button>
    </form>
  );
}
