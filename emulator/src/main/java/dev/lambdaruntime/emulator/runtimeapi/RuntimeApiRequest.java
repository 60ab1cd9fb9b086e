package dev.lambdaruntime.emulator.runtimeapi;

import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.http.RequestBody;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;

/**
 * A Runtime API request, read completely off its exchange, except for the body of a streamed
 * response, which is left to be read as it arrives.
 *
 * @param method the HTTP method
 * @param route the operation it calls
 * @param headers its headers, with lower-case names (looked up case-insensitively)
 * @param body its body, empty for a streamed response
 * @param streamed the body of a streamed response, else {@code null}
 */
record RuntimeApiRequest(String method, RuntimeApiRoute route, Map<String, String> headers, RequestBody body,
		@Nullable StreamedBody streamed) {

	static RuntimeApiRequest read(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		RuntimeApiRoute route = RuntimeApiRoute.resolve(method, exchange.getRequestURI().getRawPath());
		Map<String, String> headers = lowerCaseNames(exchange.getRequestHeaders());
		if (route.operation() == RuntimeApiOperation.RESPONSE
				&& RuntimeApiProtocol.STREAMING.equalsIgnoreCase(headers.get(RuntimeApiProtocol.RESPONSE_MODE))) {
			return new RuntimeApiRequest(method, route, headers, new RequestBody(new byte[0], 0),
					new StreamedBody(exchange.getRequestBody()));
		}
		return new RuntimeApiRequest(method, route, headers, RequestBody.read(exchange.getRequestBody()), null);
	}

	/** The number of body bytes received so far. */
	long bodyLength() {
		return (this.streamed != null) ? this.streamed.length() : this.body.length();
	}

	private static Map<String, String> lowerCaseNames(Headers headers) {
		Map<String, String> lowerCased = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> lowerCased.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
		return Collections.unmodifiableMap(lowerCased);
	}

}
