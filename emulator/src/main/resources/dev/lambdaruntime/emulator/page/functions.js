// The local Lambda service's functions: lists them from api/functions and puts the one a person
// picks into the invoke form. An emulator of one function has no such list: then the section
// stays hidden and nothing more is asked. Names and settings are written with textContent.
'use strict';

(() => {
	const FUNCTIONS_URL = 'api/functions';
	const POLL_MILLIS = 2000;

	const element = (id) => document.getElementById(id);
	const section = element('functions');
	const list = element('function-list');
	const names = element('function-names');
	const note = element('functions-note');
	const functionName = element('function-name');

	// the list is drawn again only when it changed, so a button is not replaced while it is clicked
	let lastText = null;

	function pick(name) {
		functionName.value = name;
		functionName.dispatchEvent(new Event('input', { bubbles: true }));
	}

	function item(configuration) {
		const button = document.createElement('button');
		button.type = 'button';
		button.textContent = configuration.FunctionName;
		button.addEventListener('click', () => pick(configuration.FunctionName));
		const facts = document.createElement('span');
		facts.className = 'note';
		facts.textContent = ' ' + configuration.Runtime + ', ' + configuration.MemorySize + ' MB, '
			+ configuration.Timeout + ' s, updated ' + configuration.LastModified;
		const entry = document.createElement('li');
		entry.append(button, facts);
		return entry;
	}

	function option(configuration) {
		const option = document.createElement('option');
		option.value = configuration.FunctionName;
		return option;
	}

	async function refresh() {
		let response;
		try {
			response = await fetch(FUNCTIONS_URL, { cache: 'no-store' });
		}
		catch (ex) {
			note.textContent = 'Cannot read the functions: ' + ex.message;
			return true;
		}
		if (!response.ok) {
			return !section.hidden;
		}
		const text = await response.text();
		if (text === lastText) {
			return true;
		}
		lastText = text;
		const functions = JSON.parse(text).functions;
		section.hidden = false;
		list.replaceChildren(...functions.map(item));
		names.replaceChildren(...functions.map(option));
		note.textContent = (functions.length > 0) ? '' : 'No functions yet: deploy one with the AWS SDK or CLI.';
		if (functionName.value.trim() === '' && functions.length > 0) {
			pick(functions[0].FunctionName);
		}
		return true;
	}

	async function poll() {
		if (await refresh()) {
			setTimeout(poll, POLL_MILLIS);
		}
	}

	poll();
})();
