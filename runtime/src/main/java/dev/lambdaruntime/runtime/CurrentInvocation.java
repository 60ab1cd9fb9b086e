package dev.lambdaruntime.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Binds an invocation's context to the thread that serves it, with the request id in the MDC
 * and, when asked, the trace header in the system property the X-Ray SDK reads.
 *
 * @since 0.1.0
 */
public final class CurrentInvocation implements AutoCloseable {

	private static final ThreadLocal<Context> current = new ThreadLocal<>();

	private final boolean traceProperty;

	private CurrentInvocation(Context context, boolean traceProperty) {
		this.traceProperty = traceProperty;
		current.set(context);
		MDC.put(RuntimeApiProtocol.MDC_REQUEST_ID, context.getAwsRequestId());
		String traceId = context.getXrayTraceId();
		if (traceProperty && traceId != null) {
			System.setProperty(RuntimeApiProtocol.TRACE_HEADER_PROPERTY, traceId);
		}
	}

	/**
	 * Binds the context to the current thread until {@link #close()}. {@code traceProperty} sets
	 * the JVM-wide trace header too, which is right only when one invocation runs at a time.
	 */
	public static CurrentInvocation bind(Context context, boolean traceProperty) {
		return new CurrentInvocation(context, traceProperty);
	}

	/** The context of the invocation the current thread serves, or {@code null} outside one. */
	public static @Nullable Context context() {
		return current.get();
	}

	@Override
	public void close() {
		current.remove();
		MDC.remove(RuntimeApiProtocol.MDC_REQUEST_ID);
		if (this.traceProperty) {
			System.clearProperty(RuntimeApiProtocol.TRACE_HEADER_PROPERTY);
		}
	}

}
