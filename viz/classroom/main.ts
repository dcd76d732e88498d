// The classroom's pages (classroom.html), one page for three roles: the teacher's (its address holds
// the teacher's secret: the projector's view, the clock, the end), a student's (joins with the room
// code, takes a district's seat, decides each year) and, at the end, everyone's debrief. All state
// comes from the server (cli/classroom/server.ts) over one WebSocket; the page keeps only the seat
// token, to come back to its seat after a reload or a phone's sleep. Names are shown as text, never
// as markup.
import * as Plot from '@observablehq/plot';
import type { Ack, Debrief, ErrorMessage, PublicState, SeatState, ServerMessage } from '../../lab/classroom/protocol.ts';
import { ROOM_LENGTH } from '../../lab/classroom/protocol.ts';
import type { CityYear, DistrictYear } from '../../lab/classroom/game.ts';
import { getLang, LANGS, languageName, pick, setLang, t, type Lang } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/keys.ts';
import { h } from '../dom.ts';

const $ = (id: string) => document.getElementById(id)!;
const params = new URLSearchParams(location.search);
const teacherSecret = new URLSearchParams(location.hash.slice(1)).get('teacher');
const tokenKey = (room: string) => `involution-classroom-token:${room}`;
const LANG_KEY = 'involution-classroom-lang';

let ws: WebSocket | undefined;
let role: 'teacher' | 'student' | 'none' = 'none';
let state: PublicState | undefined;
let seat: SeatState | undefined;
let debrief: Debrief | undefined;
let joinUrl = '';
let qrSvg = '';
let lastError: ErrorMessage | undefined;
let saved: Ack | undefined;
let retry = 0;
let roomTyped = (params.get('room') ?? '').toUpperCase().slice(0, ROOM_LENGTH);
let looked: PublicState | undefined;
let nameTyped = '';
/** The decision form's values while the student moves the sliders (kept across redraws). */
let draft: { year: number; purchaseShare: number; grain: number; demand: number } | undefined;

const langParam = params.get('lang');
setLang(langParam && LANGS.includes(langParam) ? langParam : (localStorage.getItem(LANG_KEY) ?? 'en'));

const fmt = (v: number, digits = 2) =>
  Number.isFinite(v) ? v.toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—';
const pct = (v: number, digits = 0) => `${fmt(v * 100, digits)} %`;
const signed = (v: number) => (Number.isFinite(v) ? `${v > 0 ? '+' : v < 0 ? '−' : ''}${fmt(Math.abs(v))}` : '—');
const district = (d: number) => t('class.district', { n: d + 1 });

function send(m: object): void {
  if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
}

function connect(): void {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  ws = new WebSocket(url);
  ws.addEventListener('open', () => {
    retry = 0;
    setConnection(true);
    if (teacherSecret) send({ type: 'teacher', secret: teacherSecret });
    else {
      const token = roomTyped ? localStorage.getItem(tokenKey(roomTyped)) : null;
      if (token) send({ type: 'resume', token });
      else if (roomTyped.length === ROOM_LENGTH && !looked) send({ type: 'look', room: roomTyped });
    }
  });
  ws.addEventListener('message', (e) => receive(JSON.parse(String(e.data)) as ServerMessage));
  ws.addEventListener('close', () => {
    setConnection(false);
    // A phone that slept, a server restarted: try again, more slowly each time (at most every 5 s).
    retry++;
    setTimeout(connect, Math.min(5000, 300 * retry));
  });
}

function setConnection(up: boolean): void {
  const el = $('connection');
  el.textContent = up ? t('class.connected') : t('class.reconnecting');
  el.classList.toggle('lost', !up);
}

function receive(m: ServerMessage): void {
  if (m.type === 'welcome') {
    role = m.role;
    lastError = undefined;
    if (m.token && roomTyped) localStorage.setItem(tokenKey(roomTyped), m.token);
    if (m.joinUrl) joinUrl = m.joinUrl;
    if (m.qrSvg) qrSvg = m.qrSvg;
  } else if (m.type === 'state') {
    if (role === 'none') looked = m;
    else state = m;
    if (!langParam && !localStorage.getItem(LANG_KEY) && m.lang !== getLang() && LANGS.includes(m.lang)) setLang(m.lang);
    if (saved && saved.year !== m.year) saved = undefined;
  } else if (m.type === 'seat') {
    // The seat's state is the server's word on its decision (a teammate may have changed it since).
    seat = m;
    saved = undefined;
  } else if (m.type === 'debrief') debrief = m;
  else if (m.type === 'ack') {
    saved = m;
    lastError = undefined;
  } else if (m.type === 'error') {
    lastError = m;
    // A token this server does not know (another game, a new database): join again.
    if (m.code === 'token' && !teacherSecret && roomTyped) localStorage.removeItem(tokenKey(roomTyped));
    if (m.code === 'token' && !teacherSecret && role === 'none' && roomTyped.length === ROOM_LENGTH) send({ type: 'look', room: roomTyped });
  }
  render();
}

function errorText(e: ErrorMessage): string {
  const key = `class.error.${e.code}` as MessageKey;
  return t(key, { field: e.field ?? '', value: e.value ?? '', allowed: e.allowed ?? '', seconds: e.seconds ?? 0, detail: e.detail ?? '' });
}

function render(): void {
  document.title = `${t('appTitle')} — ${t('class.title')}`;
  $('title').textContent = `${t('appTitle')} — ${t('class.title')}`;
  $('lang').textContent = languageName(LANGS.find((l) => l !== getLang()) ?? 'en');
  // The switch is named by the language it switches to, in that language.
  $('lang').setAttribute('lang', LANGS.find((l) => l !== getLang()) ?? 'en');
  $('lang').setAttribute('title', t('language'));
  const st = state;
  $('subtitle').textContent = !st
    ? ''
    : st.over
      ? t('class.subtitleOver', { scenario: pick(st.scenario.title), room: st.room, played: Math.max(0, st.city.length - 1) })
      : t('class.subtitle', { scenario: pick(st.scenario.title), room: st.room, year: st.year, years: st.years });
  const app = $('app');
  app.replaceChildren();
  if (lastError && !(role === 'student' && lastError.code !== 'token' && lastError.code !== 'room'))
    app.append(h('p', { class: 'error', role: 'alert' }, errorText(lastError)));
  if (role === 'teacher' && st) app.append(...teacherView(st));
  else if (role === 'student' && st && seat) app.append(...studentView(st, seat));
  else if (!teacherSecret) app.append(joinView());
  else app.append(h('p', {}, t('class.connecting')));
  if (debrief && st?.over) app.append(...debriefView(debrief, st));
}

// ——— joining ———

function joinView(): HTMLElement {
  const form = h('form', { class: 'card', id: 'join' });
  const room = h('input', {
    id: 'room',
    name: 'room',
    autocomplete: 'off',
    autocapitalize: 'characters',
    maxlength: String(ROOM_LENGTH),
    value: roomTyped,
    required: true,
    'aria-describedby': 'room-hint',
  });
  const name = h('input', { id: 'name', name: 'name', autocomplete: 'nickname', maxlength: '40', value: nameTyped, required: true });
  room.addEventListener('input', () => {
    roomTyped = room.value.toUpperCase().slice(0, ROOM_LENGTH);
    if (roomTyped.length === ROOM_LENGTH) {
      looked = undefined;
      send({ type: 'look', room: roomTyped });
    }
  });
  name.addEventListener('input', () => (nameTyped = name.value));
  form.append(
    h('h2', {}, t('class.join')),
    h('label', { for: 'room' }, t('class.roomCode')),
    room,
    h('p', { class: 'hint', id: 'room-hint' }, t('class.roomHint')),
    h('label', { for: 'name' }, t('class.yourName')),
    name,
  );
  const lk = looked && looked.room === roomTyped ? looked : undefined;
  if (lk) {
    const select = h('select', { id: 'seat', name: 'seat' });
    for (const s of lk.seats)
      select.append(
        h('option', { value: String(s.seat) }, s.names.length ? `${district(s.seat)} — ${s.names.join(', ')}` : `${district(s.seat)} — ${t('class.free')}`),
      );
    select.append(h('option', { value: 'observer' }, t('class.observer')));
    // The seat with the fewest students first: a class fills the districts evenly.
    const fewest = [...lk.seats].sort((a, b) => a.names.length - b.names.length || a.seat - b.seat)[0];
    if (fewest) select.value = String(fewest.seat);
    form.append(h('label', { for: 'seat' }, t('class.seat')), select, h('p', { class: 'hint' }, t('class.seatHint')));
    form.append(h('p', {}, h('button', { type: 'submit', class: 'primary' }, t('class.takeSeat'))));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = select.value;
      send({ type: 'join', room: roomTyped, name: name.value.trim(), seat: v === 'observer' ? 'observer' : Number(v) });
    });
  } else {
    form.addEventListener('submit', (e) => e.preventDefault());
  }
  if (lastError && (lastError.code === 'room' || lastError.code === 'rate' || lastError.code === 'invalid' || lastError.code === 'seat'))
    form.append(h('p', { class: 'error', role: 'alert' }, errorText(lastError)));
  return form;
}

// ——— a student's seat ———

function figure(name: string, value: string, id?: string): HTMLElement {
  return h('div', { class: 'figure', ...(id ? { 'data-figure': id } : {}) }, h('div', { class: 'value' }, value), h('div', { class: 'name' }, name));
}

function rankOf(standings: number[], d: number): number {
  const mine = standings[d];
  return 1 + standings.filter((s) => s > mine).length;
}

function studentView(st: PublicState, me: SeatState): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (me.seat === 'observer') {
    out.push(h('div', { class: 'card' }, h('h2', {}, t('class.observing', { name: me.name })), h('p', {}, t('class.observerHint'))));
    out.push(cityCard(st), standingsCard(st, -1));
    return out;
  }
  const d = me.seat;
  const last = me.history[me.history.length - 1];
  const team = st.seats[d]?.names ?? [];
  out.push(
    h(
      'div',
      { class: 'card', id: 'seat-card' },
      h('h2', {}, t('class.youAre', { district: district(d), name: me.name })),
      h('p', { class: 'muted' }, team.length > 1 ? t('class.team', { names: team.join(', ') }) : t('class.role')),
      timerLine(st),
    ),
  );
  if (last) {
    const stand = st.standings[st.standings.length - 1] ?? [];
    out.push(
      h(
        'div',
        { class: 'card', id: 'last-year', 'data-year': String(last.year) },
        h('h2', {}, last.year === 0 ? t('class.inheritedYear') : t('class.lastYear', { year: last.year })),
        h(
          'div',
          { class: 'figures' },
          figure(t('class.fig.budget'), fmt(last.budget, 0), 'budget'),
          figure(t('class.fig.share'), pct(last.purchaseShare), 'share'),
          figure(t('class.fig.projects'), fmt(last.projects, 0), 'projects'),
          figure(t('class.fig.sos'), fmt(last.sos, 0), 'sos'),
          figure(t('class.fig.demand'), pct(last.demand), 'demand'),
          figure(t('class.fig.visible'), fmt(last.visible, 1), 'visible'),
          figure(t('class.fig.seen'), fmt(last.seenPerMoney, 3), 'seen'),
          figure(t('class.fig.rank'), t('class.rank', { rank: rankOf(stand, d), of: stand.length }), 'rank'),
        ),
        h('p', { class: 'hint' }, t('class.scoreHint')),
      ),
    );
  } else out.push(h('div', { class: 'card' }, h('p', {}, t('class.firstYear'))));
  if (!st.over) out.push(decisionCard(st, me, d));
  if (me.history.length > 1) out.push(historyCard(me.history));
  if (st.standings.length) out.push(standingsCard(st, d));
  return out;
}

function timerLine(st: PublicState): HTMLElement {
  const p = h('p', { class: 'timer', id: 'timer' });
  if (st.over) p.textContent = t('class.over');
  else if (st.deadline) {
    const left = Math.max(0, Math.round((st.deadline - Date.now()) / 1000));
    p.textContent = t('class.timerLeft', { seconds: left, year: st.year });
  } else p.textContent = t(role === 'teacher' ? 'class.teacherRuns' : 'class.waitTeacher', { year: st.year });
  return p;
}

/** The decision form of the year on screen: kept across redraws, so that a student moving a slider is not interrupted when others decide. */
let decideForm: { year: number; seat: number; form: HTMLFormElement; lang: Lang } | undefined;

function decisionCard(st: PublicState, me: SeatState, d: number): HTMLElement {
  const from = me.decision ?? me.current;
  if (!draft || draft.year !== st.year) draft = { year: st.year, ...from };
  const b = st.bounds;
  const size = (g: number) => st.projectMoney.full * Math.pow(st.projectMoney.showcaseRatio, g);
  const kept = decideForm && decideForm.year === st.year && decideForm.seat === d && decideForm.lang === getLang() ? decideForm.form : undefined;
  const form = kept ?? h('form', { class: 'card', id: 'decide' });
  // The seat's decision as the server kept it: its acknowledgement, or the seat's state (a teammate's, or after a reload).
  const mine = saved && saved.year === st.year ? saved.decision : me.decision;
  const status = h('p', { class: 'status-line', id: 'decision-status', role: 'status' });
  if (lastError && lastError.code !== 'token') {
    status.className = 'status-line error';
    status.textContent = errorText(lastError);
  } else if (mine) {
    status.className = 'status-line ok';
    status.textContent = t('class.saved', { year: st.year, share: pct(mine.purchaseShare), size: fmt(size(mine.grain), 2), demand: pct(mine.demand) });
  } else status.textContent = t('class.notYet');
  if (kept) {
    kept.querySelector('#decision-status')!.replaceWith(status);
    return kept;
  }
  decideForm = { year: st.year, seat: d, form, lang: getLang() };
  const slider = (id: 'purchaseShare' | 'grain' | 'demand', range: [number, number], step: number, show: (v: number) => string, hint: string) => {
    const input = h('input', { type: 'range', id, name: id, min: String(range[0]), max: String(range[1]), step: String(step), value: String(draft![id]) });
    const output = h('output', { for: id, id: `${id}-value` }, show(draft![id]));
    input.addEventListener('input', () => {
      draft![id] = Number(input.value);
      output.textContent = show(draft![id]);
    });
    return [
      h(
        'div',
        { class: 'slider' },
        h('div', { class: 'row' }, h('label', { for: id }, t(`class.decide.${id}` as MessageKey)), output),
        input,
        h('p', { class: 'hint' }, hint),
      ),
    ];
  };
  form.append(
    h('h2', {}, t('class.decideYear', { year: st.year })),
    ...slider('purchaseShare', b.purchaseShare, 0.01, pct, t('class.hint.share')),
    ...slider('grain', b.grain, 0.05, (g) => t('class.projectSize', { money: fmt(size(g), 2) }), t('class.hint.grain')),
    ...slider('demand', b.demand, 0.01, pct, t('class.hint.demand')),
    h('p', {}, h('button', { type: 'submit', class: 'primary', id: 'save' }, t('class.save'))),
    status,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send({ type: 'decide', year: st.year, purchaseShare: draft!.purchaseShare, grain: draft!.grain, demand: draft!.demand });
  });
  void d;
  return form;
}

function historyCard(history: SeatState['history']): HTMLElement {
  const rows = history.map((y) =>
    h(
      'tr',
      {},
      h('td', {}, y.year === 0 ? t('class.year0') : String(y.year)),
      h('td', {}, t(y.decidedBy === 'seat' ? 'class.by.seat' : 'class.by.model')),
      h('td', {}, pct(y.purchaseShare)),
      h('td', {}, fmt(y.grain)),
      h('td', {}, pct(y.demand)),
      h('td', {}, fmt(y.visible, 1)),
      h('td', {}, fmt(y.seenPerMoney, 3)),
      h('td', {}, signed(y.standing)),
    ),
  );
  return h(
    'div',
    { class: 'card' },
    h('h2', {}, t('class.yourYears')),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              'class.col.year',
              'class.col.by',
              'class.col.share',
              'class.col.grain',
              'class.col.demand',
              'class.col.visible',
              'class.col.seen',
              'class.col.standing',
            ].map((k) => h('th', { scope: 'col' }, t(k as MessageKey))),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    ),
  );
}

function standingsCard(st: PublicState, me: number): HTMLElement {
  const stand = st.standings[st.standings.length - 1] ?? [];
  const order = stand.map((v, d) => ({ v, d })).sort((a, b) => b.v - a.v);
  const rows = order.map(({ v, d }, i) => {
    const names = st.seats[d]?.names ?? [];
    return h(
      'tr',
      { class: d === me ? 'me' : undefined },
      h('td', {}, `${i + 1}. ${district(d)}`),
      h('td', { class: 'text' }, names.length ? names.join(', ') : t('class.modelOfficial')),
      h('td', {}, signed(v)),
    );
  });
  return h(
    'div',
    { class: 'card', id: 'standings' },
    h('h2', {}, st.standings.length === 1 ? t('class.standingsInherited') : t('class.standings', { year: st.standings.length - 1 })),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('class.col.district')),
            h('th', { scope: 'col', class: 'text' }, t('class.col.officials')),
            h('th', { scope: 'col' }, t('class.col.standing')),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    ),
    h('p', { class: 'hint' }, t('class.standingHint')),
  );
}

// ——— the teacher's page (the projector) ———

function teacherView(st: PublicState): HTMLElement[] {
  const qr = h('div', { class: 'qr', role: 'img', 'aria-label': t('class.qrLabel') });
  if (qrSvg) {
    const svg = new DOMParser().parseFromString(qrSvg, 'image/svg+xml').documentElement;
    qr.append(document.importNode(svg, true));
  }
  const decided = st.seats.filter((s) => s.decided).length;
  const join = h(
    'div',
    { class: 'card no-print', id: 'join-card' },
    h(
      'div',
      { class: 'join-row' },
      qr,
      h('div', {}, h('div', {}, t('class.roomCode')), h('div', { class: 'room', id: 'room-code' }, st.room), h('div', { class: 'url' }, joinUrl)),
    ),
  );
  const seats = h(
    'div',
    { class: 'seats', id: 'seats' },
    ...st.seats.map((s) =>
      h(
        'div',
        { class: `seat${s.decided ? ' decided' : ''}`, 'data-seat': String(s.seat) },
        h('strong', {}, `${district(s.seat)} ${s.decided ? '✓' : ''}`),
        h('div', { class: 'names' }, s.names.length ? s.names.join(', ') : t('class.modelOfficial')),
      ),
    ),
  );
  const timer = h('select', { id: 'timer-select', 'aria-label': t('class.timer') });
  for (const v of ['off', '30', '60', '120', '300'])
    timer.append(h('option', { value: v }, v === 'off' ? t('class.timerOff') : t('class.timerEvery', { seconds: Number(v) })));
  timer.value = st.timerSeconds === null ? 'off' : String(st.timerSeconds);
  if (timer.value === '' && st.timerSeconds !== null) {
    timer.append(h('option', { value: String(st.timerSeconds) }, t('class.timerEvery', { seconds: st.timerSeconds })));
    timer.value = String(st.timerSeconds);
  }
  timer.addEventListener('change', () => send({ type: 'timer', seconds: timer.value === 'off' ? null : Number(timer.value) }));
  const run = h('button', { type: 'button', class: 'primary', id: 'run', disabled: st.over }, t('class.runYear', { year: Math.min(st.year, st.years) }));
  run.addEventListener('click', () => send({ type: 'run' }));
  const end = h('button', { type: 'button', id: 'end', disabled: st.over }, t('class.end'));
  end.addEventListener('click', () => {
    if (confirm(t('class.endConfirm'))) send({ type: 'end' });
  });
  const clock = h(
    'div',
    { class: 'card no-print', id: 'clock' },
    h('h2', {}, st.over ? t('class.over') : t('class.deciding', { year: st.year, years: st.years, decided, seats: st.seats.length, observers: st.observers })),
    timerLine(st),
    h('div', { class: 'controls-row' }, run, h('label', { for: 'timer-select', style: 'margin:0' }, t('class.timer')), timer, end),
    h('h3', {}, t('class.seats')),
    seats,
  );
  return st.over ? [] : [h('div', { class: 'grid' }, join, clock), cityCard(st), ...(st.standings.length ? [standingsCard(st, -1)] : [])];
}

// ——— charts ———

function lineChart(lines: { name: string; points: { year: number; value: number }[]; dash?: boolean }[], y: string, width: number): HTMLElement {
  const data = lines.flatMap((l) => l.points.map((p) => ({ line: l.name, year: p.year, value: p.value, dash: l.dash === true })));
  const chart = Plot.plot({
    width,
    height: Math.min(360, Math.round(width * 0.45)),
    marginLeft: 52,
    marginBottom: 44,
    style: { fontSize: '13px' },
    x: {
      label: t('class.col.year'),
      labelOffset: 40,
      tickFormat: 'd',
      ticks: [...new Set(data.map((d) => d.year))].filter((y, _, all) => all.length <= 12 || y % Math.ceil(all.length / 10) === 0),
    },
    y: { label: y, grid: true },
    color: { legend: true, domain: lines.map((l) => l.name), range: ['#0072B2', '#D55E00', '#009E73', '#CC79A7'] },
    marks: [
      Plot.ruleY([0], { stroke: '#999' }),
      Plot.line(
        data.filter((d) => !d.dash),
        { x: 'year', y: 'value', z: 'line', stroke: 'line', strokeWidth: 2.5 },
      ),
      Plot.line(
        data.filter((d) => d.dash),
        { x: 'year', y: 'value', z: 'line', stroke: 'line', strokeWidth: 2.5, strokeDasharray: '6,4' },
      ),
      Plot.dot(data, { x: 'year', y: 'value', fill: 'line', r: 3 }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: 'year',
          y: 'value',
          z: 'line',
          title: (d: { line: string; year: number; value: number }) => `${d.line}\n${t('class.col.year')} ${d.year}: ${signed(d.value)}`,
        }),
      ),
    ],
  });
  // One image, named by what it shows, with its numbers as text: Plot's names of its marks ("rule",
  // "line") are not for a reader, and on a group without a role they are not allowed.
  for (const e of chart.querySelectorAll('g[aria-label]')) e.removeAttribute('aria-label');
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
  svg?.setAttribute('role', 'img');
  svg?.setAttribute(
    'aria-label',
    `${y}. ${lines.map((l) => `${l.name}: ${l.points.map((p) => `${t('class.col.year')} ${p.year} ${signed(p.value)}`).join(', ')}`).join('; ')}`,
  );
  return h('div', { class: 'chart' }, chart as unknown as Node);
}

/** As wide as a card: on a projector the chart is the room's to read. */
const chartWidth = () => Math.max(280, Math.min(1100, Math.min(document.documentElement.clientWidth, 72 * 16) - 64));

function cityCard(st: PublicState): HTMLElement {
  const card = h('div', { class: 'card', id: 'city' }, h('h2', {}, t('class.city')));
  if (!st.city.length) {
    card.append(h('p', {}, t('class.noYearYet')));
    return card;
  }
  const last = st.city[st.city.length - 1];
  card.append(
    h(
      'div',
      { class: 'figures' },
      figure(t('class.fig.index'), signed(last.index), 'index'),
      figure(t('class.fig.form'), signed(last.form), 'form'),
      figure(t('class.fig.substance'), signed(last.substance), 'substance'),
    ),
    lineChart(
      [
        { name: t('class.line.form'), points: st.city.map((c) => ({ year: c.year, value: c.form })) },
        { name: t('class.line.substance'), points: st.city.map((c) => ({ year: c.year, value: c.substance })) },
        { name: t('class.line.index'), points: st.city.map((c) => ({ year: c.year, value: c.index })) },
      ],
      t('class.axis.growth'),
      chartWidth(),
    ),
    h('p', { class: 'hint' }, t('class.indexHint')),
  );
  return card;
}

// ——— the debrief ———

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => (xs.length ? sum(xs) / xs.length : NaN);

/** Per district: its visible output and need met over the game, the class's against the model's. */
function districtSummary(db: Debrief, d: number) {
  const own = db.districts.slice(1).map((y) => y[d]);
  const model = db.modelDistricts.slice(1).map((y) => y[d]);
  const seatYears = own.filter((y) => y.decidedBy === 'seat').length;
  return {
    d,
    names: db.names[d] ?? [],
    seatYears,
    visible: mean(own.map((y) => y.visible)),
    modelVisible: mean(model.map((y) => y.visible)),
    needsMet: mean(own.map((y) => y.needsMet)),
    modelNeedsMet: mean(model.map((y) => y.needsMet)),
    share: mean(own.map((y) => y.purchaseShare)),
    grain: mean(own.map((y) => y.grain)),
    demand: mean(own.map((y) => y.demand)),
    standing: mean(own.map((y) => y.standing)),
  };
}

function debriefView(db: Debrief, st: PublicState): HTMLElement[] {
  // Year 0 is the inherited year, the same for the class and the model: the years decided follow it.
  const years = db.city.length - 1;
  const lastClass: CityYear | undefined = years > 0 ? db.city[years] : undefined;
  const lastModel: CityYear | undefined = years > 0 ? db.model[years] : undefined;
  const head = h(
    'div',
    // The exact numbers, for anyone checking the debrief against a replay of the session file.
    {
      class: 'card',
      id: 'debrief',
      'data-index': JSON.stringify(db.city.map((c) => c.index)),
      'data-model-index': JSON.stringify(db.model.map((c) => c.index)),
    },
    h('h2', {}, t('class.debrief', { years })),
    h('p', { class: 'muted' }, `${pick(st.scenario.title)} · ${db.label}`),
  );
  if (!lastClass || !lastModel) {
    head.append(h('p', {}, t('class.noYearYet')));
    return [head];
  }
  head.append(
    h('p', { class: 'finding', id: 'finding-index' }, t('class.findIndex', { cls: signed(lastClass.index), model: signed(lastModel.index), years })),
    h('p', { class: 'finding' }, t('class.findNeeds', { cls: pct(lastClass.needsMet, 1), model: pct(lastModel.needsMet, 1) })),
    lineChart(
      [
        { name: t('class.line.classIndex'), points: db.city.map((c) => ({ year: c.year, value: c.index })) },
        { name: t('class.line.modelIndex'), points: db.model.map((c) => ({ year: c.year, value: c.index })), dash: true },
        { name: t('class.line.classForm'), points: db.city.map((c) => ({ year: c.year, value: c.form })) },
        { name: t('class.line.classSubstance'), points: db.city.map((c) => ({ year: c.year, value: c.substance })) },
      ],
      t('class.axis.growth'),
      chartWidth(),
    ),
  );
  const seats = db.names.map((_, d) => districtSummary(db, d));
  const chasers = seats.filter((s) => s.seatYears > 0 && s.visible > s.modelVisible * 1.1 && s.needsMet < s.modelNeedsMet);
  const findings = h('div', { class: 'card', id: 'chasers' }, h('h2', {}, t('class.whoChased')));
  if (chasers.length === 0) findings.append(h('p', {}, t('class.noChasers')));
  for (const s of chasers)
    findings.append(
      h(
        'p',
        { class: 'finding' },
        t('class.chaser', {
          district: district(s.d),
          names: s.names.join(', ') || t('class.modelOfficial'),
          visible: fmt(s.visible / s.modelVisible, 1),
          met: pct(s.needsMet, 1),
          modelMet: pct(s.modelNeedsMet, 1),
        }),
      ),
    );
  findings.append(h('p', { class: 'hint' }, t('class.chaserHint')));
  const table = h(
    'div',
    { class: 'card' },
    h('h2', {}, t('class.byDistrict')),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { id: 'debrief-table', class: 'wide' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              'class.col.district',
              'class.col.officials',
              'class.col.yearsDecided',
              'class.col.share',
              'class.col.grain',
              'class.col.demand',
              'class.col.standing',
              'class.col.visibleVs',
              'class.col.metVs',
            ].map((k) => h('th', { scope: 'col', class: k === 'class.col.officials' ? 'text' : undefined }, t(k as MessageKey))),
          ),
        ),
        h(
          'tbody',
          {},
          ...seats.map((s) =>
            h(
              'tr',
              {},
              h('td', {}, district(s.d)),
              h('td', { class: 'text' }, s.names.join(', ') || t('class.modelOfficial')),
              h('td', {}, `${s.seatYears} / ${years}`),
              h('td', {}, pct(s.share)),
              h('td', {}, fmt(s.grain)),
              h('td', {}, pct(s.demand)),
              h('td', {}, signed(s.standing)),
              h('td', {}, `${fmt(s.visible, 1)} / ${fmt(s.modelVisible, 1)}`),
              h('td', {}, `${pct(s.needsMet, 1)} / ${pct(s.modelNeedsMet, 1)}`),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'hint' }, t('class.byDistrictHint')),
  );
  const yearly = h('details', { class: 'card no-print' }, h('summary', {}, t('class.yearByYear')), yearTable(db));
  const download = h('button', { type: 'button', id: 'download-session' }, t('class.downloadSession'));
  download.addEventListener('click', () => {
    const blob = new Blob([JSON.stringify(db.session, null, 2) + '\n'], { type: 'application/json' });
    const a = h('a', { href: URL.createObjectURL(blob), download: `involution-class-${st.room}.json` });
    document.body.append(a);
    a.click();
    a.remove();
  });
  const print = h('button', { type: 'button', id: 'print' }, t('class.print'));
  print.addEventListener('click', () => window.print());
  const tools = h(
    'div',
    { class: 'card no-print' },
    h('div', { class: 'controls-row' }, download, print),
    h('p', { class: 'hint' }, t('class.sessionHint', { room: st.room })),
  );
  return [head, findings, table, yearly, tools];
}

function yearTable(db: Debrief): HTMLElement {
  const rows: HTMLElement[] = [];
  db.districts.forEach((year) =>
    year.forEach((y: DistrictYear) => {
      const m = db.modelDistricts[y.year]?.[y.district];
      rows.push(
        h(
          'tr',
          {},
          h('td', {}, y.year === 0 ? t('class.year0') : String(y.year)),
          h('td', {}, district(y.district)),
          h('td', {}, t(y.decidedBy === 'seat' ? 'class.by.seat' : 'class.by.model')),
          h('td', {}, pct(y.purchaseShare)),
          h('td', {}, fmt(y.grain)),
          h('td', {}, pct(y.demand)),
          h('td', {}, signed(y.standing)),
          h('td', {}, fmt(y.visible, 1)),
          h('td', {}, pct(y.needsMet)),
          h('td', {}, m ? pct(m.needsMet) : '—'),
        ),
      );
    }),
  );
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'year-table', class: 'wide' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[
            'class.col.year',
            'class.col.district',
            'class.col.by',
            'class.col.share',
            'class.col.grain',
            'class.col.demand',
            'class.col.standing',
            'class.col.visible',
            'class.col.met',
            'class.col.modelMet',
          ].map((k) => h('th', { scope: 'col' }, t(k as MessageKey))),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

$('lang').addEventListener('click', () => {
  const next: Lang = LANGS.find((l) => l !== getLang()) ?? 'en';
  setLang(next);
  localStorage.setItem(LANG_KEY, next);
  setConnection(ws?.readyState === WebSocket.OPEN);
  render();
});

// The timer's countdown, once a second, without a redraw of the forms.
setInterval(() => {
  const el = document.getElementById('timer');
  if (el && state) el.replaceWith(timerLine(state));
}, 1000);

render();
connect();
