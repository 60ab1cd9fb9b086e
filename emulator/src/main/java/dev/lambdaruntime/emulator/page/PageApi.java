package dev.lambdaruntime.emulator.page;

import java.io.IOException;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.http.PathSegmentDecoder;
import dev.lambdaruntime.emulator.http.ResponseWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers the page's JSON endpoints share: a JSON body, an error that says what was wrong,
 * no content, and the one path segment after an endpoint's path.
 */
final class PageApi {

	private PageApi() {
	}

	static void json(HttpExchange exchange, int status, Object body) throws IOException {
		write(exchange, status, JsonMapper.shared().writeValueAsBytes(body));
	}

	static void error(HttpExchange exchange, int status, String errorType, String message) throws IOException {
		write(exchange, status, JsonBodies.error(errorType, message));
	}

	static void notFound(HttpExchange exchange) throws IOException {
		error(exchange, 404, "NotFound", "Nothing is at " + exchange.getRequestURI().getRawPath());
	}

	static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
		error(exchange, 405, "MethodNotAllowed", exchange.getRequestURI().getRawPath() + " answers " + allowed);
	}

	static void noContent(HttpExchange exchange) throws IOException {
		ResponseWriter.write(exchange, 204, Map.of(), new byte[0]);
	}

	/**
	 * Returns the decoded segment after an endpoint's path, as in {@code PATH/segment}.
	 * @param exchange the exchange
	 * @param path the endpoint's path
	 * @return the segment, or {@code null} if the request is for the path itself or goes deeper
	 */
	static @Nullable String segment(HttpExchange exchange, String path) {
		String rawPath = exchange.getRequestURI().getRawPath();
		if (!rawPath.startsWith(path + "/")) {
			return null;
		}
		String segment = rawPath.substring(path.length() + 1);
		return (segment.isEmpty() || segment.contains("/")) ? null : PathSegmentDecoder.decode(segment);
	}

	private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
		ResponseWriter.write(exchange, status, Map.of("Content-Type", JsonBodies.CONTENT_TYPE), body);
	}

}
