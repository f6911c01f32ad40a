import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { createDocumentStore, HISTORY_LIMIT } from './document-store';

describe('document store', () => {
  it('applies actions through applyAction and undoes/redoes whole documents', () => {
    const store = createDocumentStore(DEFAULT_LAB);
    expect(store.getState().dispatch({ type: 'addDevice', kind: 'router', x: 10, y: 20 }).ok).toBe(true);
    const withRouter = store.getState().lab;
    expect(withRouter.devices.map((d) => d.name)).toContain('R3');
    store.getState().undo();
    expect(store.getState().lab).toBe(DEFAULT_LAB);
    store.getState().redo();
    expect(store.getState().lab).toBe(withRouter);
  });

  it('refuses a bad action without touching the lab or the history', () => {
    const store = createDocumentStore(DEFAULT_LAB);
    const result = store.getState().dispatch({ type: 'renameDevice', from: 'R1', to: '<img src=x>' });
    expect(result.ok).toBe(false);
    expect(store.getState().lab).toBe(DEFAULT_LAB);
    expect(store.getState().past).toHaveLength(0);
  });

  it('makes several actions one undo step, all or nothing', () => {
    const store = createDocumentStore(DEFAULT_LAB);
    store.getState().dispatchAll([
      { type: 'moveDevice', name: 'R1', x: 1, y: 2 },
      { type: 'moveDevice', name: 'R2', x: 3, y: 4 },
    ]);
    expect(store.getState().past).toHaveLength(1);
    const bad = store.getState().dispatchAll([
      { type: 'moveDevice', name: 'R1', x: 9, y: 9 },
      { type: 'moveDevice', name: 'NOPE', x: 0, y: 0 },
    ]);
    expect(bad.ok).toBe(false);
    expect(store.getState().lab.devices.find((d) => d.name === 'R1')).toMatchObject({ x: 1, y: 2 });
    store.getState().undo();
    expect(store.getState().lab).toBe(DEFAULT_LAB);
  });

  it('clears redo on a new edit and bounds the history', () => {
    const store = createDocumentStore(DEFAULT_LAB);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) store.getState().dispatch({ type: 'moveDevice', name: 'R1', x: i + 1, y: 0 });
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);
    store.getState().dispatch({ type: 'moveDevice', name: 'R2', x: 5, y: 5 });
    expect(store.getState().future).toHaveLength(0);
  });
});
