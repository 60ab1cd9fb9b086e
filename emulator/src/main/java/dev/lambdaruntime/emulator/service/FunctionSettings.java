package dev.lambdaruntime.emulator.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A function's settings that {@code CreateFunction} and {@code UpdateFunctionConfiguration} set,
 * checked as Lambda checks them.
 *
 * @param runtime the runtime identifier, such as {@code provided.al2023}
 * @param role the execution role's ARN
 * @param handler the handler setting, {@code _HANDLER}
 * @param description the description
 * @param timeout the timeout in seconds
 * @param memorySize the memory in MB
 * @param environment the function's environment variables
 * @param architectures the instruction set, {@code x86_64} or {@code arm64}
 */
record FunctionSettings(String runtime, String role, String handler, String description, int timeout,
		int memorySize, Map<String, String> environment, List<String> architectures) {

	/** Lambda's defaults for what a {@code CreateFunction} call leaves out. */
	static final FunctionSettings DEFAULTS = new FunctionSettings("", "", "", "", 3, 128, Map.of(),
			List.of("x86_64"));

	/** The variables Lambda sets itself, which a function may not (Lambda's "reserved keys"). */
	private static final Set<String> RESERVED_VARIABLES = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
			"AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
			"AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
			"AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
			"AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

	/**
	 * Returns the settings a {@code CreateFunction} call makes.
	 * @param request its body
	 * @return the settings
	 * @throws LambdaApiException if a setting is missing or wrong
	 */
	static FunctionSettings created(JsonNode request) {
		FunctionSettings settings = DEFAULTS.updated(request);
		requirePresent("Role", settings.role);
		requirePresent("Runtime", settings.runtime);
		requirePresent("Handler", settings.handler);
		return settings;
	}

	/**
	 * Returns these settings with those of an {@code UpdateFunctionConfiguration} call (or a
	 * {@code CreateFunction} call) in place of their own; what it leaves out stays.
	 * @param request its body
	 * @return the settings
	 * @throws LambdaApiException if a setting is wrong
	 */
	FunctionSettings updated(JsonNode request) {
		JsonNode environment = request.path("Environment").path("Variables");
		JsonNode architectures = request.path("Architectures");
		return new FunctionSettings(text(request, "Runtime", this.runtime), text(request, "Role", this.role),
				text(request, "Handler", this.handler), text(request, "Description", this.description),
				number(request, "Timeout", this.timeout, 1, 900), number(request, "MemorySize", this.memorySize, 128, 10240),
				environment.isMissingNode() ? this.environment : variables(environment),
				architectures.isMissingNode() ? this.architectures : architectures(architectures));
	}

	private static String text(JsonNode request, String name, String current) {
		JsonNode value = request.get(name);
		if (value == null || value.isNull()) {
			return current;
		}
		if (!value.isString()) {
			throw LambdaApiException.invalidParameter(name + " must be a string");
		}
		return value.asString();
	}

	private static int number(JsonNode request, String name, int current, int min, int max) {
		JsonNode value = request.get(name);
		if (value == null || value.isNull()) {
			return current;
		}
		if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
			throw LambdaApiException.invalidParameter(
					"1 validation error detected: Value '" + value + "' at '" + lowerFirst(name)
							+ "' failed to satisfy constraint: Member must have value between " + min + " and " + max);
		}
		return value.asInt();
	}

	private static Map<String, String> variables(JsonNode variables) {
		if (!variables.isObject()) {
			throw LambdaApiException.invalidParameter("Environment.Variables must be an object of strings");
		}
		Map<String, String> result = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> variable : variables.properties()) {
			String name = variable.getKey();
			if (!name.matches("[a-zA-Z][a-zA-Z0-9_]*") || !variable.getValue().isString()) {
				throw LambdaApiException.invalidParameter("The environment variable " + name
						+ " needs a name of letters, digits and underscores, and a string value");
			}
			if (RESERVED_VARIABLES.contains(name)) {
				throw LambdaApiException.invalidParameter("Lambda was unable to configure your environment variables "
						+ "because the environment variables you have provided contains reserved keys that are "
						+ "currently not supported for modification. Reserved keys used in this request: " + name);
			}
			result.put(name, variable.getValue().asString());
		}
		return Map.copyOf(result);
	}

	private static List<String> architectures(JsonNode architectures) {
		if (!architectures.isArray() || architectures.size() != 1
				|| !Set.of("x86_64", "arm64").contains(architectures.get(0).asString(""))) {
			throw LambdaApiException.invalidParameter("Architectures must be one of [x86_64] or [arm64]");
		}
		return List.of(architectures.get(0).asString());
	}

	private static void requirePresent(String name, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			throw LambdaApiException.invalidParameter(name + " is required to create a function");
		}
	}

	private static String lowerFirst(String name) {
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

}
