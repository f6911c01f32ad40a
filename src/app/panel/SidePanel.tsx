// The right-hand panel: the selected device, the selected link, or (nothing selected) the lab's
// title, notes and a short how-to.
import { useLab } from '../state/lab-store';
import { useSession } from '../state/session-store';
import { DevicePanel } from './DevicePanel';
import { LinkPanel } from './LinkPanel';
import { LabOverview } from './LabOverview';

export function SidePanel() {
  const selection = useSession((s) => s.selection);
  const device = useLab((s) => (selection?.kind === 'device' ? s.lab.devices.find((d) => d.name === selection.name) : undefined));
  const linkExists = useLab((s) => selection?.kind === 'link' && s.lab.links[selection.index] !== undefined);

  let body;
  if (device) body = <DevicePanel key={device.name} device={device} />;
  else if (selection?.kind === 'link' && linkExists) body = <LinkPanel index={selection.index} />;
  else body = <LabOverview />;

  return (
    <aside className="side-panel" aria-label="Details">
      {body}
    </aside>
  );
}
