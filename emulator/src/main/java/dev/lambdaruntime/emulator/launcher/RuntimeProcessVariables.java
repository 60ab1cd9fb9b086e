package dev.lambdaruntime.emulator.launcher;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The environment variables Lambda gives a runtime process, as the launcher sets them for its
 * command.
 *
 * @param runtimeApi the value of {@code AWS_LAMBDA_RUNTIME_API}
 * @param functionName the function name
 * @param functionVersion the value of {@code AWS_LAMBDA_FUNCTION_VERSION}
 * @param memorySize the memory size in MB
 * @param handler the value of {@code _HANDLER}
 * @param maxConcurrency the value of {@code AWS_LAMBDA_MAX_CONCURRENCY}, or {@code null} for
 * one invocation at a time
 * @param taskRoot the value of {@code LAMBDA_TASK_ROOT} and {@code LAMBDA_RUNTIME_DIR}
 */
record RuntimeProcessVariables(String runtimeApi, String functionName, String functionVersion, int memorySize,
		String handler, @Nullable Integer maxConcurrency, Path taskRoot) {

	private static final String DEFAULT_REGION = "us-east-1";

	/**
	 * Returns the AWS region the function runs in.
	 * @param inherited the launcher's own environment
	 * @return its {@code AWS_REGION}, else {@code us-east-1}
	 */
	static String region(Map<String, String> inherited) {
		return inherited.getOrDefault("AWS_REGION", DEFAULT_REGION);
	}

	private static final DateTimeFormatter LOG_STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

	/**
	 * Returns the variables for one run of the runtime, with a log stream of its own.
	 * @param function the function's own variables, which those Lambda sets override
	 * @param inherited the launcher's own environment, whose AWS region is kept when set
	 * @return the variables to set
	 */
	Map<String, String> variables(Map<String, String> function, Map<String, String> inherited) {
		String region = region(inherited);
		Map<String, String> variables = new LinkedHashMap<>(function);
		variables.put("AWS_LAMBDA_RUNTIME_API", this.runtimeApi);
		variables.put("AWS_LAMBDA_FUNCTION_NAME", this.functionName);
		variables.put("AWS_LAMBDA_FUNCTION_VERSION", this.functionVersion);
		variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(this.memorySize));
		variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + this.functionName);
		variables.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalDate.now(ZoneOffset.UTC).format(LOG_STREAM_DATE)
				+ "/[" + this.functionVersion + "]" + UUID.randomUUID().toString().replace("-", ""));
		variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
		variables.put("AWS_REGION", region);
		variables.put("AWS_DEFAULT_REGION", inherited.getOrDefault("AWS_DEFAULT_REGION", region));
		variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_provided.al2023");
		variables.put("_HANDLER", this.handler);
		variables.put("LAMBDA_TASK_ROOT", this.taskRoot.toString());
		variables.put("LAMBDA_RUNTIME_DIR", this.taskRoot.toString());
		variables.put("TZ", ":UTC");
		if (this.maxConcurrency != null) {
			variables.put("AWS_LAMBDA_MAX_CONCURRENCY", this.maxConcurrency.toString());
		}
		return variables;
	}

}
