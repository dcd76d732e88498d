// A long task's progress said to screen readers at its milestones — when it starts, at each quarter
// of its runs, when it ends or stops — not at every finished run, which would talk over everything
// else. The visible progress line stays up to date; the live region repeats it only at milestones.

/** A live region (`role=status`, visually hidden) that speaks `say(phase, done, total, text)` at milestones. */
export function progressVoice(region: HTMLElement): (phase: string, done: number, total: number, text: string) => void {
  let last = '';
  return (phase, done, total, text) => {
    const quarter = total > 0 ? Math.floor((4 * Math.min(done, total)) / total) : 0;
    const key = `${phase}:${quarter}`;
    if (key === last) return;
    last = key;
    region.textContent = text;
  };
}
