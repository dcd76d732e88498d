// One contender for a directory's lock, as a separate process: takes the lock (or is refused), holds
// it for a while, releases it. Prints one line: "took" or the refusal. Used by test/experiment-safety.test.ts.
import { lockDirectory } from '../cli/common/lock.ts';

const [dir, holdMs] = process.argv.slice(2);
try {
  const release = lockDirectory(dir, `contender ${process.pid}`, null, () => {});
  process.stdout.write('took\n');
  setTimeout(() => release(), Number(holdMs));
} catch (err) {
  process.stdout.write(`${(err as Error).constructor.name}: ${(err as Error).message}\n`);
}
