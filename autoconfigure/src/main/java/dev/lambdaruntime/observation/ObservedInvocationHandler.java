package dev.lambdaruntime.observation;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.lambdaruntime.runtime.Invocation;
import dev.lambdaruntime.runtime.InvocationContext;
import dev.lambdaruntime.runtime.InvocationHandler;
import dev.lambdaruntime.runtime.InvocationResponse;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * Wraps each invocation in a Micrometer {@link Observation} named {@code lambda.invocation}, so
 * that Spring Boot's metrics and tracing see it: tagged with the function, the outcome and
 * whether it was the cold start, with the X-Ray trace as the span's parent.
 *
 * @since 0.1.0
 */
public final class ObservedInvocationHandler implements InvocationHandler {

	static final String NAME = "lambda.invocation";

	private static final XRayTraceHeader traceHeader = new XRayTraceHeader();

	private static final KeyValue COLD_START = KeyValue.of("cold.start", "true");

	private static final KeyValue WARM_START = KeyValue.of("cold.start", "false");

	private static final KeyValue SUCCESS = KeyValue.of("outcome", "success");

	private static final KeyValue ERROR = KeyValue.of("outcome", "error");

	private final InvocationHandler delegate;

	private final ObservationRegistry registry;

	private final KeyValue function;

	private final String contextualName;

	private final AtomicBoolean coldStart = new AtomicBoolean(true);

	/**
	 * Observes a handler's invocations.
	 * @param delegate the handler observed
	 * @param registry where observations go
	 * @param definition the function served, for the {@code function} tag
	 */
	public ObservedInvocationHandler(InvocationHandler delegate, ObservationRegistry registry, String definition) {
		this.delegate = delegate;
		this.registry = registry;
		this.function = KeyValue.of("function", definition);
		this.contextualName = "lambda " + definition;
	}

	@Override
	public InvocationResponse handle(Invocation invocation, InvocationContext context) throws Exception {
		ReceiverContext<Invocation> receiver = new ReceiverContext<>(traceHeader);
		receiver.setCarrier(invocation);
		receiver.setRemoteServiceName("aws-lambda");
		boolean cold = this.coldStart.get() && this.coldStart.compareAndSet(true, false);
		Observation observation = Observation.createNotStarted(NAME, () -> receiver, this.registry)
			.contextualName(this.contextualName)
			.lowCardinalityKeyValue(this.function)
			.lowCardinalityKeyValue(cold ? COLD_START : WARM_START)
			.highCardinalityKeyValue("request.id", invocation.requestId())
			.start();
		InvocationResponse response;
		try (Observation.Scope scope = observation.openScope()) {
			response = this.delegate.handle(invocation, context);
		}
		catch (Throwable failure) {
			stop(observation, failure);
			throw failure;
		}
		if (response instanceof InvocationResponse.Streamed streamed) {
			return InvocationResponse.streamed(streamed.contentType(), (body) -> {
				try (Observation.Scope scope = observation.openScope()) {
					streamed.writer().writeTo(body);
				}
				catch (Throwable failure) {
					stop(observation, failure);
					throw failure;
				}
				stop(observation, null);
			});
		}
		stop(observation, null);
		return response;
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

	private static void stop(Observation observation, @Nullable Throwable failure) {
		observation.lowCardinalityKeyValue((failure != null) ? ERROR : SUCCESS);
		if (failure != null) {
			observation.error(failure);
		}
		observation.stop();
	}

}
