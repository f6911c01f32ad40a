// IOS syslog messages of one device: the logging buffer (`show logging`) and the console stream.
// Timestamps follow IOS's default `service timestamps log datetime msec` with no clock set:
// "*Mar  1 00:00:05.123: %LINK-3-UPDOWN: ...", counted from the start of the simulation.
import type { SimTime } from './scheduler';

export interface LogEntry {
  time: SimTime;
  /** The message without timestamp: "%LINK-3-UPDOWN: Interface GigabitEthernet1, changed state to up". */
  message: string;
  /** Syslog severity parsed from the mnemonic (0-7), 7 for debug output. */
  severity: number;
}

export type LogListener = (entry: LogEntry, line: string) => void;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** "*Mar  1 00:01:02.345" for a simulated time in microseconds. */
export function iosTimestamp(time: SimTime): string {
  const totalMs = Math.floor(time / 1000);
  const ms = totalMs % 1000;
  const totalS = Math.floor(totalMs / 1000);
  const s = totalS % 60;
  const m = Math.floor(totalS / 60) % 60;
  const h = Math.floor(totalS / 3600) % 24;
  const day = 1 + Math.floor(totalS / 86400);
  return `*Mar ${String(day).padStart(2, ' ')} ${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms, 3)}`;
}

export const formatLogLine = (e: LogEntry): string => `${iosTimestamp(e.time)}: ${e.message}`;

export class LogBuffer {
  readonly entries: LogEntry[] = [];
  private listeners: LogListener[] = [];

  /** IOS's default buffer is 4096 bytes; we keep a generous number of lines instead. */
  constructor(readonly capacity = 1000) {}

  add(time: SimTime, message: string): LogEntry {
    const m = /^%[A-Z0-9_]+-(\d)-/.exec(message);
    const entry: LogEntry = { time, message, severity: m ? Number(m[1]) : 7 };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
    const line = formatLogLine(entry);
    for (const l of this.listeners) l(entry, line);
    return entry;
  }

  /** Subscribe to the console stream; returns an unsubscribe. */
  subscribe(fn: LogListener): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }

  lines(): string[] {
    return this.entries.map(formatLogLine);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
