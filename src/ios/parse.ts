// Running-config text -> model. Every line goes through the same grammar the console uses. A line
// the model does not know is kept verbatim (inside its section, or as a top-level block with its
// indented children, anchored after the group of sections it followed) and reported.
import type { ConfigMode, ModeContext } from './actions';
import { applyAction, resolveConfigLine } from './config-grammar';
import { emptyConfig, type IosConfig, type SectionGroup, type UnknownBlock } from './model';
import { sectionExtra } from './section-extra';

export { sectionExtra };

export interface UnsupportedLine {
  /** 1-based, as an editor shows it. */
  lineNo: number;
  text: string;
  /** The header of the section the line sits in, e.g. `interface Tunnel0`. */
  section?: string;
}

export interface ParseError {
  lineNo: number;
  text: string;
  message: string;
}

export interface ParseResult {
  config: IosConfig;
  /** Lines the model does not know, kept verbatim. A line in `errors` is kept too, and listed only there. */
  unsupported: UnsupportedLine[];
  errors: ParseError[];
}

type Section =
  | { kind: 'known'; indent: number; header: string; mode: ConfigMode; context: ModeContext }
  | { kind: 'unknown'; indent: number; header: string; block: UnknownBlock };

/** Which group of running-config a top-level command belongs to (anchors unknown blocks). */
export function groupOfCommand(cmd: string): SectionGroup {
  if (cmd === 'global.hostname' || cmd === 'global.ip-routing') return 'hostname';
  if (cmd.startsWith('crypto.')) return 'crypto';
  if (cmd === 'global.interface') return 'interfaces';
  if (cmd === 'global.router-ospf') return 'routers';
  if (cmd === 'global.ip-default-gateway') return 'global-ip';
  if (cmd.startsWith('global.ip-nat')) return 'nat';
  if (cmd === 'global.ip-route') return 'routes';
  if (cmd.startsWith('acl.')) return 'acl';
  return 'hostname';
}

const NOISE = [/^Building configuration\.\.\.$/, /^Current configuration\s*:/];

export function parseConfig(text: string): ParseResult {
  const config = emptyConfig();
  const unsupported: UnsupportedLine[] = [];
  const errors: ParseError[] = [];
  let section: Section | undefined;
  let lastGroup: SectionGroup = 'start';
  const lines = text.split(/\r?\n/);

  const keepUnknown = (lineNo: number, raw: string, indent: number, trimmed: string): void => {
    const block: UnknownBlock = { after: lastGroup, lines: [trimmed] };
    config.unknown.push(block);
    section = { kind: 'unknown', indent, header: trimmed, block };
    unsupported.push({ lineNo, text: trimmed });
  };

  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    const raw = lines[n]!.replace(/\s+$/, '');
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const indent = raw.length - raw.trimStart().length;
    const inSection = section !== undefined && indent > section.indent;

    if (trimmed.startsWith('!')) {
      if (section?.kind === 'unknown' && inSection) section.block.lines.push(raw.slice(section.indent));
      else if (!inSection) section = undefined;
      continue;
    }
    if (!inSection && (NOISE.some((re) => re.test(trimmed)) || trimmed === 'end')) {
      section = undefined;
      continue;
    }

    if (section && inSection) {
      if (section.kind === 'unknown') {
        section.block.lines.push(raw.slice(section.indent));
        unsupported.push({ lineNo, text: trimmed, section: section.header });
        continue;
      }
      const r = resolveConfigLine(section.mode, section.context, trimmed);
      if (r.ok && (r.action.cmd === 'mode.exit' || r.action.cmd === 'mode.end')) {
        section = undefined;
        continue;
      }
      const res = r.ok && r.action.cmd !== 'mode.do' && !r.action.cmd.startsWith('inert.') ? applyAction(config, r.action) : undefined;
      if (!res || res.error) {
        sectionExtra(config, section.mode, section.context)?.push(trimmed);
        // A known command IOS refuses is an error; a command the model does not know is unsupported.
        if (res?.error) errors.push({ lineNo, text: trimmed, message: res.error });
        else unsupported.push({ lineNo, text: trimmed, section: section.header });
      }
      continue;
    }

    section = undefined;
    const r = resolveConfigLine('config', {}, trimmed);
    // Inert commands (no ip domain lookup, banner ...) stay file lines the model does not know.
    if (!r.ok || r.action.cmd === 'mode.do' || r.action.cmd.startsWith('inert.')) {
      keepUnknown(lineNo, raw, indent, trimmed);
      continue;
    }
    if (r.action.cmd === 'mode.exit' || r.action.cmd === 'mode.end') continue;
    const res = applyAction(config, r.action);
    if (res.error) {
      errors.push({ lineNo, text: trimmed, message: res.error });
      keepUnknown(lineNo, raw, indent, trimmed);
      unsupported.pop();
      continue;
    }
    lastGroup = groupOfCommand(r.action.cmd);
    if (res.enter) section = { kind: 'known', indent, header: trimmed, mode: res.enter.mode, context: res.enter.context };
  }
  return { config, unsupported, errors };
}
