// Device icons, drawn after the classic network-diagram symbols so a learner recognises them:
// the router is the round "hockey puck" with four arrows, the host a PC monitor, the NAT box a
// box with two opposing translation arrows. Colours come from CSS variables (theme.css). No
// transform attributes inside: each would be one more piece for Chromium to layerize per device
// on every drag frame (the coordinates are written out where a transform was).
import { memo } from 'react';
import type { DeviceKind } from '../../lab/types';

interface IconProps {
  size?: number;
}

export const RouterIcon = memo(function RouterIcon({ size = 56 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      {/* cylinder body */}
      <path d="M6 26v14c0 7.2 11.6 13 26 13s26-5.8 26-13V26" fill="var(--router-dark)" />
      <ellipse cx="32" cy="26" rx="26" ry="13" fill="var(--router)" />
      {/* four arrows: two pointing in (left/right), two pointing out (up/down) */}
      <g fill="#fff">
        <path d="M29.5 26l-7-3.2v2h-8v2.4h8v2z" />
        <path d="M34.5 26l7 3.2v-2h8v-2.4h-8v-2z" />
        <path d="M32 14.4l-3.6 5.4h2.3v4.4h2.6v-4.4h2.3z" />
        <path d="M32 37.6l-3.6-5.4h2.3v-4.4h2.6v4.4h2.3z" />
      </g>
    </svg>
  );
});

export const HostIcon = memo(function HostIcon({ size = 56 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect x="6" y="9" width="52" height="35" rx="4" fill="var(--host-dark)" />
      <rect x="10" y="13" width="44" height="27" rx="2" fill="var(--host-screen)" />
      <path d="M14 19h20M14 25h28M14 31h16" stroke="var(--host)" strokeWidth="2.5" strokeLinecap="round" />
      <path d="M26 44h12l2 8H24z" fill="var(--host-dark)" />
      <rect x="17" y="52" width="30" height="4" rx="2" fill="var(--host-dark)" />
    </svg>
  );
});

export const NatIcon = memo(function NatIcon({ size = 56 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect x="5" y="12" width="54" height="40" rx="6" fill="var(--nat)" />
      <rect x="5" y="12" width="54" height="40" rx="6" fill="none" stroke="var(--nat-dark)" strokeWidth="3" />
      {/* translation: one arrow right on top, one arrow left below */}
      <g fill="#fff">
        <path d="M14 24.5h26v-5l10 7.5-10 7.5v-5H14z" />
        <path d="M50 38H24v-5l-10 7.5 10 7.5v-5h26z" />
      </g>
    </svg>
  );
});

export const KIND_LABEL: Record<DeviceKind, string> = { router: 'Router', host: 'Host', nat: 'NAT box' };

export function DeviceIcon({ kind, size }: { kind: DeviceKind; size?: number }) {
  if (kind === 'router') return <RouterIcon size={size} />;
  if (kind === 'host') return <HostIcon size={size} />;
  return <NatIcon size={size} />;
}
