import { forceLinting } from '@codemirror/lint';
import { createEditor } from './editor.js';
import { diff, FieldError, outcome, request, type Outcome } from './run.js';
import { decodeState, DEFAULTS, encodeState, type State } from './state.js';

/** The playground page at GET /: everything it does goes to the evaluator that served it. */
const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const FIELDS = ['kind', 'log', 'context', 'trueConditions', 'logProcessingTime', 'stateTime', 'timeRange', 'order'] as const;
const input = (id: (typeof FIELDS)[number]) => $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id);

const fromLink = decodeState(location.hash.slice(1));
const initial = fromLink ?? DEFAULTS;
for (const f of FIELDS) input(f).value = initial[f];
if (fromLink === null && location.hash.length > 1) $('idle').textContent = "This link's fragment holds no state of this page: it starts from its example.";

const editor = createEditor($('editor'), initial.condition, {
  checkKind: () => (input('kind').value === 'launch' ? 'launch' : 'standard'),
  changed: saveState,
  checked(message, ok) {
    const el = $('check');
    el.textContent = message;
    el.className = ok ? 'ok' : 'bad';
  },
});

function state(): State {
  const s = { condition: editor.state.doc.toString() } as State;
  for (const f of FIELDS) s[f] = input(f).value;
  return s;
}

/** The URL's fragment follows every edit, without a new history entry each time. */
function saveState(): void {
  history.replaceState(null, '', '#' + encodeState(state()));
}

/** Shows only the inputs the kind uses. */
function showKind(): void {
  const kind = input('kind').value;
  for (const el of document.querySelectorAll<HTMLElement>('.timed')) el.classList.toggle('hidden', kind !== 'Timed');
  for (const el of document.querySelectorAll<HTMLElement>('.order')) el.classList.toggle('hidden', kind !== 'Order');
  for (const el of document.querySelectorAll<HTMLElement>('.not-launch')) el.classList.toggle('hidden', kind === 'launch');
  editor.dom.classList.toggle('hidden', kind === 'Order');
}

for (const f of FIELDS) {
  input(f).addEventListener('input', saveState);
}
input('kind').addEventListener('change', () => {
  showKind();
  saveState();
  forceLinting(editor);
});
$('run').addEventListener('click', run);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run();
});
showKind();
saveState();

async function run(): Promise<void> {
  for (const id of ['log-error', 'context-error', 'fields-error']) $(id).textContent = '';
  let req: ReturnType<typeof request>;
  try {
    req = request(state());
  } catch (err) {
    if (!(err instanceof FieldError)) throw err;
    $(err.field === 'log' || err.field === 'context' ? `${err.field}-error` : 'fields-error').textContent = err.message;
    return;
  }
  const button = $<HTMLButtonElement>('run');
  button.disabled = true;
  try {
    const res = await fetch(req.path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: req.body });
    const answer = (await res.json()) as Record<string, unknown>;
    if (!res.ok) show({ verdict: 'error', error: `the evaluator refused the request (${res.status}): ${String(answer.error)}` });
    else show(outcome(req.path, answer, req.context));
  } catch (err) {
    show({ verdict: 'error', error: `no answer from the evaluator: ${err instanceof Error ? err.message : String(err)}` });
  } finally {
    button.disabled = false;
  }
}

function show(o: Outcome): void {
  $('idle').classList.add('hidden');
  $('outcome').classList.remove('hidden');
  const verdict = $('verdict');
  verdict.textContent = o.verdict;
  verdict.className = o.verdict;
  const put = (id: string, text: string | undefined) => {
    const dd = $(id);
    dd.textContent = text ?? '';
    dd.classList.toggle('hidden', text === undefined);
    (dd.previousElementSibling as HTMLElement).classList.toggle('hidden', text === undefined);
  };
  put('value', o.value);
  put('error', o.error);
  put('launch', o.launch);
  put('time', o.time);
  put('orderRun', o.order);
  put('steps', o.steps === undefined ? undefined : String(o.steps));
  put('micros', o.micros === undefined ? undefined : `${o.micros} µs`);
  const pre = $('diff');
  pre.replaceChildren();
  const hasDiff = o.before !== undefined && o.after !== undefined;
  $('diff-title').classList.toggle('hidden', !hasDiff);
  if (!hasDiff) return;
  for (const line of diff(o.before, o.after)) {
    const span = document.createElement('span');
    span.className = line.kind;
    span.textContent = line.text + '\n';
    pre.append(span);
  }
}
