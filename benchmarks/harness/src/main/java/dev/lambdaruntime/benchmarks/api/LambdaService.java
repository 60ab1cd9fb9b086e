package dev.lambdaruntime.benchmarks.api;

import org.jspecify.annotations.Nullable;

/**
 * What stands behind the Runtime API: hands out invocations and takes their answers. Called
 * from the API's connection threads.
 *
 * @since 0.1.0
 */
public interface LambdaService {

	/** Blocks until there is an invocation to hand out; an interrupt ends the wait. */
	PendingInvocation next() throws InterruptedException;

	/** An invocation's response arrived, complete, at {@code receivedNanos} ({@link System#nanoTime()}). */
	void response(String requestId, byte[] body, long receivedNanos);

	/** An invocation's error arrived. */
	void error(String requestId, @Nullable String errorType, byte[] body);

	/** The runtime reported that it could not initialize. */
	void initError(@Nullable String errorType, byte[] body);

}
