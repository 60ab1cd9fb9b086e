package dev.lambdaruntime.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment Lambda gives a function's process, and nothing else from the harness's own
 * environment but {@code PATH}, so that no stray {@code JAVA_TOOL_OPTIONS} or {@code SPRING_*}
 * variable changes what is measured.
 */
final class LambdaVariables {

	private static final String FUNCTION_NAME = "checkout-benchmark";

	private LambdaVariables() {
	}

	static Map<String, String> of(String runtimeApi, Contender contender) {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
		variables.put("LANG", "C.UTF-8");
		variables.put("TZ", ":UTC");
		variables.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
		variables.put("_HANDLER", contender.handler());
		variables.put("AWS_LAMBDA_FUNCTION_NAME", FUNCTION_NAME);
		variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
		variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
		variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + FUNCTION_NAME);
		variables.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef");
		variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
		variables.put("AWS_REGION", "us-east-1");
		variables.put("AWS_DEFAULT_REGION", "us-east-1");
		variables.put("LAMBDA_TASK_ROOT", contender.directory().toString());
		variables.put("LAMBDA_RUNTIME_DIR", contender.directory().toString());
		return variables;
	}

}
