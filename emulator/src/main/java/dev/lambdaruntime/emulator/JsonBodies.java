package dev.lambdaruntime.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The small JSON bodies the emulator itself writes.
 */
final class JsonBodies {

	private JsonBodies() {
	}

	static byte[] status(String status) {
		return JsonMapper.shared().writeValueAsBytes(Map.of("status", status));
	}

	/** An error as a runtime reports it, and as the Runtime API answers with. */
	static byte[] error(String errorType, String errorMessage) {
		return pair("errorMessage", errorMessage, "errorType", errorType);
	}

	/** An AWS API error as Lambda's Invoke API writes it; {@code faultType} is User or Service. */
	static byte[] apiError(String faultType, String message) {
		return pair("Type", faultType, "message", message);
	}

	private static byte[] pair(String firstName, String firstValue, String secondName, String secondValue) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put(firstName, firstValue);
		body.put(secondName, secondValue);
		return JsonMapper.shared().writeValueAsBytes(body);
	}

}
