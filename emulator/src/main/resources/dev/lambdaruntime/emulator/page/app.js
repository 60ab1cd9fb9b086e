// The emulator's page: pick or edit an event, invoke a function through the Invoke API, show the
// answer beside the editor, and list the functions (the application's, or the local Lambda
// service's deployed ones) and the recent invocations.
import * as api from './api.js';
import * as events from './events.js';
import * as history from './history.js';
import * as result from './result.js';
import { button, element, make, text } from './view.js';

const POLL_MILLIS = 1000;
const INVOKING_POLL_MILLIS = 250;

const invokeForm = element('invoke-form');
const functionName = element('function-name');
const invokeButton = element('invoke');

/** The invocation in flight: what was sent, and the history's request ids before it was. */
let inFlight = null;
let lastHistoryText = null;
let lastFunctionsText = null;
let pollTimer = null;

// ---- the application's functions ----

const simpleTypeName = (type) => (type || '?').replace(/\b[a-z_$][\w$]*\./g, '');

function chooseFunction(name) {
	functionName.value = name;
	document.querySelectorAll('#function-list button').forEach((choice) =>
		choice.setAttribute('aria-pressed', String(choice.dataset.name === name)));
}

function showFunctions(functions) {
	element('functions').hidden = (functions.length === 0);
	element('function-list').replaceChildren(...functions.map((fn) => {
		const item = make('li');
		const choice = button(fn.name, () => chooseFunction(fn.name), 'Invoke ' + fn.name);
		choice.dataset.name = fn.name;
		choice.setAttribute('aria-pressed', String(fn.name === functionName.value));
		item.append(choice, ' ', fn.summary ? make('span', fn.summary, 'note') : types(fn));
		return item;
	}));
	// the local Lambda service's page starts with no function name: the first listed one is chosen
	if (functionName.value.trim() === '' && functions.length > 0) {
		chooseFunction(functions[0].name);
	}
}

/** An application's function's input and output types, simple names with the whole ones in the tooltip. */
function types(fn) {
	const types = make('span', simpleTypeName(fn.inputType) + ' → ' + simpleTypeName(fn.outputType), 'mono types');
	types.title = (fn.inputType || '?') + ' → ' + (fn.outputType || '?');
	return types;
}

async function refreshFunctions() {
	try {
		const functions = await api.functions();
		const asText = JSON.stringify(functions);
		if (asText !== lastFunctionsText) {
			lastFunctionsText = asText;
			showFunctions(functions);
		}
	}
	catch (ex) {
		// the list is a help, not a need: the name can be typed
	}
}

// ---- invoking ----

/** The history's entry of the invocation in flight: new since it was sent, of its function and event. */
function entryInFlight(invocations) {
	return invocations.find((entry) => !inFlight.knownIds.has(entry.requestId)
		&& entry.functionName === inFlight.name && (entry.requestTruncated || entry.requestBody === inFlight.event));
}

function showInFlight(entry) {
	if (!entry) {
		return;
	}
	if (entry.status === 'pending') {
		result.pendingStatus(entry.taken
			? 'Sent to the runtime, running ' + inFlight.name + '…'
			: 'Waiting for a runtime: the event is queued until a runtime asks for its next event.');
	}
	else {
		result.update(entry);
	}
}

// Reads the answer as it arrives, so that a streamed response visibly grows on the page.
async function readBody(response, name) {
	if (!response.body) {
		const body = await response.text();
		return { body, size: new Blob([body]).size };
	}
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	let body = '';
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) {
			return { body: body + decoder.decode(), size };
		}
		size += value.length;
		body += decoder.decode(value, { stream: true });
		if (response.ok) {
			result.streaming(name + ' is answering… ' + size + ' bytes so far.', body);
		}
	}
}

async function invoke(name, event) {
	invokeButton.disabled = true;
	inFlight = { name, event, knownIds: new Set(lastInvocationIds()) };
	result.pending('Sending the event to ' + name + '…');
	result.bringIntoView();
	poll(INVOKING_POLL_MILLIS);
	const started = performance.now();
	try {
		const response = await api.invoke(name, event);
		const { body, size } = await readBody(response, name);
		result.answered(response, body, size, Math.round(performance.now() - started));
	}
	catch (ex) {
		result.unreachable(ex.message);
	}
	finally {
		inFlight = null;
		invokeButton.disabled = false;
	}
	await refreshHistory();
	poll(POLL_MILLIS);
}

invokeForm.addEventListener('submit', (submitted) => {
	submitted.preventDefault();
	invoke(functionName.value.trim(), events.event());
});

// ---- the recent invocations ----

let lastInvocations = [];

const lastInvocationIds = () => lastInvocations.map((entry) => entry.requestId);

async function refreshHistory() {
	try {
		const { text: asText, invocations } = await api.history();
		lastInvocations = invocations;
		if (asText !== lastHistoryText) {
			lastHistoryText = asText;
			history.show(invocations);
		}
		if (inFlight !== null) {
			showInFlight(entryInFlight(invocations));
		}
		else {
			const shown = invocations.find((entry) => entry.requestId === result.requestId());
			if (shown) {
				result.update(shown);
			}
		}
		return invocations;
	}
	catch (ex) {
		lastHistoryText = null;
		history.unreadable(ex);
		return [];
	}
}

function poll(millis) {
	clearTimeout(pollTimer);
	if (document.visibilityState === 'visible') {
		pollTimer = setTimeout(async () => {
			await Promise.all([refreshHistory(), refreshFunctions()]);
			poll(millis);
		}, millis);
	}
}

document.addEventListener('visibilitychange', () => {
	if (document.visibilityState === 'visible') {
		refreshHistory();
	}
	poll((inFlight !== null) ? INVOKING_POLL_MILLIS : POLL_MILLIS);
});

// ---- start ----

history.start({
	reinvoke: (name, event) => {
		chooseFunction(name);
		events.editEvent(event);
		invoke(name, event);
	},
	edit: events.editEvent,
	changed: refreshHistory
});
text('runtime-api', 'AWS_LAMBDA_RUNTIME_API=' + location.host);
await events.start(() => invokeForm.requestSubmit());
await refreshFunctions();
const invocations = await refreshHistory();
// the last result stays after a reload: the history has it
if (inFlight === null && invocations.length > 0 && invocations[0].status !== 'pending') {
	result.ended(invocations[0]);
}
poll(POLL_MILLIS);
document.body.dataset.ready = 'true';
