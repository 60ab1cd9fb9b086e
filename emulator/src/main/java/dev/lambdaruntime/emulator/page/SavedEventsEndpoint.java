package dev.lambdaruntime.emulator.page;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.http.ExchangeHandler;
import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.http.RequestBody;
import dev.lambdaruntime.emulator.http.ResponseWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the page's saved events from a folder: {@code GET /emulator/api/events} lists them
 * ({@code {"folder":..., "events":[names]}}), and {@code GET}, {@code PUT} and {@code DELETE} on
 * {@code /emulator/api/events/{name}} read, save (a JSON event up to Lambda's 6 MB) and delete
 * one. A bad name or event is refused with a 400 that says why; the folder is left as it was.
 */
public final class SavedEventsEndpoint implements ExchangeHandler.Action {

	/** Where the saved events are served. */
	public static final String PATH = "/emulator/api/events";

	private final SavedEventFolder folder;

	/**
	 * Creates the endpoint.
	 * @param folder the folder of the saved events, created when the first is saved
	 */
	public SavedEventsEndpoint(Path folder) {
		this.folder = new SavedEventFolder(folder);
	}

	@Override
	public void serve(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String name = PageApi.segment(exchange, PATH);
		try {
			if (exchange.getRequestURI().getRawPath().equals(PATH)) {
				if (method.equals("GET")) {
					PageApi.json(exchange, 200,
							Map.of("folder", this.folder.folder().toString(), "events", this.folder.names()));
				}
				else {
					PageApi.methodNotAllowed(exchange, "GET");
				}
			}
			else if (name == null) {
				PageApi.notFound(exchange);
			}
			else {
				Optional<String> problem = SavedEventFolder.problemWith(name);
				if (problem.isPresent()) {
					PageApi.error(exchange, 400, "InvalidEventName", problem.get());
				}
				else {
					serve(exchange, method, name);
				}
			}
		}
		catch (IOException ex) {
			// a failure of the folder, not of the connection: the page says what it was
			PageApi.error(exchange, 500, "SavedEventsUnavailable",
					"Cannot use the saved events in " + this.folder.folder() + ": " + ex);
		}
	}

	private void serve(HttpExchange exchange, String method, String name) throws IOException {
		switch (method) {
			case "GET" -> {
				Optional<byte[]> event = this.folder.read(name);
				if (event.isPresent()) {
					ResponseWriter.write(exchange, 200, Map.of("Content-Type", JsonBodies.CONTENT_TYPE), event.get());
				}
				else {
					PageApi.error(exchange, 404, "NotFound", "No saved event '" + name + "'");
				}
			}
			case "PUT" -> save(exchange, name);
			case "DELETE" -> {
				if (this.folder.delete(name)) {
					PageApi.noContent(exchange);
				}
				else {
					PageApi.error(exchange, 404, "NotFound", "No saved event '" + name + "'");
				}
			}
			default -> PageApi.methodNotAllowed(exchange, "GET, PUT and DELETE");
		}
	}

	private void save(HttpExchange exchange, String name) throws IOException {
		RequestBody event = RequestBody.read(exchange.getRequestBody());
		if (event.tooLarge()) {
			PageApi.error(exchange, 413, "RequestTooLarge", "A saved event is at most " + RequestBody.MAX_LENGTH
					+ " bytes, as Lambda's events are; this one has " + event.length());
			return;
		}
		String problem = jsonProblem(event.bytes());
		if (problem != null) {
			PageApi.error(exchange, 400, "InvalidEvent", "A saved event is JSON, as Lambda's events are: " + problem);
			return;
		}
		this.folder.save(name, event.bytes());
		PageApi.noContent(exchange);
	}

	private static @Nullable String jsonProblem(byte[] event) {
		try {
			return JsonMapper.shared().readTree(event).isMissingNode() ? "the event is empty" : null;
		}
		catch (JacksonException ex) {
			return ex.getOriginalMessage();
		}
	}

}
