import { describe, expect, it } from 'vitest';
import { modeFromSearch, useViewMode } from './mode';

describe('view mode', () => {
  it('reads ?embed=1 and ?present=1, embed winning, 0/false meaning off', () => {
    expect(modeFromSearch('')).toBe('edit');
    expect(modeFromSearch('?embed=1')).toBe('embed');
    expect(modeFromSearch('?embed')).toBe('embed');
    expect(modeFromSearch('?embed=0')).toBe('edit');
    expect(modeFromSearch('?present=1')).toBe('present');
    expect(modeFromSearch('?present=1&embed=1')).toBe('embed');
    expect(modeFromSearch('?present=false')).toBe('edit');
  });
  it('an embed cannot be switched to editing', () => {
    useViewMode.setState({ mode: 'embed' });
    useViewMode.getState().setMode('edit');
    expect(useViewMode.getState().mode).toBe('embed');
    useViewMode.setState({ mode: 'edit' });
    useViewMode.getState().setMode('present');
    expect(useViewMode.getState().mode).toBe('present');
  });
});
