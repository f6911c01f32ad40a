// Light or dark. The choice is the user's (kept in this browser), defaulting to the system's;
// it is applied as data-theme on <html>, where theme.css swaps the colour variables.
import { create } from 'zustand';

export type Theme = 'light' | 'dark';
const THEME_KEY = 'tunnelscope:theme';

function initialTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // storage unavailable: fall through to the system preference
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

interface ThemeState {
  theme: Theme;
  toggle: () => void;
}

export const useTheme = create<ThemeState>()((set, get) => {
  const theme = initialTheme();
  apply(theme);
  return {
    theme,
    toggle: () => {
      const next: Theme = get().theme === 'dark' ? 'light' : 'dark';
      apply(next);
      try {
        window.localStorage.setItem(THEME_KEY, next);
      } catch {
        // not saved; the theme still changes for this visit
      }
      set({ theme: next });
    },
  };
});
