package dev.lambdaruntime.emulator.extensionsapi;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.http.ExchangeHandler;
import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.http.RequestBody;
import dev.lambdaruntime.emulator.http.ResponseWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the Extensions API ({@code /2020-01-01/extension/register}, {@code .../event/next},
 * {@code .../init/error}, {@code .../exit/error}) as the Runtime Interface Emulator's
 * {@code rapi/handler/agentregister.go} and {@code agentnext.go} do, and answers the Logs API
 * ({@code /2020-08-15/logs}) and Telemetry API ({@code /2022-07-01/telemetry}) subscriptions with
 * 202 {@code Logs.NotSupported} and {@code Telemetry.NotSupported}, as its
 * {@code runtimelogs_stub.go} does.
 */
public final class ExtensionsApiHandler implements ExchangeHandler.Action {

	/** The path prefixes this handler serves. */
	public static final Set<String> PATHS = Set.of("/2020-01-01/extension/", "/2020-08-15/logs",
			"/2022-07-01/telemetry");

	private static final String NAME_HEADER = "Lambda-Extension-Name";

	private static final String IDENTIFIER_HEADER = "Lambda-Extension-Identifier";

	private static final Duration POLL = Duration.ofSeconds(30);

	private final ExtensionRegistry registry;

	private final Map<String, String> function;

	/**
	 * Creates the Extensions API.
	 * @param registry the registered extensions
	 * @param functionName the function name a registration is answered with
	 * @param functionVersion the function version a registration is answered with
	 * @param handler the handler a registration is answered with
	 */
	public ExtensionsApiHandler(ExtensionRegistry registry, String functionName, String functionVersion,
			String handler) {
		this.registry = registry;
		this.function = new LinkedHashMap<>();
		this.function.put("functionName", functionName);
		this.function.put("functionVersion", functionVersion);
		this.function.put("handler", handler);
	}

	@Override
	public void serve(HttpExchange exchange) throws IOException {
		RequestBody body = RequestBody.read(exchange.getRequestBody());
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getRawPath();
		if (path.equals("/2020-08-15/logs") || path.equals("/2022-07-01/telemetry")) {
			String api = path.endsWith("logs") ? "Logs" : "Telemetry";
			answer(exchange, method.equals("PUT") ? 202 : 405,
					JsonBodies.error(api + ".NotSupported", api + " API is not supported"));
			return;
		}
		switch (path.substring("/2020-01-01/extension/".length())) {
			case "register" -> register(exchange, method, body);
			case "event/next" -> next(exchange, method);
			case "init/error", "exit/error" -> errorReport(exchange, method);
			default -> answer(exchange, 404, JsonBodies.error("NotFound", "No Extensions API operation is " + path));
		}
	}

	private void register(HttpExchange exchange, String method, RequestBody body) throws IOException {
		if (!method.equals("POST")) {
			answer(exchange, 405, JsonBodies.error("MethodNotAllowed", "register takes POST"));
			return;
		}
		String name = exchange.getRequestHeaders().getFirst(NAME_HEADER);
		if (name == null || name.isBlank()) {
			forbid(exchange, "Extension.InvalidExtensionName", "Empty extension name");
			return;
		}
		if (this.registry.nameTaken(name)) {
			forbid(exchange, "Extension.InvalidExtensionState", "Extension with this name already registered");
			return;
		}
		Set<String> events = new LinkedHashSet<>();
		try {
			JsonNode request = JsonMapper.shared().readTree(body.bytes());
			for (JsonNode event : request.path("events")) {
				String type = event.asString();
				if (!type.equals(ExtensionRegistry.INVOKE) && !type.equals(ExtensionRegistry.SHUTDOWN)) {
					forbid(exchange, "Extension.InvalidEventType", type + ": not an event an extension can register for");
					return;
				}
				events.add(type);
			}
		}
		catch (JacksonException ex) {
			forbid(exchange, "InvalidRequestFormat", ex.getOriginalMessage());
			return;
		}
		RegisteredExtension extension = this.registry.register(name, events);
		exchange.getResponseHeaders().set(IDENTIFIER_HEADER, extension.identifier());
		answer(exchange, 200, JsonMapper.shared().writeValueAsBytes(this.function));
	}

	private void next(HttpExchange exchange, String method) throws IOException {
		if (!method.equals("GET")) {
			answer(exchange, 405, JsonBodies.error("MethodNotAllowed", "event/next takes GET"));
			return;
		}
		RegisteredExtension extension = registered(exchange);
		if (extension == null) {
			return;
		}
		try {
			byte[] event = extension.take(POLL);
			while (event == null) {
				event = extension.take(POLL);
			}
			exchange.getResponseHeaders().set("Lambda-Extension-Event-Identifier", UUID.randomUUID().toString());
			try {
				answer(exchange, 200, event);
			}
			finally {
				extension.delivered();
			}
		}
		catch (InterruptedException ex) {
			// the emulator is stopping: the call loses its connection
			Thread.currentThread().interrupt();
		}
	}

	private void errorReport(HttpExchange exchange, String method) throws IOException {
		if (!method.equals("POST")) {
			answer(exchange, 405, JsonBodies.error("MethodNotAllowed", "error reports take POST"));
			return;
		}
		if (registered(exchange) != null) {
			answer(exchange, 202, JsonBodies.status("OK"));
		}
	}

	/** The extension that called, or {@code null} once the call was refused for lack of one. */
	private @Nullable RegisteredExtension registered(HttpExchange exchange) throws IOException {
		String identifier = exchange.getRequestHeaders().getFirst(IDENTIFIER_HEADER);
		if (identifier == null) {
			forbid(exchange, "Extension.MissingExtensionIdentifier", "Missing " + IDENTIFIER_HEADER + " header");
			return null;
		}
		RegisteredExtension extension = this.registry.find(identifier).orElse(null);
		if (extension == null) {
			forbid(exchange, "Extension.UnknownExtensionIdentifier", "Unknown extension " + identifier);
		}
		return extension;
	}

	private static void forbid(HttpExchange exchange, String errorType, String message) throws IOException {
		answer(exchange, 403, JsonBodies.error(errorType, message));
	}

	private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
		ResponseWriter.write(exchange, status, Map.of("Content-Type", JsonBodies.CONTENT_TYPE), body);
	}

}
