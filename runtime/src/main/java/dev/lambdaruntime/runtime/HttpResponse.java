package dev.lambdaruntime.runtime;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP response as read off the wire: status, headers keyed by lower-case name, and body.
 */
record HttpResponse(int status, Map<String, String> headers, byte[] body) {

	/** The header's value, the name matched without regard to case. */
	@Nullable String header(String name) {
		return this.headers.get(HeaderNames.lower(name));
	}

	boolean isSuccessful() {
		return this.status >= 200 && this.status < 300;
	}

}
