package dev.lambdaruntime.runtime;

/**
 * Turns one invocation's event into its response, whole or streamed. A thrown exception becomes
 * the invocation's error: {@link InvalidEventException} and {@link InvalidResultException} say
 * that the event or the result could not be converted, anything else is the function's own
 * failure.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface InvocationHandler {

	/** Handles one invocation; the context is also bound to the current thread. */
	InvocationResponse handle(Invocation invocation, InvocationContext context) throws Exception;

}
