package dev.lambdaruntime.emulator.page;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.http.ExchangeHandler;
import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.http.ResponseWriter;
import dev.lambdaruntime.emulator.invocation.HistoryEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves {@code GET /emulator/api/invocations}: the recent invocations as JSON,
 * {@code {"invocations":[...]}} newest first, for a page that shows them.
 */
public final class HistoryEndpoint implements ExchangeHandler.Action {

	/** Where the history is served. */
	public static final String PATH = "/emulator/api/invocations";

	private final Supplier<List<HistoryEntry.Summary>> history;

	/**
	 * Creates the endpoint.
	 * @param history the recent invocations, newest first
	 */
	public HistoryEndpoint(Supplier<List<HistoryEntry.Summary>> history) {
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
					JsonMapper.shared().writeValueAsBytes(Map.of("invocations", this.history.get())));
		}
	}

	private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
		ResponseWriter.write(exchange, status, Map.of("Content-Type", JsonBodies.CONTENT_TYPE), body);
	}

}
