import { readFileSync } from 'node:fs';
import { parseScenario, ScenarioError, type Scenario } from '../sim/index.ts';

/** Read and validate a scenario file; every failure names the file and what is wrong. */
export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ScenarioError(`cannot read scenario file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError(`scenario file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseScenario(data, `scenario file ${path}`);
}
