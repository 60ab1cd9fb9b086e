// The event editor, with the templates (templates.js) and the saved events, which the emulator
// keeps as files in a folder of the project.
import * as api from './api.js';
import { element, make, parseJson } from './view.js';

const picker = element('event-picker');
const templateOptions = element('template-options');
const savedOptions = element('saved-options');
const editor = element('event');
const eventNote = element('event-note');
const saveForm = element('save-form');
const saveName = element('save-name');
const saveNote = element('save-note');
const deleteButton = element('delete');

const SAVED = 'saved:';
const TEMPLATE = 'template:';

function option(value, label, disabled) {
	const made = make('option', label);
	made.value = value;
	made.disabled = Boolean(disabled);
	return made;
}

function checkEvent() {
	const problem = (parseJson(editor.value) === null);
	eventNote.textContent = problem ? 'Not valid JSON: Lambda would refuse it; the emulator sends it as it is.' : '';
	eventNote.classList.toggle('problem', problem);
}

/** Puts an event in the editor, as if typed. */
export function setEvent(event) {
	editor.value = event;
	checkEvent();
}

/** Puts an event of the history in the editor, unpicking any template or saved event. */
export function editEvent(event) {
	picker.value = '';
	deleteButton.disabled = true;
	setEvent(event);
	editor.focus();
}

export const event = () => editor.value;

const chosenSavedName = () => picker.value.startsWith(SAVED) ? picker.value.slice(SAVED.length) : null;

function note(message, problem) {
	saveNote.textContent = message;
	saveNote.classList.toggle('problem', Boolean(problem));
}

async function showSavedEvents(chosenName) {
	try {
		const saved = await api.savedEvents();
		savedOptions.replaceChildren(...(saved.events.length > 0
			? saved.events.map((name) => option(SAVED + name, name))
			: [option('', 'None yet', true)]));
		element('events-folder').textContent = 'Saved events are files in ' + saved.folder + '.';
		if (chosenName !== undefined) {
			picker.value = SAVED + chosenName;
		}
	}
	catch (ex) {
		note('Cannot list the saved events: ' + ex.message, true);
	}
	deleteButton.disabled = (chosenSavedName() === null);
}

picker.addEventListener('change', async () => {
	const template = EVENT_TEMPLATES.find((candidate) => TEMPLATE + candidate.id === picker.value);
	const savedName = chosenSavedName();
	deleteButton.disabled = (savedName === null);
	note('');
	if (template) {
		setEvent(JSON.stringify(template.event, null, 2));
	}
	else if (savedName !== null) {
		try {
			setEvent(await api.savedEvent(savedName));
			saveName.value = savedName;
		}
		catch (ex) {
			note('Cannot read the saved event “' + savedName + '”: ' + ex.message, true);
		}
	}
});

saveForm.addEventListener('submit', async (submitted) => {
	submitted.preventDefault();
	const name = saveName.value.trim();
	try {
		await api.saveEvent(name, editor.value);
		note('Saved “' + name + '”.');
		await showSavedEvents(name);
	}
	catch (ex) {
		note('Not saved: ' + ex.message, true);
	}
});

deleteButton.addEventListener('click', async () => {
	const name = chosenSavedName();
	try {
		await api.deleteSavedEvent(name);
		note('Deleted “' + name + '”.');
		picker.value = '';
		await showSavedEvents();
	}
	catch (ex) {
		note('Not deleted: ' + ex.message, true);
	}
});

element('format').addEventListener('click', () => {
	const parsed = parseJson(editor.value);
	if (parsed !== null) {
		setEvent(JSON.stringify(parsed.value, null, 2));
	}
});

editor.addEventListener('input', checkEvent);

/** Fills the picker and puts the first template in the editor. */
export function start(onInvokeKey) {
	editor.addEventListener('keydown', (key) => {
		if (key.key === 'Enter' && (key.ctrlKey || key.metaKey)) {
			key.preventDefault();
			onInvokeKey();
		}
	});
	templateOptions.replaceChildren(...EVENT_TEMPLATES.map((template) => option(TEMPLATE + template.id, template.label)));
	picker.value = TEMPLATE + EVENT_TEMPLATES[0].id;
	setEvent(JSON.stringify(EVENT_TEMPLATES[0].event, null, 2));
	return showSavedEvents();
}
