// The recent invocations: one line each, with the whole event, response and log on demand in a
// dialog, and re-invoke, edit, delete and clear.
import * as api from './api.js';
import { button, bytes, copy, element, make, pretty, reportText, shortId, text } from './view.js';

const historyBody = element('history').tBodies[0];
const historyNote = element('history-note');
const details = element('details');

const TRUNCATED = 'The event is over 64 KB and the history keeps its first 64 KB only';

let actions = { reinvoke: () => {}, edit: () => {}, changed: () => {} };

function problem(message) {
	historyNote.textContent = message;
	historyNote.classList.add('problem');
}

/** The status of an entry in words: queued and running tell apart what waits and what runs. */
export function statusText(entry) {
	if (entry.status === 'pending') {
		return entry.taken ? 'running' : 'queued';
	}
	if (entry.initError) {
		return 'init error: ' + entry.errorType;
	}
	return entry.status + (entry.errorType ? ': ' + entry.errorType : '');
}

function cell(content, className, title) {
	const made = make('td', content, className);
	if (title) {
		made.title = title;
	}
	return made;
}

function requestIdCell(entry) {
	const id = cell(null, 'mono');
	const copyId = button(shortId(entry.requestId) + '…',
		() => copy(entry.requestId).catch((ex) => problem('Not copied: ' + ex.message)),
		'Copy the request id ' + entry.requestId);
	copyId.className = 'link';
	copyId.title = entry.requestId + ' (click to copy)';
	id.append(copyId);
	return id;
}

function durationCell(entry) {
	const duration = cell((entry.durationMs === null) ? '—' : entry.durationMs + ' ms');
	if (entry.report) {
		duration.title = reportText(entry.report);
		if (entry.report.initDurationMs !== null) {
			duration.append(' ', make('span', 'cold', 'badge'));
		}
	}
	return duration;
}

function actionCell(entry) {
	const cellOfActions = cell(null, 'row-actions');
	const view = button('View', () => showDetails(entry), 'Show the whole invocation ' + entry.requestId);
	const reinvoke = button('Re-invoke', () => actions.reinvoke(entry.functionName, entry.requestBody),
		'Invoke ' + entry.functionName + ' again with the event of ' + entry.requestId);
	const edit = button('Edit event', () => actions.edit(entry.requestBody),
		'Put the event of ' + entry.requestId + ' in the editor');
	for (const needsWholeEvent of [reinvoke, edit]) {
		needsWholeEvent.disabled = entry.requestTruncated;
		if (entry.requestTruncated) {
			needsWholeEvent.title = TRUNCATED + ' (' + bytes(entry.requestBytes) + '), so it cannot be '
				+ (needsWholeEvent === edit ? 'edited' : 're-invoked') + ' from here.';
		}
	}
	const remove = button('Delete', () => forget(api.deleteInvocation(entry.requestId)),
		'Delete ' + entry.requestId + ' from the history');
	cellOfActions.append(view, reinvoke, edit, remove);
	return cellOfActions;
}

function row(entry) {
	const made = make('tr');
	made.dataset.requestId = entry.requestId;
	const started = new Date(entry.startTime);
	made.append(
		cell(Number.isNaN(started.getTime()) ? entry.startTime : started.toLocaleTimeString()),
		cell(entry.functionName),
		requestIdCell(entry),
		cell(statusText(entry), 'status-' + (entry.initError ? 'error' : entry.status)),
		durationCell(entry),
		cell(entry.requestBody, 'excerpt'),
		cell(entry.responseBody === null ? '—' : entry.responseBody, 'excerpt'),
		actionCell(entry));
	return made;
}

function sized(size, truncated) {
	return bytes(size) + (truncated ? ', the first 64 KB shown' : '');
}

function showDetails(entry) {
	text('details-heading', 'Invocation ' + entry.requestId);
	text('details-summary', entry.functionName + ' · ' + statusText(entry)
		+ (entry.report ? ' · ' + entry.durationMs + ' ms · ' + reportText(entry.report) : ''));
	text('details-event-size', sized(entry.requestBytes, entry.requestTruncated));
	text('details-event', pretty(entry.requestBody));
	text('details-response-size', (entry.responseBody === null) ? 'none yet'
		: sized(entry.responseBytes, entry.responseTruncated));
	text('details-response', (entry.responseBody === null) ? '' : pretty(entry.responseBody));
	text('details-log', entry.report ? entry.report.log : '');
	details.showModal();
}

async function forget(request) {
	try {
		await request;
		actions.changed();
	}
	catch (ex) {
		problem('Not deleted: ' + ex.message);
	}
}

/** Shows the invocations, newest first. */
export function show(invocations) {
	historyBody.replaceChildren(...invocations.map(row));
	historyNote.textContent = (invocations.length > 0) ? '' : 'No invocations yet.';
	historyNote.classList.remove('problem');
}

export function unreadable(ex) {
	problem('Cannot read the recent invocations: ' + ex.message);
}

/** Starts the controls: what re-invoke and edit do, and what runs after a deletion. */
export function start(handlers) {
	actions = handlers;
	element('clear-history').addEventListener('click', () => forget(api.clearHistory()));
	element('details-close').addEventListener('click', () => details.close());
}
