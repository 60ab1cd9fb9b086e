package dev.lambdaruntime.emulator.page;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.http.ExchangeHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the functions the application under the emulator has, which only it knows: it
 * {@code PUT}s them to {@code /emulator/api/functions} as
 * {@code {"functions":[{"name":..., "inputType":..., "outputType":...}]}} when it starts, and the
 * page reads them with {@code GET} to list them, so that a person picks the function to invoke
 * by name. Empty until an application tells; a relaunched one tells again.
 */
public final class FunctionsEndpoint implements ExchangeHandler.Action {

	/** Where the functions are served. */
	public static final String PATH = "/emulator/api/functions";

	/** The largest catalog taken, in bytes. */
	static final int MAX_BYTES = 64 * 1024;

	private static final int MAX_FUNCTIONS = 200;

	private static final int MAX_TEXT_LENGTH = 1000;

	private volatile List<CatalogFunction> functions = List.of();

	@Override
	public void serve(HttpExchange exchange) throws IOException {
		if (!exchange.getRequestURI().getRawPath().equals(PATH)) {
			PageApi.notFound(exchange);
			return;
		}
		switch (exchange.getRequestMethod()) {
			case "GET" -> PageApi.json(exchange, 200, Map.of("functions", this.functions));
			case "PUT" -> replace(exchange);
			default -> PageApi.methodNotAllowed(exchange, "GET and PUT");
		}
	}

	private void replace(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readNBytes(MAX_BYTES + 1);
		if (body.length > MAX_BYTES) {
			PageApi.error(exchange, 413, "RequestTooLarge", "The functions are at most " + MAX_BYTES + " bytes of JSON");
			return;
		}
		try {
			this.functions = parse(JsonMapper.shared().readTree(body));
			PageApi.noContent(exchange);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			PageApi.error(exchange, 400, "InvalidFunctions",
					"Expected {\"functions\":[{\"name\":\"...\",\"inputType\":\"...\",\"outputType\":\"...\"}]}: "
							+ ex.getMessage());
		}
	}

	private static List<CatalogFunction> parse(JsonNode catalog) {
		JsonNode list = catalog.path("functions");
		if (!list.isArray() || list.size() > MAX_FUNCTIONS) {
			throw new IllegalArgumentException("\"functions\" is not an array of up to " + MAX_FUNCTIONS + " functions");
		}
		List<CatalogFunction> functions = new ArrayList<>();
		for (JsonNode function : list) {
			String name = text(function, "name");
			if (name == null || name.isEmpty()) {
				throw new IllegalArgumentException("a function has no \"name\"");
			}
			functions.add(new CatalogFunction(name, text(function, "inputType"), text(function, "outputType")));
		}
		return List.copyOf(functions);
	}

	private static @Nullable String text(JsonNode function, String field) {
		JsonNode value = function.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isString() || value.asString().length() > MAX_TEXT_LENGTH) {
			throw new IllegalArgumentException("\"" + field + "\" is not a string of up to " + MAX_TEXT_LENGTH
					+ " characters");
		}
		return value.asString();
	}

	/**
	 * One function of the application.
	 *
	 * @param name its name, which the Invoke URL names to invoke it
	 * @param inputType the type it takes, if known
	 * @param outputType the type it returns, if known
	 */
	record CatalogFunction(String name, @Nullable String inputType, @Nullable String outputType) {

	}

}
