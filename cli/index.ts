// Entry of the built CLI (dist/cli.mjs).
import { main } from './main.ts';

// Output piped into a reader that stops early (`| head`): end quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = main(process.argv.slice(2));
