package dev.lambdaruntime.emulator.service;

import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.http.ApiError;
import dev.lambdaruntime.emulator.http.ExchangeHandler;
import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.http.PathSegmentDecoder;
import dev.lambdaruntime.emulator.http.QueryParameters;
import dev.lambdaruntime.emulator.http.RequestBody;
import dev.lambdaruntime.emulator.http.ResponseWriter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the operations of the Lambda API under {@code /2015-03-31/functions} that deploy tools
 * use, in the JSON shapes of Lambda's service model: {@code CreateFunction},
 * {@code GetFunction}, {@code GetFunctionConfiguration}, {@code UpdateFunctionCode},
 * {@code UpdateFunctionConfiguration}, {@code ListFunctions}, {@code DeleteFunction},
 * {@code PublishVersion}, and {@code Invoke}, which the function's own emulator answers. The
 * requests' SigV4 signatures are not checked.
 */
final class ControlPlaneEndpoint implements ExchangeHandler.Action {

	/** Where the operations are served. */
	static final String PATH = "/2015-03-31/functions";

	/** Lambda's limit of a {@code CreateFunction} or {@code UpdateFunctionCode} call's body. */
	static final int MAX_REQUEST_BYTES = 70_167_211;

	private static final Pattern FUNCTION_PATH = Pattern.compile(PATH + "/([^/]+)(/[a-z]+)?/?");

	private static final int DEFAULT_MAX_ITEMS = 50;

	private static final Logger logger = LoggerFactory.getLogger(ControlPlaneEndpoint.class);

	private final DeployedFunctions functions;

	ControlPlaneEndpoint(DeployedFunctions functions) {
		this.functions = functions;
	}

	@Override
	public void serve(HttpExchange exchange) throws IOException {
		try {
			answer(exchange);
		}
		catch (LambdaApiException ex) {
			ApiError error = ex.error();
			logger.debug("{} {} -> {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
					error.status(), error.errorType());
			ResponseWriter.write(exchange, error.status(), error.headers(), error.body());
		}
	}

	private void answer(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getRawPath();
		String query = exchange.getRequestURI().getRawQuery();
		if (path.equals(PATH) || path.equals(PATH + "/")) {
			switch (method) {
				case "POST" -> write(exchange, 201, create(body(exchange, "CreateFunction")));
				case "GET" -> write(exchange, 200, list(query));
				default -> throw LambdaApiException.unknownOperation(method, path);
			}
			return;
		}
		Matcher matcher = FUNCTION_PATH.matcher(path);
		if (!matcher.matches()) {
			throw LambdaApiException.unknownOperation(method, path);
		}
		FunctionReference reference = FunctionReference.parse(PathSegmentDecoder.decode(matcher.group(1)),
				QueryParameters.first(query, "Qualifier"));
		String operation = method + " " + ((matcher.group(2) != null) ? matcher.group(2) : "");
		switch (operation) {
			case "POST /invocations" -> version(reference).invoke(exchange);
			case "GET " -> write(exchange, 200, function(reference));
			case "GET /configuration" -> write(exchange, 200, configuration(reference, version(reference)));
			case "PUT /configuration" -> write(exchange, 200, updateConfiguration(reference,
					body(exchange, "UpdateFunctionConfiguration")));
			case "PUT /code" -> write(exchange, 200, updateCode(reference, body(exchange, "UpdateFunctionCode")));
			case "POST /versions" -> write(exchange, 201,
					configuration(reference, this.functions.get(reference.name()).publish()));
			case "DELETE " -> {
				this.functions.delete(reference.name(), reference.qualifier());
				ResponseWriter.write(exchange, 204, Map.of(ApiError.REQUEST_ID, UUID.randomUUID().toString()),
						new byte[0]);
			}
			default -> throw LambdaApiException.unknownOperation(method, path);
		}
	}

	private Map<String, Object> create(JsonNode request) {
		JsonNode name = request.path("FunctionName");
		if (!name.isString() || !name.asString().matches("[A-Za-z0-9_-]{1,64}")) {
			throw LambdaApiException.invalidParameter("FunctionName must be 1 to 64 letters, digits, hyphens and "
					+ "underscores, not " + name);
		}
		if ("Image".equals(request.path("PackageType").asString(""))) {
			throw LambdaApiException.invalidParameter("The local Lambda service runs .zip functions only, not images");
		}
		DeployedFunction function = this.functions.create(name.asString(), request, zipFile(request.path("Code")));
		FunctionVersion created = request.path("Publish").asBoolean(false) ? function.publish()
				: function.version(null);
		return created.configuration(function.arn());
	}

	private Map<String, Object> updateCode(FunctionReference reference, JsonNode request) {
		FunctionVersion updated = this.functions.updateCode(reference.name(), zipFile(request));
		DeployedFunction function = this.functions.get(reference.name());
		return (request.path("Publish").asBoolean(false) ? function.publish() : updated)
			.configuration(function.arn());
	}

	private Map<String, Object> updateConfiguration(FunctionReference reference, JsonNode request) {
		DeployedFunction function = this.functions.get(reference.name());
		return function.update((latest) -> latest.updated(latest.settings().updated(request), latest.code()))
			.configuration(function.arn());
	}

	private Map<String, Object> function(FunctionReference reference) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("Configuration", configuration(reference, version(reference)));
		answer.put("Code", Map.of("RepositoryType", "S3"));
		answer.put("Tags", this.functions.get(reference.name()).tags());
		return answer;
	}

	private Map<String, Object> list(@Nullable String query) {
		boolean allVersions = "ALL".equals(QueryParameters.first(query, "FunctionVersion"));
		List<Map<String, Object>> configurations = this.functions.all()
			.stream()
			.flatMap((function) -> (allVersions ? function.versions() : List.of(function.version(null))).stream()
				.map((version) -> version.configuration(function.arn())))
			.toList();
		int from = wholeNumber(QueryParameters.first(query, "Marker"), 0, "Marker");
		int maxItems = wholeNumber(QueryParameters.first(query, "MaxItems"), DEFAULT_MAX_ITEMS, "MaxItems");
		int to = Math.min(configurations.size(), from + Math.max(1, maxItems));
		Map<String, Object> answer = new LinkedHashMap<>();
		if (to < configurations.size()) {
			answer.put("NextMarker", Integer.toString(to));
		}
		answer.put("Functions", configurations.subList(Math.min(from, to), to));
		return answer;
	}

	private FunctionVersion version(FunctionReference reference) {
		return this.functions.get(reference.name()).version(reference.qualifier());
	}

	private Map<String, Object> configuration(FunctionReference reference, FunctionVersion version) {
		return version.configuration(this.functions.get(reference.name()).arn());
	}

	private static JsonNode body(HttpExchange exchange, String operation) throws IOException {
		RequestBody body = RequestBody.read(exchange.getRequestBody(), MAX_REQUEST_BYTES);
		if (body.longerThan(MAX_REQUEST_BYTES)) {
			throw LambdaApiException.tooLarge(
					"Request must be smaller than " + MAX_REQUEST_BYTES + " bytes for the " + operation + " operation");
		}
		try {
			JsonNode request = JsonMapper.shared().readTree(body.bytes());
			if (request.isObject()) {
				return request;
			}
		}
		catch (JacksonException ex) {
			// answered below
		}
		throw LambdaApiException.invalidParameter("The " + operation + " request's body must be a JSON object");
	}

	private static byte[] zipFile(JsonNode code) {
		JsonNode zipFile = code.path("ZipFile");
		if (!zipFile.isString()) {
			throw LambdaApiException.invalidParameter(code.has("S3Bucket") || code.has("ImageUri")
					? "The local Lambda service takes a function's code as ZipFile only, not from S3 or an image"
					: "ZipFile, the function's code, is required");
		}
		try {
			return Base64.getDecoder().decode(zipFile.asString());
		}
		catch (IllegalArgumentException ex) {
			throw LambdaApiException.invalidParameter("ZipFile must be base64: " + ex.getMessage());
		}
	}

	private static int wholeNumber(@Nullable String value, int absent, String name) {
		try {
			return (value != null) ? Math.max(0, Integer.parseInt(value)) : absent;
		}
		catch (NumberFormatException ex) {
			throw LambdaApiException.invalidParameter(name + " must be a whole number, not " + value);
		}
	}

	private static void write(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", JsonBodies.CONTENT_TYPE);
		headers.put(ApiError.REQUEST_ID, UUID.randomUUID().toString());
		ResponseWriter.write(exchange, status, headers, JsonMapper.shared().writeValueAsBytes(body));
	}

}
