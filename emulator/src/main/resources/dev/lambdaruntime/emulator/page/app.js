// The emulator's page: pick or edit an event, invoke the function through the Invoke API, show
// the answer, and list recent invocations from the emulator's history. Everything that comes from
// events, answers or storage is written with textContent, never parsed as markup.
'use strict';

(() => {
	const SAVED_EVENTS_KEY = 'lambda-emulator.saved-events';
	const HISTORY_URL = 'api/invocations';
	const POLL_MILLIS = 1000;
	const EXCERPT_LENGTH = 120;
	const TITLE_LENGTH = 2000;

	const element = (id) => document.getElementById(id);
	const invokeForm = element('invoke-form');
	const functionName = element('function-name');
	const picker = element('event-picker');
	const templateOptions = element('template-options');
	const savedOptions = element('saved-options');
	const editor = element('event');
	const eventNote = element('event-note');
	const invokeButton = element('invoke');
	const saveForm = element('save-form');
	const saveName = element('save-name');
	const saveNote = element('save-note');
	const deleteButton = element('delete');
	const result = element('result');
	const historyBody = element('history').tBodies[0];
	const historyNote = element('history-note');

	let lastInvocation = null;
	let lastHistoryText = null;
	let pollTimer = null;

	// ---- events: templates, saved events and the editor ----

	function option(value, label, disabled) {
		const option = document.createElement('option');
		option.value = value;
		option.textContent = label;
		option.disabled = Boolean(disabled);
		return option;
	}

	function parseJson(text) {
		try {
			return { value: JSON.parse(text) };
		}
		catch (ex) {
			return null;
		}
	}

	function setEvent(text) {
		editor.value = text;
		checkEvent();
	}

	function checkEvent() {
		const problem = (parseJson(editor.value) === null);
		eventNote.textContent = problem ? 'Not valid JSON: Lambda would refuse it; the emulator sends it as it is.' : '';
		eventNote.classList.toggle('problem', problem);
	}

	function savedEvents() {
		try {
			const saved = JSON.parse(localStorage.getItem(SAVED_EVENTS_KEY) || '[]');
			return Array.isArray(saved)
				? saved.filter((entry) => entry && typeof entry.name === 'string' && typeof entry.event === 'string')
				: [];
		}
		catch (ex) {
			return [];
		}
	}

	function chosenSavedEvent() {
		return savedEvents().find((entry) => 'saved:' + entry.name === picker.value);
	}

	function showSavedEvents(chosenName) {
		const saved = savedEvents();
		savedOptions.replaceChildren(...(saved.length > 0
			? saved.map((entry) => option('saved:' + entry.name, entry.name))
			: [option('', 'None yet', true)]));
		if (chosenName !== undefined) {
			picker.value = 'saved:' + chosenName;
		}
		deleteButton.disabled = (chosenSavedEvent() === undefined);
	}

	function storeSavedEvents(saved, message) {
		try {
			localStorage.setItem(SAVED_EVENTS_KEY, JSON.stringify(saved));
			saveNote.textContent = message;
			return true;
		}
		catch (ex) {
			saveNote.textContent = 'The browser refused to store the event: ' + ex.message;
			return false;
		}
	}

	picker.addEventListener('change', () => {
		const template = EVENT_TEMPLATES.find((candidate) => 'template:' + candidate.id === picker.value);
		const saved = chosenSavedEvent();
		if (template) {
			setEvent(JSON.stringify(template.event, null, 2));
		}
		else if (saved) {
			setEvent(saved.event);
			saveName.value = saved.name;
		}
		deleteButton.disabled = (saved === undefined);
		saveNote.textContent = '';
	});

	saveForm.addEventListener('submit', (submitted) => {
		submitted.preventDefault();
		const name = saveName.value.trim();
		if (name === '') {
			return;
		}
		const saved = savedEvents().filter((entry) => entry.name !== name);
		saved.push({ name, event: editor.value });
		saved.sort((first, second) => first.name.localeCompare(second.name));
		if (storeSavedEvents(saved, 'Saved “' + name + '”.')) {
			showSavedEvents(name);
		}
	});

	deleteButton.addEventListener('click', () => {
		const chosen = chosenSavedEvent();
		if (chosen && storeSavedEvents(savedEvents().filter((entry) => entry.name !== chosen.name),
				'Deleted “' + chosen.name + '”.')) {
			picker.value = '';
			showSavedEvents();
		}
	});

	element('format').addEventListener('click', () => {
		const parsed = parseJson(editor.value);
		if (parsed !== null) {
			setEvent(JSON.stringify(parsed.value, null, 2));
		}
	});

	editor.addEventListener('input', checkEvent);
	editor.addEventListener('keydown', (key) => {
		if (key.key === 'Enter' && (key.ctrlKey || key.metaKey)) {
			key.preventDefault();
			invokeForm.requestSubmit();
		}
	});

	// ---- invoking and showing the result ----

	function text(id, value) {
		element(id).textContent = value;
	}

	function showResult(state, status, requestId, payload, error) {
		result.hidden = false;
		result.dataset.state = state;
		text('result-status', status);
		text('result-request-id', requestId || '—');
		element('result-error').hidden = !error;
		text('error-type', (error && error.type) || '—');
		text('error-message', (error && error.message) || '—');
		text('result-body', payload);
		showDuration();
	}

	function stringField(json, name) {
		return (json && json.value && typeof json.value[name] === 'string') ? json.value[name] : null;
	}

	function showAnswer(response, body) {
		const json = parseJson(body);
		const payload = (json !== null) ? JSON.stringify(json.value, null, 2) : body;
		const requestId = response.headers.get('X-Amzn-Requestid');
		const functionError = response.headers.get('X-Amz-Function-Error');
		if (!response.ok) {
			showResult('error', 'The Invoke API refused the call (HTTP ' + response.status + ').', requestId, payload, {
				type: response.headers.get('X-Amzn-ErrorType') || stringField(json, 'Type'),
				message: stringField(json, 'message') || stringField(json, 'Message')
			});
		}
		else if (functionError) {
			showResult('error', 'The function failed (X-Amz-Function-Error: ' + functionError + ').', requestId, payload, {
				type: stringField(json, 'errorType'),
				message: stringField(json, 'errorMessage')
			});
		}
		else {
			showResult('ok', 'The function answered.', requestId, payload, null);
		}
	}

	function showDuration() {
		if (lastInvocation === null) {
			text('result-duration', '—');
			return;
		}
		const parts = [];
		if (lastInvocation.durationMs !== null) {
			parts.push(lastInvocation.durationMs + ' ms in the runtime');
		}
		if (lastInvocation.roundTripMs !== null) {
			parts.push(lastInvocation.roundTripMs + ' ms round trip');
		}
		text('result-duration', (parts.length > 0) ? parts.join(', ') : 'waiting…');
	}

	// Reads the answer as it arrives, so that a streamed response visibly grows on the page.
	async function readBody(response, name) {
		if (!response.body) {
			return response.text();
		}
		const reader = response.body.getReader();
		const decoder = new TextDecoder();
		let body = '';
		for (;;) {
			const { done, value } = await reader.read();
			if (done) {
				return body + decoder.decode();
			}
			body += decoder.decode(value, { stream: true });
			if (response.ok) {
				showResult('pending', name + ' is answering… ' + body.length + ' characters so far.',
					lastInvocation.requestId, body, null);
			}
		}
	}

	async function invoke() {
		const name = functionName.value.trim();
		const url = new URL('../2015-03-31/functions/' + encodeURIComponent(name) + '/invocations', document.baseURI);
		invokeButton.disabled = true;
		lastInvocation = { requestId: null, durationMs: null, roundTripMs: null };
		showResult('pending', 'Invoking ' + name + '… The event waits in the queue until a runtime asks for it.',
			null, '', null);
		const started = performance.now();
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: editor.value
			});
			lastInvocation.requestId = response.headers.get('X-Amzn-Requestid');
			const body = await readBody(response, name);
			lastInvocation.roundTripMs = Math.round(performance.now() - started);
			showAnswer(response, body);
		}
		catch (ex) {
			showResult('error', 'Cannot reach the emulator: ' + ex.message, null, '', null);
		}
		finally {
			invokeButton.disabled = false;
		}
		refreshHistory();
	}

	invokeForm.addEventListener('submit', (submitted) => {
		submitted.preventDefault();
		invoke();
	});

	// ---- history ----

	function cell(content, className) {
		const cell = document.createElement('td');
		cell.textContent = content;
		if (className) {
			cell.className = className;
		}
		return cell;
	}

	function excerptCell(body, truncated) {
		if (body === null || body === undefined) {
			return cell('—');
		}
		const excerpt = cell(body.length > EXCERPT_LENGTH ? body.slice(0, EXCERPT_LENGTH) + '…' : body, 'excerpt');
		excerpt.title = body.slice(0, TITLE_LENGTH) + ((truncated || body.length > TITLE_LENGTH) ? '…' : '');
		return excerpt;
	}

	function actionCell(entry) {
		const action = document.createElement('td');
		const button = document.createElement('button');
		button.type = 'button';
		button.textContent = 'Edit event';
		button.setAttribute('aria-label', 'Put the event of ' + entry.requestId + ' in the editor');
		button.disabled = entry.requestTruncated;
		button.addEventListener('click', () => {
			picker.value = '';
			deleteButton.disabled = true;
			setEvent(entry.requestBody);
			editor.focus();
		});
		action.append(button);
		return action;
	}

	/** The duration, with the figures of the invocation's REPORT line and its log as the tooltip. */
	function durationCell(entry) {
		const duration = cell((entry.durationMs === null) ? '—' : entry.durationMs + ' ms');
		const report = entry.report;
		if (report) {
			duration.title = 'Billed Duration: ' + report.billedDurationMs + ' ms\nMemory Size: ' + report.memorySizeMb
				+ ' MB\nMax Memory Used: ' + report.maxMemoryUsedMb + ' MB'
				+ ((report.initDurationMs !== null) ? '\nInit Duration: ' + report.initDurationMs.toFixed(2) + ' ms' : '')
				+ '\n\n' + report.log;
		}
		return duration;
	}

	function row(entry) {
		const row = document.createElement('tr');
		row.dataset.requestId = entry.requestId;
		const started = new Date(entry.startTime);
		const status = entry.status + (entry.errorType ? ': ' + entry.errorType : '');
		row.append(
			cell(Number.isNaN(started.getTime()) ? entry.startTime : started.toLocaleTimeString()),
			cell(entry.functionName),
			cell(entry.requestId, 'mono'),
			cell(status, 'status-' + entry.status),
			durationCell(entry),
			excerptCell(entry.requestBody, entry.requestTruncated),
			excerptCell(entry.responseBody, entry.responseTruncated),
			actionCell(entry));
		return row;
	}

	function showHistory(invocations) {
		historyBody.replaceChildren(...invocations.map(row));
		historyNote.textContent = (invocations.length > 0) ? '' : 'No invocations yet.';
		historyNote.classList.remove('problem');
		const last = (lastInvocation !== null) && invocations.find((entry) => entry.requestId === lastInvocation.requestId);
		if (last && last.durationMs !== null) {
			lastInvocation.durationMs = last.durationMs;
			showDuration();
		}
	}

	async function refreshHistory() {
		try {
			const response = await fetch(HISTORY_URL, { cache: 'no-store' });
			if (!response.ok) {
				throw new Error('HTTP ' + response.status);
			}
			const body = await response.text();
			if (body !== lastHistoryText) {
				lastHistoryText = body;
				showHistory(JSON.parse(body).invocations);
			}
		}
		catch (ex) {
			lastHistoryText = null;
			historyNote.textContent = 'Cannot read the recent invocations: ' + ex.message;
			historyNote.classList.add('problem');
		}
	}

	function poll() {
		clearTimeout(pollTimer);
		if (document.visibilityState === 'visible') {
			pollTimer = setTimeout(async () => {
				await refreshHistory();
				poll();
			}, POLL_MILLIS);
		}
	}

	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') {
			refreshHistory();
		}
		poll();
	});

	// ---- start ----

	text('runtime-api', 'AWS_LAMBDA_RUNTIME_API=' + location.host);
	templateOptions.replaceChildren(...EVENT_TEMPLATES.map((template) => option('template:' + template.id, template.label)));
	showSavedEvents();
	picker.value = 'template:' + EVENT_TEMPLATES[0].id;
	setEvent(JSON.stringify(EVENT_TEMPLATES[0].event, null, 2));
	refreshHistory();
	poll();
})();
