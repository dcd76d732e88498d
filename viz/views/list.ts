// The Explore tab's views, in page order: each is a figure (`figure[data-view=<name>]`) drawn by a
// view function of viz/views/, titled by the message `chart.<title>`. The browser tests draw and
// screenshot every one of them; test/contributing.test.ts checks each has its title message.
import type { MessageKey } from '../i18n/keys.ts';
import type { LessonView } from '../lessons.ts';

export const EXPLORE_VIEWS = [
  { name: 'index', title: 'chart.index' },
  { name: 'form-substance', title: 'chart.formSubstance' },
  { name: 'sos', title: 'chart.sos' },
  { name: 'network', title: 'chart.network' },
  { name: 'map', title: 'chart.map' },
] as const satisfies readonly { name: LessonView; title: MessageKey }[];
