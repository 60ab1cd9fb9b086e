// Small helpers the page's parts share. Everything that comes from events, answers or the
// emulator is written with textContent, never parsed as markup.

export const element = (id) => document.getElementById(id);

export function text(id, value) {
	element(id).textContent = value;
}

export function make(tag, content, className) {
	const made = document.createElement(tag);
	if (content !== undefined && content !== null) {
		made.textContent = content;
	}
	if (className) {
		made.className = className;
	}
	return made;
}

export function button(label, onClick, ariaLabel) {
	const made = make('button', label);
	made.type = 'button';
	if (ariaLabel) {
		made.setAttribute('aria-label', ariaLabel);
	}
	made.addEventListener('click', onClick);
	return made;
}

export function parseJson(body) {
	try {
		return { value: JSON.parse(body) };
	}
	catch (ex) {
		return null;
	}
}

/** JSON pretty-printed, anything else as it is. */
export function pretty(body) {
	const json = parseJson(body);
	return (json !== null) ? JSON.stringify(json.value, null, 2) : body;
}

export function bytes(count) {
	if (count < 1024) {
		return count + ' bytes';
	}
	const kilobytes = count / 1024;
	return (kilobytes < 1024) ? kilobytes.toFixed(1) + ' KB' : (kilobytes / 1024).toFixed(2) + ' MB';
}

export const shortId = (requestId) => requestId.slice(0, 8);

/** The figures of a REPORT line, as one line. */
export function reportText(report) {
	return 'Billed ' + report.billedDurationMs + ' ms · Memory ' + report.maxMemoryUsedMb + ' of '
		+ report.memorySizeMb + ' MB used'
		+ ((report.initDurationMs !== null) ? ' · Init ' + report.initDurationMs.toFixed(2) + ' ms' : '');
}

/** Copies text to the clipboard, falling back to the selection where the Clipboard API is refused. */
export async function copy(content) {
	try {
		await navigator.clipboard.writeText(content);
	}
	catch (ex) {
		const area = make('textarea', content);
		document.body.append(area);
		area.select();
		const copied = document.execCommand('copy');
		area.remove();
		if (!copied) {
			throw new Error('the browser refused');
		}
	}
}

/** Points a link at a file of the given content, to download. */
export function offerDownload(link, content, fileName) {
	if (link.href.startsWith('blob:')) {
		URL.revokeObjectURL(link.href);
	}
	link.href = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
	link.download = fileName;
}
