package dev.lambdaruntime.runtime;

/**
 * How many invocations the execution environment hands out at once, which decides how a loop
 * treats the JVM-wide trace header and a failing Runtime API.
 *
 * @since 0.1.0
 */
public enum InvocationMode {

	/**
	 * One invocation at a time, as on ordinary Lambda: the X-Ray trace header is also set in the
	 * JVM-wide {@code com.amazonaws.xray.traceHeader} property, and a failing Runtime API ends the
	 * process.
	 */
	SINGLE,

	/**
	 * Several invocations at once ({@code AWS_LAMBDA_MAX_CONCURRENCY}, Lambda Managed
	 * Instances): the trace header lives only in each invocation's context, and a failing
	 * {@code next} is retried with backoff.
	 */
	CONCURRENT

}
