// Everything the page asks the emulator, in one place: the Invoke API, the recent invocations,
// the application's functions and the saved events. All paths are relative to the page, so the
// requests stay same-origin, as the emulator's Host/Origin guard wants.

const HISTORY_URL = 'api/invocations';
const FUNCTIONS_URL = 'api/functions';
const EVENTS_URL = 'api/events';

async function checked(response) {
	if (!response.ok) {
		let message = 'HTTP ' + response.status;
		try {
			const body = await response.json();
			message = body.errorMessage || body.message || message;
		}
		catch (ex) {
			// not a JSON error body: the status says enough
		}
		throw new Error(message);
	}
	return response;
}

async function getJson(url) {
	return (await checked(await fetch(url, { cache: 'no-store' }))).json();
}

async function send(method, url, body) {
	const options = { method };
	if (body !== undefined) {
		options.headers = { 'Content-Type': 'application/json' };
		options.body = body;
	}
	await checked(await fetch(url, options));
}

const one = (url, name) => url + '/' + encodeURIComponent(name);

/** Invokes a function by name through the Invoke API; the answer is read by the caller. */
export function invoke(functionName, event) {
	const url = new URL('../2015-03-31/functions/' + encodeURIComponent(functionName) + '/invocations',
		document.baseURI);
	return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: event });
}

/** The recent invocations, newest first, and the JSON text they came as (to skip unchanged ones). */
export async function history() {
	const response = await checked(await fetch(HISTORY_URL, { cache: 'no-store' }));
	const text = await response.text();
	return { text, invocations: JSON.parse(text).invocations };
}

export const deleteInvocation = (requestId) => send('DELETE', one(HISTORY_URL, requestId));

export const clearHistory = () => send('DELETE', HISTORY_URL);

/** The functions the application told the emulator it has: name, inputType, outputType. */
export async function functions() {
	return (await getJson(FUNCTIONS_URL)).functions;
}

/** The saved events' names and the folder they are kept in. */
export const savedEvents = () => getJson(EVENTS_URL);

export async function savedEvent(name) {
	return (await checked(await fetch(one(EVENTS_URL, name), { cache: 'no-store' }))).text();
}

export const saveEvent = (name, event) => send('PUT', one(EVENTS_URL, name), event);

export const deleteSavedEvent = (name) => send('DELETE', one(EVENTS_URL, name));
