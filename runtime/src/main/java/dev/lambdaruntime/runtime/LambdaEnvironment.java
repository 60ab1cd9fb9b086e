package dev.lambdaruntime.runtime;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The documented {@code AWS_LAMBDA_*} variables a function's context is made of, read once
 * through a lookup so that tests can supply their own.
 *
 * @param functionName the function's name
 * @param functionVersion the function's version
 * @param memoryLimitInMb the configured memory in MB, or 0 when unknown
 * @param logGroupName the CloudWatch log group
 * @param logStreamName the CloudWatch log stream
 * @since 0.1.0
 */
public record LambdaEnvironment(@Nullable String functionName, @Nullable String functionVersion, int memoryLimitInMb,
		@Nullable String logGroupName, @Nullable String logStreamName) {

	/** Reads the variables through the given lookup, which answers {@code null} for unset ones. */
	public static LambdaEnvironment from(Function<String, @Nullable String> lookup) {
		return new LambdaEnvironment(lookup.apply("AWS_LAMBDA_FUNCTION_NAME"),
				lookup.apply("AWS_LAMBDA_FUNCTION_VERSION"), parseMemory(lookup.apply("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")),
				lookup.apply("AWS_LAMBDA_LOG_GROUP_NAME"), lookup.apply("AWS_LAMBDA_LOG_STREAM_NAME"));
	}

	private static int parseMemory(@Nullable String value) {
		if (value == null) {
			return 0;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
