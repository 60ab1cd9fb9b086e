package dev.lambdaruntime.emulator.service;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.http.ExchangeHandler;
import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.http.PathSegmentDecoder;
import dev.lambdaruntime.emulator.http.ResponseWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the local Lambda service's functions to its page: {@code GET /emulator/api/functions},
 * {@code {"functions":[...]}} with each function's {@code $LATEST} configuration, and
 * {@code GET /emulator/api/functions/{name}/invocations}, the function's own recent invocations
 * as {@code {"invocations":[...]}}, newest first.
 */
final class FunctionsEndpoint implements ExchangeHandler.Action {

	/** Where the functions are served. */
	static final String PATH = "/emulator/api/functions";

	private static final Pattern HISTORY_PATH = Pattern.compile(PATH + "/([^/]+)/invocations");

	private final DeployedFunctions functions;

	FunctionsEndpoint(DeployedFunctions functions) {
		this.functions = functions;
	}

	@Override
	public void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		Matcher history = HISTORY_PATH.matcher(path);
		if (!exchange.getRequestMethod().equals("GET")) {
			write(exchange, 405, JsonBodies.error("MethodNotAllowed", path + " answers GET only"));
		}
		else if (path.equals(PATH)) {
			write(exchange, 200, JsonMapper.shared()
				.writeValueAsBytes(Map.of("functions", this.functions.all()
					.stream()
					.map((function) -> function.version(null).configuration(function.arn()))
					.toList())));
		}
		else if (history.matches()) {
			try {
				write(exchange, 200, JsonMapper.shared().writeValueAsBytes(Map.of("invocations",
						this.functions.get(PathSegmentDecoder.decode(history.group(1))).history())));
			}
			catch (LambdaApiException ex) {
				write(exchange, 404, JsonBodies.error("NotFound", ex.getMessage()));
			}
		}
		else {
			write(exchange, 404, JsonBodies.error("NotFound", "Nothing is at " + path));
		}
	}

	private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
		ResponseWriter.write(exchange, status, Map.of("Content-Type", JsonBodies.CONTENT_TYPE), body);
	}

}
