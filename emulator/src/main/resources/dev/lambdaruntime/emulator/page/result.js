// The result panel: the state of the invocation in flight, then its answer (an HTTP response of
// API Gateway, a Function URL or ALB shown as status, headers and body), its size, copy and
// download, and, from the history, its REPORT figures, cold-start mark and log.
import { bytes, copy, element, make, offerDownload, parseJson, pretty, reportText, text } from './view.js';

const panel = element('result');
const MAX_EXCERPT_NOTE = ' (the history keeps its first 64 KB; this is that part)';

let shown = { requestId: null, payload: '', roundTripMs: null, initError: false };

function reveal(state, status) {
	panel.hidden = false;
	panel.dataset.state = state;
	text('result-status', status);
}

function showError(error) {
	element('result-error').hidden = !error;
	text('error-type', (error && error.type) || '—');
	text('error-message', (error && error.message) || '—');
}

const field = (json, name) => (json && json.value && typeof json.value[name] === 'string') ? json.value[name] : null;

/** The answer as API Gateway, a Function URL or ALB would read it, if it is one: an object with a statusCode. */
function httpResponse(json) {
	const value = json && json.value;
	const shaped = value && typeof value === 'object' && !Array.isArray(value) && Number.isInteger(value.statusCode)
		&& ['body', 'headers', 'multiValueHeaders', 'cookies', 'isBase64Encoded'].some((key) => key in value);
	return shaped ? value : null;
}

function showHttp(response) {
	element('result-http').hidden = (response === null);
	// the raw payload, which the HTTP view shows better, keeps out of the way
	panel.classList.toggle('http', response !== null);
	if (response === null) {
		return;
	}
	text('http-status', 'HTTP ' + response.statusCode + (response.statusDescription ? ' ' + response.statusDescription : ''));
	const rows = [];
	const header = (name, value) => {
		const row = make('tr');
		row.append(make('th', name), make('td', String(value), 'mono'));
		rows.push(row);
	};
	Object.entries(response.headers || {}).forEach(([name, value]) => header(name, value));
	Object.entries(response.multiValueHeaders || {}).forEach(([name, values]) =>
		header(name, Array.isArray(values) ? values.join(', ') : values));
	(response.cookies || []).forEach((cookie) => header('Set-Cookie', cookie));
	element('http-headers').tBodies[0].replaceChildren(...rows);
	const body = (typeof response.body === 'string') ? response.body : null;
	if (body === null) {
		text('http-body-note', 'No body.');
		text('http-body', '');
	}
	else if (response.isBase64Encoded) {
		const decoded = Math.floor(body.replace(/=+$/, '').length * 3 / 4);
		text('http-body-note', 'Base64-encoded body (isBase64Encoded): ' + bytes(decoded) + ' once decoded.');
		text('http-body', body);
	}
	else {
		const json = parseJson(body);
		text('http-body-note', (json !== null) ? 'JSON body, pretty-printed.' : '');
		text('http-body', pretty(body));
	}
}

function showPayload(payload, size, truncated) {
	shown.payload = payload;
	const json = parseJson(payload);
	text('result-body', pretty(payload));
	text('result-size', bytes(size) + (truncated ? MAX_EXCERPT_NOTE : ''));
	text('copy-note', '');
	showHttp(truncated ? null : httpResponse(json));
	offerDownload(element('download-payload'), payload, 'response-' + (shown.requestId || 'pending') + '.json');
	return json;
}

function showDuration(entry) {
	const parts = [];
	if (shown.initError) {
		parts.push('none: the runtime failed to initialize, so the function never ran');
	}
	else if (entry && entry.durationMs !== null) {
		parts.push(entry.durationMs + ' ms in the runtime');
	}
	if (shown.roundTripMs !== null) {
		parts.push(shown.roundTripMs + ' ms round trip');
	}
	text('result-duration', (parts.length > 0) ? parts.join(', ') : 'waiting…');
	const report = entry && entry.report;
	element('result-cold-start').hidden = !(report && report.initDurationMs !== null);
	text('result-report', report ? reportText(report) : '—');
	text('result-log', report ? report.log : '');
}

/** Shows an invocation on its way; the status says where it is. */
export function pending(status) {
	shown = { requestId: null, payload: '', roundTripMs: null, initError: false };
	reveal('pending', status);
	text('result-request-id', '—');
	showError(null);
	showPayload('', 0, false);
	showDuration(null);
}

/** Changes the status of an invocation on its way, such as from queued to running. */
export function pendingStatus(status) {
	text('result-status', status);
}

/** Shows part of a streamed answer as it arrives. */
export function streaming(status, body) {
	reveal('pending', status);
	showPayload(body, new Blob([body]).size, false);
}

/** Shows the Invoke API's answer. */
export function answered(response, body, size, roundTripMs) {
	shown.requestId = response.headers.get('X-Amzn-Requestid');
	shown.roundTripMs = roundTripMs;
	text('result-request-id', shown.requestId || '—');
	const json = showPayload(body, size, false);
	const functionError = response.headers.get('X-Amz-Function-Error');
	if (!response.ok) {
		reveal('error', 'The Invoke API refused the call (HTTP ' + response.status + ').');
		showError({ type: response.headers.get('X-Amzn-ErrorType') || field(json, 'Type'),
			message: field(json, 'message') || field(json, 'Message') });
	}
	else if (functionError) {
		reveal('error', 'The function failed (X-Amz-Function-Error: ' + functionError + ').');
		showError({ type: field(json, 'errorType'), message: field(json, 'errorMessage') });
	}
	else {
		reveal('ok', 'The function answered.');
		showError(null);
	}
	showDuration(null);
}

/** Says that the emulator did not answer at all. */
export function unreachable(message) {
	reveal('error', 'Cannot reach the emulator: ' + message);
	showError(null);
}

/** Shows the invocation of a history entry that ended, as after a reload. */
export function ended(entry) {
	shown = { requestId: entry.requestId, payload: '', roundTripMs: null, initError: false };
	text('result-request-id', entry.requestId);
	const json = showPayload(entry.responseBody || '', entry.responseBytes || 0, entry.responseTruncated);
	if (entry.status === 'ok') {
		reveal('ok', 'The function answered.');
		showError(null);
	}
	else {
		reveal('error', (entry.status === 'timeout') ? 'The invocation timed out.' : 'The function failed.');
		showError({ type: entry.errorType, message: field(json, 'errorMessage') });
	}
	update(entry);
}

/** Adds what the history knows of the invocation shown: duration, REPORT figures, log, init error. */
export function update(entry) {
	if (entry.initError) {
		shown.initError = true;
		reveal('error', 'Init error: the runtime failed to initialize before it took the invocation ('
			+ entry.errorType + ').');
	}
	showDuration(entry);
}

export const requestId = () => shown.requestId;

/** Scrolls the result into view where it sits below the editor, as on a narrow screen. */
export function bringIntoView() {
	if (panel.getBoundingClientRect().top > window.innerHeight * 0.6) {
		panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
	}
}

element('copy-payload').addEventListener('click', async () => {
	try {
		await copy(shown.payload);
		text('copy-note', 'Copied ' + bytes(new Blob([shown.payload]).size) + '.');
	}
	catch (ex) {
		text('copy-note', 'Not copied: ' + ex.message);
	}
});
