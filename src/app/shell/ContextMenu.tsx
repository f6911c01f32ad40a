// The right-click menu on a device or a link. It focuses its first item, and closes on Escape,
// on a click elsewhere, or when the canvas moves.
import { useEffect, useRef } from 'react';
import { useSession } from '../state/session-store';
import { useLab } from '../state/lab-store';
import { deleteActions } from '../state/commands';

export function ContextMenu() {
  const menu = useSession((s) => s.contextMenu);
  const close = useSession((s) => s.openContextMenu);
  const lab = useLab((s) => s.lab);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!menu) return;
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close(null);
    const onDown = (e: PointerEvent) => {
      if (!(e.target as Element).closest?.('.context-menu')) close(null);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown, true);
    };
  }, [menu, close]);

  if (!menu) return null;
  const { target } = menu;
  let label: string;
  if (target.kind === 'device') {
    label = `Delete ${target.name}`;
  } else {
    const link = lab.links[target.index];
    if (!link) return null;
    label = `Delete link ${link.a} – ${link.b}`;
  }
  const onDelete = () => {
    if (target.kind === 'device') deleteActions([target.name], []);
    else deleteActions([], [target.index]);
    close(null);
  };

  return (
    <div className="context-menu" role="menu" aria-label={target.kind === 'device' ? `Device ${target.name}` : 'Link'} style={{ left: Math.min(menu.x, window.innerWidth - 280), top: Math.min(menu.y, window.innerHeight - 100) }}>
      <button ref={first} type="button" role="menuitem" className="context-menu__item context-menu__item--danger" onClick={onDelete}>
        {label}
      </button>
      <button type="button" role="menuitem" className="context-menu__item" onClick={() => close(null)}>
        Cancel
      </button>
    </div>
  );
}
