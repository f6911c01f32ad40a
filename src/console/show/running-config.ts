// `show running-config`: the header IOS prints, the rendered config, `end`.
import { renderConfig, type IosConfig } from '../../ios';

export function formatRunningConfig(config: IosConfig): string {
  const body = `!\n${renderConfig(config)}!\nend\n`;
  // IOS counts the configuration's bytes (the part after the header).
  return `Building configuration...\n\nCurrent configuration : ${body.length} bytes\n${body}`;
}
