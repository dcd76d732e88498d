// The files a user gives the Experiment tab: at most one spec (in the command line's format) and any
// number of scenario files. A spec names a scenario file by a path; a browser cannot read paths, so
// the path's file name is looked up among the scenario files given. Problems are said in the page's
// language, naming the file.
import { parseScenario } from '../../sim/index.ts';
import { bundledScenario, Problem, resolveExperiment, type Experiment, type ScenarioResolver } from '../../lab/index.ts';
import { t } from '../i18n/index.ts';
import { duplicateKeysProblem, FileProblem, readScenarioFile } from '../scenario-file.ts';
import { isObject, type Draft } from './draft.ts';

export const basename = (ref: string): string => ref.replace(/^.*[/\\]/, '');

/** A spec file or a scenario file? A scenario has an id and a title, a spec has metrics. */
const isScenarioFile = (x: unknown) => isObject(x) && 'title' in x && 'id' in x && !('metrics' in x);

export interface Chosen {
  /** The spec among the files, if one was, and its file's name. */
  spec?: Draft;
  specName?: string;
  problems: string[];
}

/** Read the files chosen; scenario files go into `scenarios` (by file name), checked first. A spec that gives a key twice is refused, as the CLI refuses it. */
export async function readChosen(chosen: readonly File[], withSpec: boolean, scenarios: Map<string, unknown>): Promise<Chosen> {
  const out: Chosen = { problems: [] };
  for (const file of chosen) {
    const text = await file.text();
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      out.problems.push(t('file.json', { file: file.name, detail: (err as Error).message }));
      continue;
    }
    const twice = duplicateKeysProblem(file.name, text);
    if (twice) {
      out.problems.push(twice);
      continue;
    }
    if (!withSpec || isScenarioFile(data)) {
      try {
        readScenarioFile(file.name, text);
        scenarios.set(file.name, data);
      } catch (err) {
        if (!(err instanceof FileProblem)) throw err;
        out.problems.push(err.message);
      }
    } else if (out.spec !== undefined) out.problems.push(t('exp.twoSpecs', { file: file.name }));
    else if (!isObject(data)) out.problems.push(t('exp.notObject', { file: file.name }));
    else {
      out.spec = data;
      out.specName = file.name;
    }
  }
  return out;
}

/** A spec's scenario reference as a scenario: a bundled one by id, a `.json` path by its file name among the scenario files given. */
export function scenarioResolver(scenarios: ReadonlyMap<string, unknown>): ScenarioResolver {
  return (ref, field) => {
    if (!ref.endsWith('.json')) return bundledScenario(ref, field);
    const name = basename(ref);
    if (!scenarios.has(name)) throw new Problem(t('exp.fileMissing', { field, ref, file: name }));
    return parseScenario(scenarios.get(name), `scenario file ${name}`);
  };
}

/** The experiment of a spec, its `.json` references matched by file name with the scenario files given. */
export function resolveWith(spec: Draft, scenarios: ReadonlyMap<string, unknown>): Experiment {
  return resolveExperiment(spec, { resolve: scenarioResolver(scenarios) });
}
