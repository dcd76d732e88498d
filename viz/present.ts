// Presentation mode, for a classroom projector: full screen, large type, the settings hidden, and
// keys a teacher can press from across the room — space plays or pauses, R resets, the arrows step
// a month forward or back, Escape leaves. The layout is style.css's (`.presenting`): the scenario's
// title, the monitors and the two main charts on one screen at 1024 × 768 and 1280 × 720; from the
// Lesson tab, the lesson (its question, the run with its band, the verdict, the reveal).
import { t } from './i18n/index.ts';

export interface Stage {
  togglePlay(): void;
  reset(): void;
  step(): void;
  stepBack(): void;
  /** Presentation mode was entered or left (what the page shows changed). */
  changed(): void;
}

export function createPresentation(button: HTMLButtonElement, exit: HTMLButtonElement, stage: Stage) {
  const on = () => document.body.classList.contains('presenting');

  function set(presenting: boolean): void {
    document.body.classList.toggle('presenting', presenting);
    button.setAttribute('aria-pressed', String(presenting));
    if (presenting) {
      // Full screen where the browser allows it; the large layout works in a window too.
      document.documentElement.requestFullscreen?.().catch(() => {});
      exit.focus();
    } else {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      button.focus();
    }
    stage.changed();
  }

  button.addEventListener('click', () => set(!on()));
  exit.addEventListener('click', () => set(false));
  // Leaving full screen with the browser's own Escape leaves presentation mode too.
  document.addEventListener('fullscreenchange', () => { if (!document.fullscreenElement && on()) set(false); });
  document.addEventListener('keydown', (e) => {
    if (!on() || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea, dialog')) return;
    const act: Record<string, () => void> = {
      ' ': stage.togglePlay, r: stage.reset, R: stage.reset, ArrowRight: stage.step, ArrowLeft: stage.stepBack, Escape: () => set(false),
    };
    const fn = act[e.key];
    if (!fn) return;
    e.preventDefault();
    fn();
  });

  return {
    relabel(): void {
      button.textContent = t('present');
      exit.textContent = t('presentExit');
    },
  };
}
