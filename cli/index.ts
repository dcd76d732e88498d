// Entry of the built CLI (dist/cli.mjs).
import { fsErrorLine } from './common/errors.ts';
import { main } from './main.ts';

// Standard output or error that cannot be written (a reader that stopped early, a full device): one
// line, exit status 2 — the output is incomplete — and never a stack trace.
for (const [stream, name] of [[process.stdout, 'standard output'], [process.stderr, 'standard error']] as const) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (name === 'standard output') {
      try {
        process.stderr.write(`involution-lab: ${fsErrorLine('write', name, err.code ?? 'EIO')}; the output is incomplete\n`);
      } catch {
        // Standard error is gone too: the exit status says it.
      }
    }
    process.exit(2);
  });
}

process.exitCode = main(process.argv.slice(2));
