// What a lesson's answer is. The lessons themselves (a question to predict and what to look for) are
// in the scenario files, `lesson` (sim/scenario.ts); the explanation shown at the end is the
// scenario's own teaching text.
export type Answer = 'rise' | 'flat' | 'fall';

/** The answer a final index shows: above 0.25 rises, below −0.05 falls, else about flat. */
export function answerOf(index: number): Answer {
  return index > 0.25 ? 'rise' : index < -0.05 ? 'fall' : 'flat';
}
