import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The long tests, left out by `npm run test:fast` (`vitest --mode fast`): the pattern validation (15
 * configurations × 20 seeds × 240 months, cached after the first run), the calibration targets'
 * identity check (72 runs) and the claims of "How it
 * works" (the same runs, and two more configurations), the analysis scripts run as
 * processes, the experiment, calibration and file-safety cases end to end through the built CLI's
 * processes, and the browser. `npm test` runs them all.
 */
export const LONG = [
  'test/validation.test.ts',
  'test/calibration-identity.test.ts',
  'test/how-claims.test.ts',
  'test/scripts.test.ts',
  'test/calibrate.test.ts',
  'test/experiment.test.ts',
  'test/experiment-safety.test.ts',
  'test/browser*.test.ts',
];

export default defineConfig(({ mode }) => ({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: mode === 'fast' ? [...configDefaults.exclude, ...LONG] : configDefaults.exclude,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
}));
