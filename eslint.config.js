import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results*.json', 'coverage/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The model, and the lab core the CLI and the browser share: deterministic and host-free. Randomness only from the run's seeded streams.
    files: ['sim/**/*.ts', 'lab/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded streams of sim/rng.ts.' },
        ...['pow', 'log', 'exp', 'log1p', 'expm1', 'log2', 'log10', 'sin', 'cos', 'tan', 'atan', 'atan2', 'cbrt', 'hypot', 'sinh', 'cosh', 'tanh'].map((property) => ({
          object: 'Math', property, message: 'Not bit-identical across engines: use sim/math.ts.',
        }))],
      'no-restricted-syntax': ['error', { selector: "BinaryExpression[operator='**']", message: 'Not bit-identical across engines: multiply, or use pow from sim/math.ts.' }],
      'no-restricted-globals': ['error',
        { name: 'setTimeout', message: 'sim/ and lab/ have no timers: the driver owns the clock.' },
        { name: 'setInterval', message: 'sim/ and lab/ have no timers: the driver owns the clock.' },
        { name: 'Date', message: 'sim/ and lab/ are deterministic: no wall clock.' },
        { name: 'performance', message: 'sim/ and lab/ are deterministic: no wall clock.' },
        { name: 'process', message: 'sim/ and lab/ have no Node APIs.' },
        { name: 'window', message: 'sim/ and lab/ have no DOM.' },
        { name: 'document', message: 'sim/ and lab/ have no DOM.' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'sim/ and lab/ have no Node APIs.' }] }],
    },
  },
  {
    // The lab core is shared by the command line and the browser: it may use the model, never cli/ or viz/.
    files: ['lab/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'lab/ has no Node APIs.' },
        { group: ['**/cli/**', '**/viz/**'], message: 'lab/ is shared by the CLI and the browser: it imports neither.' }] }],
    },
  },
  {
    // Experiments and calibrations share their run infrastructure (cli/runs/: worker pool, protocol,
    // progress, machine, checksum) and cli/common/; neither imports the other.
    files: ['cli/experiment/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../calibrate/*'], message: 'Share code with calibrate through cli/runs/ or cli/common/.' }] }] },
  },
  {
    files: ['cli/calibrate/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../experiment/*'], message: 'Share code with experiment through cli/runs/ or cli/common/.' }] }] },
  },
  {
    files: ['cli/runs/**/*.ts', 'cli/common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../experiment/*', '../calibrate/*', '../analysis/*', '../report/*', '../*.ts'], message: 'cli/runs/ and cli/common/ are shared by the commands: they import none of them.' }] }],
    },
  },
  {
    // The browser shares the lab core with the command line; cli/ is the part that needs Node.
    files: ['viz/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/**'], message: 'viz/ runs in the browser: import lab/, never cli/.' }] }],
    },
  },
);
