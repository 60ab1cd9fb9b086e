package dev.lambdaruntime.test;

import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * A Runtime API request, read completely off its exchange.
 *
 * @param method the HTTP method
 * @param route the operation it calls
 * @param headers its headers, with lower-case names (looked up case-insensitively)
 * @param body its body
 */
record RuntimeApiRequest(String method, RuntimeApiRoute route, Map<String, String> headers, RequestBody body) {

	static RuntimeApiRequest read(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		return new RuntimeApiRequest(method, RuntimeApiRoute.resolve(method, exchange.getRequestURI().getRawPath()),
				lowerCaseNames(exchange.getRequestHeaders()), RequestBody.read(exchange.getRequestBody()));
	}

	private static Map<String, String> lowerCaseNames(Headers headers) {
		Map<String, String> lowerCased = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> lowerCased.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
		return Collections.unmodifiableMap(lowerCased);
	}

}
