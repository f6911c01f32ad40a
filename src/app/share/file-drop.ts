// Dropping a .json file anywhere on the stage opens it as the lab. The palette's own drags carry
// their own type and are left to the canvas.
import { useCallback, useState, type DragEvent } from 'react';
import { useReadOnly } from '../present/mode';
import { openLabFile } from './lab-file';

const carriesFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

export function useLabFileDrop() {
  const readOnly = useReadOnly();
  const [over, setOver] = useState(false);
  const onDragOver = useCallback(
    (e: DragEvent) => {
      if (readOnly || !carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    [readOnly],
  );
  const onDragLeave = useCallback((e: DragEvent) => {
    if (!(e.relatedTarget instanceof Node) || !e.currentTarget.contains(e.relatedTarget)) setOver(false);
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      setOver(false);
      if (readOnly || !carriesFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer.files[0];
      if (file) void openLabFile(file);
    },
    [readOnly],
  );
  return { over, handlers: { onDragOver, onDragLeave, onDrop } };
}
