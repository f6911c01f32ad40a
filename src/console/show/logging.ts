// `show logging`: the IOS header, then the buffer.
import type { LoggingData } from './types';

export function formatLogging(d: LoggingData): string {
  const n = d.lines.length;
  const logged = d.consoleMessages ?? n;
  return [
    'Syslog logging: enabled (0 messages dropped, 0 messages rate-limited, 0 flushes, 0 overruns, xml disabled, filtering disabled)',
    '',
    'No Active Message Discriminator.',
    '',
    '',
    '',
    'No Inactive Message Discriminator.',
    '',
    '',
    `    Console logging: level debugging, ${logged} messages logged, xml disabled,`,
    '                     filtering disabled',
    '    Monitor logging: level debugging, 0 messages logged, xml disabled,',
    '                     filtering disabled',
    `    Buffer logging:  level debugging, ${n} messages logged, xml disabled,`,
    '                    filtering disabled',
    '    Exception Logging: size (4096 bytes)',
    '    Count and timestamp logging messages: disabled',
    '    Persistent logging: disabled',
    '',
    'No active filter modules.',
    '',
    `    Trap logging: level informational, ${n} message lines logged`,
    '        Logging Source-Interface:       VRF Name:',
    '',
    'Log Buffer (4096 bytes):',
    '',
    ...d.lines,
  ].join('\n') + '\n';
}
