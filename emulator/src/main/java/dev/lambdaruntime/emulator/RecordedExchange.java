package dev.lambdaruntime.emulator;

import java.util.Map;

/**
 * One Runtime API request the emulator received, and the status it answered with.
 *
 * @param method the HTTP method
 * @param path the request path from {@code /2018-06-01} on, without any prefix before it (the
 * whole path when it holds no {@code /2018-06-01})
 * @param headers the request headers, with lower-case names (looked up case-insensitively)
 * @param bodyLength the number of request body bytes received
 * @param status the HTTP status of the answer
 * @since 0.1.0
 */
public record RecordedExchange(String method, String path, Map<String, String> headers, int bodyLength,
		int status) {

}
