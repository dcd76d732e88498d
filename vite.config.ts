import { defineConfig } from 'vite';

// `vite build --mode cli` builds the headless runner and its experiment worker for Node (SSR build,
// deps external).
export default defineConfig(({ mode }) =>
  mode === 'cli'
    ? {
        build: {
          ssr: true,
          outDir: 'dist',
          emptyOutDir: false,
          target: 'node20',
          rollupOptions: {
            // The experiment and calibration workers are entries of their own: worker_threads load it as a file of its own.
            input: { cli: 'cli/index.ts', 'experiment-worker': 'cli/experiment/worker.ts', 'calibrate-worker': 'cli/calibrate/worker.ts' },
            // Code both entries share goes to dist/chunks/, named without a hash so rebuilds overwrite it.
            output: { entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name].mjs', format: 'es' },
          },
        },
      }
    : {
        build: { outDir: 'dist/app' },
        server: { host: '127.0.0.1' },
        preview: { host: '127.0.0.1' },
      },
);
