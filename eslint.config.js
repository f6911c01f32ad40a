// The layer rule of DESIGN.md: imports point one way. Each src/ folder lists the project
// folders it may import; every other project folder, and the UI libraries outside src/app,
// are forbidden by no-restricted-imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const LAYERS = ['wire', 'crypto', 'ios', 'sim', 'console', 'lab', 'app', 'cli'];
const ALLOWED = {
  wire: [],
  crypto: [],
  ios: ['wire'],
  sim: ['wire', 'crypto', 'ios'],
  console: ['ios', 'sim'],
  lab: ['ios'],
  cli: ['wire', 'crypto', 'ios', 'sim', 'console', 'lab'],
  app: ['wire', 'crypto', 'ios', 'sim', 'console', 'lab'],
};
const UI_LIBRARIES = ['react', 'react-dom', 'react-dom/*', 'react/*', '@xyflow/*', 'zustand', 'zustand/*'];

function layerRule(layer) {
  const forbidden = LAYERS.filter((l) => l !== layer && !ALLOWED[layer].includes(l));
  const patterns = [
    {
      group: forbidden.flatMap((l) => [`**/${l}`, `**/${l}/**`]),
      message: `src/${layer} may import only ${ALLOWED[layer].join(', ') || 'nothing'} of the project (DESIGN.md, Architecture).`,
    },
  ];
  if (layer !== 'app') {
    patterns.push({ group: UI_LIBRARIES, message: `Only src/app imports UI libraries; src/${layer} must run without them.` });
  }
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...LAYERS.map(layerRule),
);
