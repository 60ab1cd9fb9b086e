package dev.lambdaruntime.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The small JSON bodies the emulator itself writes.
 */
public final class JsonBodies {

	/** Their content type. */
	public static final String CONTENT_TYPE = "application/json";

	private JsonBodies() {
	}

	public static byte[] status(String status) {
		return JsonMapper.shared().writeValueAsBytes(Map.of("status", status));
	}

	/** An error as a runtime reports it, and as the Runtime API answers with. */
	public static byte[] error(String errorType, String errorMessage) {
		return pair("errorMessage", errorMessage, "errorType", errorType);
	}

	/** An AWS API error as Lambda's Invoke API writes it; {@code faultType} is User or Service. */
	public static byte[] apiError(String faultType, String message) {
		return pair("Type", faultType, "message", message);
	}

	private static byte[] pair(String firstName, String firstValue, String secondName, String secondValue) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put(firstName, firstValue);
		body.put(secondName, secondValue);
		return JsonMapper.shared().writeValueAsBytes(body);
	}

}
