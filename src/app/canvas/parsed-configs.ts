// The canvas reads each device's running-config with src/ios's parser (the one the engine uses) to
// draw what the configs build: tunnels and crypto-map peerings. Parsed once per config text, so a
// device moved or one config edited does not re-read the others.
import { parseConfig, type IosConfig } from '../../ios';

const parsed = new Map<string, IosConfig | null>();

/** The config model of a running-config text; null when the parser cannot read it (the lab still loads). */
export function parsedConfig(text: string): IosConfig | null {
  let found = parsed.get(text);
  if (found === undefined) {
    try {
      found = parseConfig(text).config;
    } catch {
      found = null;
    }
    if (parsed.size > 500) parsed.clear();
    parsed.set(text, found);
  }
  return found;
}
