package dev.lambdaruntime.emulator.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.http.ExchangeHandler;
import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.http.ResponseWriter;

/**
 * Serves the emulator's web page under {@code /emulator/}: plain HTML, CSS and JavaScript from the
 * jar, with which a person picks or edits an event, invokes the function through the Invoke API
 * and watches the recent invocations of {@link HistoryEndpoint}. {@link #withRootRedirect} sends a
 * browser that opens the emulator's root there.
 */
public final class PageEndpoint implements ExchangeHandler.Action {

	/** Where the page is served. */
	public static final String PATH = "/emulator/";

	private static final String INDEX = "index.html";

	private static final String FUNCTION_NAME_PLACEHOLDER = "{{functionName}}";

	private static final Map<String, String> CONTENT_TYPES = Map.of(INDEX, "text/html; charset=utf-8", "app.js",
			"text/javascript; charset=utf-8", "templates.js", "text/javascript; charset=utf-8", "functions.js",
			"text/javascript; charset=utf-8", "style.css", "text/css; charset=utf-8");

	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

	private final String functionName;

	/**
	 * Creates the endpoint.
	 * @param functionName the emulator's function name, which the page invokes unless told
	 * otherwise, or empty for the local Lambda service, whose page lists its functions to pick
	 * from; letters, digits, hyphens and underscores only, so it needs no escaping in HTML
	 */
	public PageEndpoint(String functionName) {
		this.functionName = functionName;
	}

	/**
	 * Wraps the Runtime API, which serves every path, so that {@code GET /} and
	 * {@code GET /emulator} lead to the page; the Runtime API's own paths all start with
	 * {@code /2018-06-01} or a prefix and {@code /2018-06-01}, so none of them changes.
	 * @param runtimeApi what serves the other requests
	 * @return the wrapping action
	 */
	public static ExchangeHandler.Action withRootRedirect(ExchangeHandler.Action runtimeApi) {
		return (exchange) -> {
			String path = exchange.getRequestURI().getRawPath();
			if (exchange.getRequestMethod().equals("GET") && (path.equals("/") || path.equals("/emulator"))) {
				ResponseWriter.write(exchange, 302, Map.of("Location", PATH), new byte[0]);
			}
			else {
				runtimeApi.serve(exchange);
			}
		};
	}

	@Override
	public void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		String name = path.startsWith(PATH) ? path.substring(PATH.length()) : path;
		String file = name.isEmpty() ? INDEX : name;
		String contentType = CONTENT_TYPES.get(file);
		if (contentType == null) {
			ResponseWriter.write(exchange, 404, Map.of("Content-Type", JsonBodies.CONTENT_TYPE),
					JsonBodies.error("NotFound", "Nothing is at " + path + "; the page is at " + PATH));
		}
		else if (!exchange.getRequestMethod().equals("GET")) {
			ResponseWriter.write(exchange, 405, Map.of("Allow", "GET", "Content-Type", JsonBodies.CONTENT_TYPE),
					JsonBodies.error("MethodNotAllowed", path + " answers GET only"));
		}
		else {
			ResponseWriter.write(exchange, 200, headers(contentType), content(file));
		}
	}

	private byte[] content(String file) throws IOException {
		try (InputStream resource = PageEndpoint.class.getResourceAsStream(file)) {
			if (resource == null) {
				throw new IllegalStateException("The page's " + file + " is missing from the jar");
			}
			byte[] content = resource.readAllBytes();
			if (!file.equals(INDEX)) {
				return content;
			}
			return new String(content, StandardCharsets.UTF_8).replace(FUNCTION_NAME_PLACEHOLDER, this.functionName)
				.getBytes(StandardCharsets.UTF_8);
		}
	}

	private static Map<String, String> headers(String contentType) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", contentType);
		headers.put("Cache-Control", "no-cache");
		headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		headers.put("X-Content-Type-Options", "nosniff");
		headers.put("Referrer-Policy", "no-referrer");
		return headers;
	}

}
