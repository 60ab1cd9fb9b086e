package dev.lambdaruntime.emulator.runtimeapi;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lambdaruntime.emulator.http.JsonBodies;
import org.jspecify.annotations.Nullable;

/**
 * An answer to a Runtime API request, and what to do if it cannot be delivered.
 *
 * @param status the HTTP status
 * @param headers the headers to send
 * @param body the body to send
 * @param onUndelivered run when writing the answer fails, because the client went away
 * @param onRecorded run once the exchange is recorded, before the answer is written
 */
public record RuntimeApiResponse(int status, Map<String, String> headers, byte[] body, Runnable onUndelivered,
		Runnable onRecorded) {

	public static final Runnable NOTHING = () -> {
	};

	/** A 202 that runs {@code onRecorded} once the exchange is recorded, so records lead results. */
	static RuntimeApiResponse accepted(Runnable onRecorded) {
		return new RuntimeApiResponse(202, Map.of("Content-Type", JsonBodies.CONTENT_TYPE), JsonBodies.status("OK"), NOTHING,
				onRecorded);
	}

	/**
	 * Returns this answer with {@code Connection: close}, for a request whose body could not be
	 * read to its end, so that nothing of it is taken for the next request.
	 * @return the closing answer
	 */
	RuntimeApiResponse closingConnection() {
		return withHeader("Connection", "close");
	}

	/**
	 * Returns this answer with a header set, or removed.
	 * @param name the header's name
	 * @param value its value, or {@code null} to leave the header out
	 * @return the changed answer
	 */
	public RuntimeApiResponse withHeader(String name, @Nullable String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		if (value != null) {
			headers.put(name, value);
		}
		else {
			headers.remove(name);
		}
		return new RuntimeApiResponse(this.status, headers, this.body, this.onUndelivered, this.onRecorded);
	}

	/** A 403 {@code InvalidStateTransition}: the call does not fit the runtime's or invocation's state. */
	static RuntimeApiResponse invalidStateTransition(String errorMessage) {
		return error(403, "InvalidStateTransition", errorMessage);
	}

	public static RuntimeApiResponse error(int status, String errorType, String errorMessage) {
		return json(status, JsonBodies.error(errorType, errorMessage));
	}

	private static RuntimeApiResponse json(int status, byte[] body) {
		return new RuntimeApiResponse(status, Map.of("Content-Type", JsonBodies.CONTENT_TYPE), body, NOTHING, NOTHING);
	}

}
