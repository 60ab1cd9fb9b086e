package dev.lambdaruntime.emulator.page;

import java.io.IOException;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.http.ExchangeHandler;
import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.http.ResponseWriter;
import dev.lambdaruntime.emulator.invocation.InvocationHistory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves {@code GET /emulator/api/invocations}: the recent invocations as JSON,
 * {@code {"invocations":[...]}} newest first, for a page that shows them.
 */
public final class HistoryEndpoint implements ExchangeHandler.Action {

	/** Where the history is served. */
	public static final String PATH = "/emulator/api/invocations";

	private final InvocationHistory history;

	public HistoryEndpoint(InvocationHistory history) {
		this.history = history;
	}

	@Override
	public void serve(HttpExchange exchange) throws IOException {
		if (!exchange.getRequestURI().getRawPath().equals(PATH)) {
			write(exchange, 404, JsonBodies.error("NotFound", "Nothing is at " + exchange.getRequestURI().getRawPath()));
		}
		else if (!exchange.getRequestMethod().equals("GET")) {
			write(exchange, 405, JsonBodies.error("MethodNotAllowed", PATH + " answers GET only"));
		}
		else {
			write(exchange, 200,
					JsonMapper.shared().writeValueAsBytes(Map.of("invocations", this.history.summaries())));
		}
	}

	private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
		ResponseWriter.write(exchange, status, Map.of("Content-Type", JsonBodies.CONTENT_TYPE), body);
	}

}
