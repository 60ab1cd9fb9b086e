package dev.lambdaruntime.emulator.page;

import java.io.IOException;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.http.ExchangeHandler;
import dev.lambdaruntime.emulator.invocation.RecentInvocations;

/**
 * Serves the recent invocations for the page: {@code GET /emulator/api/invocations} answers
 * {@code {"invocations":[...]}} newest first; {@code DELETE} on it forgets them all, and on
 * {@code /emulator/api/invocations/{requestId}} forgets one.
 */
public final class HistoryEndpoint implements ExchangeHandler.Action {

	/** Where the history is served. */
	public static final String PATH = "/emulator/api/invocations";

	private final RecentInvocations history;

	/**
	 * Creates the endpoint.
	 * @param history the recent invocations it serves and forgets
	 */
	public HistoryEndpoint(RecentInvocations history) {
		this.history = history;
	}

	@Override
	public void serve(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String requestId = PageApi.segment(exchange, PATH);
		if (exchange.getRequestURI().getRawPath().equals(PATH)) {
			switch (method) {
				case "GET" -> PageApi.json(exchange, 200, Map.of("invocations", this.history.summaries()));
				case "DELETE" -> {
					this.history.clear();
					PageApi.noContent(exchange);
				}
				default -> PageApi.methodNotAllowed(exchange, "GET and DELETE");
			}
		}
		else if (requestId == null) {
			PageApi.notFound(exchange);
		}
		else if (!method.equals("DELETE")) {
			PageApi.methodNotAllowed(exchange, "DELETE");
		}
		else if (this.history.remove(requestId)) {
			PageApi.noContent(exchange);
		}
		else {
			PageApi.error(exchange, 404, "NotFound", "No invocation " + requestId + " in the history");
		}
	}

}
