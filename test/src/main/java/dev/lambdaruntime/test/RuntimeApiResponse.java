package dev.lambdaruntime.test;

import java.util.Map;

/**
 * An answer to a Runtime API request, and what to do if it cannot be delivered.
 *
 * @param status the HTTP status
 * @param headers the headers to send
 * @param body the body to send
 * @param onUndelivered run when writing the answer fails, because the client went away
 */
record RuntimeApiResponse(int status, Map<String, String> headers, byte[] body, Runnable onUndelivered) {

	static final String JSON = "application/json";

	static RuntimeApiResponse accepted() {
		return json(202, JsonBodies.status("OK"));
	}

	static RuntimeApiResponse error(int status, String errorType, String errorMessage) {
		return json(status, JsonBodies.error(errorType, errorMessage));
	}

	private static RuntimeApiResponse json(int status, byte[] body) {
		return new RuntimeApiResponse(status, Map.of("Content-Type", JSON), body, () -> {
		});
	}

}
