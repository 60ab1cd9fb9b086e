package dev.lambdaruntime.runtime;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP response as read off the wire: status, headers keyed by lower-case name, and body.
 */
record HttpResponse(int status, Map<String, String> headers, byte[] body) {

	@Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	boolean isSuccessful() {
		return this.status >= 200 && this.status < 300;
	}

}
