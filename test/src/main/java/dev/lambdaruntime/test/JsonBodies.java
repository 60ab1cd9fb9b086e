package dev.lambdaruntime.test;

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

	static byte[] error(String errorType, String errorMessage) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("errorMessage", errorMessage);
		body.put("errorType", errorType);
		return JsonMapper.shared().writeValueAsBytes(body);
	}

}
