// How to open an exported capture in Wireshark or tshark with the exported keys (Wireshark 4.x
// preference names). Shown in the export dialog and saved beside the files.
export const TSHARK_ESP_PREF = 'esp.enable_encryption_decode:TRUE';

/**
 * A bash command that decrypts the capture with every line of both key files (one `-o uat:...`
 * option per SA: a run usually has two ESP SAs per tunnel, one per direction).
 */
export const tsharkCommand = (stem: string): string => `keys=()
while IFS= read -r l; do keys+=(-o "uat:esp_sa:$l"); done < esp_sa
while IFS= read -r l; do keys+=(-o "uat:ikev1_decryption_table:$l"); done < ikev1_decryption_table
tshark -r ${stem}.pcapng -o ${TSHARK_ESP_PREF} "\${keys[@]}"`;

export const WIRESHARK_HOWTO = (stem: string): string => `Opening ${stem}.pcapng with its keys
=====================================

The capture holds every frame that crossed every link, one pcapng interface per link
(named after its two ends). ESP payloads and IKE messages 5 and later are encrypted;
the two key files let Wireshark decrypt them.

esp_sa                   one ESP SA per line (Wireshark's ESP SA table)
ikev1_decryption_table   one IKEv1 SA per line (initiator cookie, encryption key)

Wireshark
---------
1. Edit > Preferences > Protocols > ESP: tick "Attempt to detect/decode encrypted
   ESP payloads", then "Edit..." the ESP SAs and add each line of esp_sa
   (or copy the file esp_sa into your personal configuration folder, shown under
   Help > About Wireshark > Folders, and restart Wireshark).
2. Edit > Preferences > Protocols > ISAKMP > IKEv1 Decryption Table: add each line of
   ikev1_decryption_table (or copy the file into the same folder).
3. File > Open ${stem}.pcapng. ESP packets now show the inner IPv4 packet.

tshark (bash, in the folder of the files)
------
${tsharkCommand(stem).replace(/^/gm, '  ')}

(one -o "uat:..." option per line of each key file). Empty key files mean no SA was negotiated
during the run.
`;
