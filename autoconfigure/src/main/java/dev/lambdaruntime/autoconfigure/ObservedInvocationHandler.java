package dev.lambdaruntime.autoconfigure;

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
 */
final class ObservedInvocationHandler implements InvocationHandler {

	static final String NAME = "lambda.invocation";

	private static final XRayTraceHeader traceHeader = new XRayTraceHeader();

	private final InvocationHandler delegate;

	private final ObservationRegistry registry;

	private final KeyValue function;

	private volatile boolean coldStart = true;

	ObservedInvocationHandler(InvocationHandler delegate, ObservationRegistry registry, String definition) {
		this.delegate = delegate;
		this.registry = registry;
		this.function = KeyValue.of("function", definition);
	}

	@Override
	public InvocationResponse handle(Invocation invocation, InvocationContext context) throws Exception {
		ReceiverContext<Invocation> receiver = new ReceiverContext<>(traceHeader);
		receiver.setCarrier(invocation);
		receiver.setRemoteServiceName("aws-lambda");
		boolean cold = this.coldStart;
		this.coldStart = false;
		Observation observation = Observation.createNotStarted(NAME, () -> receiver, this.registry)
			.contextualName("lambda " + this.function.getValue())
			.lowCardinalityKeyValue(this.function)
			.lowCardinalityKeyValue("cold.start", Boolean.toString(cold))
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

	private static void stop(Observation observation, @Nullable Throwable failure) {
		observation.lowCardinalityKeyValue("outcome", (failure != null) ? "error" : "success");
		if (failure != null) {
			observation.error(failure);
		}
		observation.stop();
	}

}
