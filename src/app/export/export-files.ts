// The files of an export: the capture as pcapng, the Wireshark key tables, each device's
// running-config, and a how-to. The capture and key files come from the same engine functions
// the CLI's --pcap / --keys / --ike-keys use (captureToPcapng, the network's key log), with one
// line per entry and a newline after each, exactly as `tunnelscope run` writes them.
import { zipSync, strToU8 } from 'fflate';
import type { LabV1 } from '../../lab/types';
import { captureToPcapng, type Network } from '../../sim';
import { WIRESHARK_HOWTO } from './howto';

export interface ExportFile {
  name: string;
  mime: string;
  data: Uint8Array;
}

const text = (name: string, body: string): ExportFile => ({ name, mime: 'text/plain', data: strToU8(body) });
const lines = (entries: readonly string[]): string => entries.map((l) => `${l}\n`).join('');

/** A file-name-safe form of the lab title. */
export function fileStem(title: string): string {
  const stem = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return stem || 'lab';
}

export function captureFiles(net: Network, stem: string): ExportFile[] {
  return [
    { name: `${stem}.pcapng`, mime: 'application/octet-stream', data: captureToPcapng(net) },
    text('esp_sa', lines(net.keyLog.espSa)),
    text('ikev1_decryption_table', lines(net.keyLog.ikev1)),
    text('HOW-TO-OPEN-IN-WIRESHARK.txt', WIRESHARK_HOWTO(stem)),
  ];
}

export function configFiles(lab: LabV1): ExportFile[] {
  return lab.devices.map((d) => text(`${d.name}-running-config.txt`, d.config.endsWith('\n') ? d.config : `${d.config}\n`));
}

export function zipExport(files: readonly ExportFile[], folder: string): Uint8Array {
  // The mtime is fixed so the same lab gives the same bytes (zip stores a DOS date, from 1980).
  return zipSync(Object.fromEntries(files.map((f) => [`${folder}/${f.name}`, [f.data, { mtime: new Date(1980, 0, 1) }]])), { level: 6 });
}
