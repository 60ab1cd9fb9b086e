package dev.lambdaruntime.test.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invokes the function under test through its {@link LambdaEmulator}, as Lambda would, and waits
 * for the answer: a typed result, the raw result, or the error the function failed with. Injected
 * into tests by {@link AutoConfigureLambdaEmulator}, with the application's own {@link JsonMapper}.
 * It waits for the function's timeout and a few seconds more, so a function that runs too long
 * fails with Lambda's {@code Sandbox.Timedout}, and one that never receives the event fails with a
 * message naming the invocation.
 *
 * @since 0.1.0
 */
public final class LambdaTestClient {

	/** Where saved events are on the classpath. */
	private static final String SAVED_EVENTS = "lambda-events/";

	private final LambdaEmulator emulator;

	private final JsonMapper jsonMapper;

	private final Duration grace;

	LambdaTestClient(LambdaEmulator emulator, JsonMapper jsonMapper, Duration grace) {
		this.emulator = emulator;
		this.jsonMapper = jsonMapper;
		this.grace = grace;
	}

	/**
	 * Invokes the function with an event and reads its result.
	 * @param <T> the result type
	 * @param event the event, as for {@link #request(Object)}
	 * @param resultType the type to read the result into with the application's
	 * {@link JsonMapper}; {@code byte[]} for the result's bytes as they are
	 * @return the result, {@code null} if the function answered JSON {@code null}
	 * @throws LambdaFunctionException if the function failed
	 */
	public <T> @Nullable T invoke(Object event, Class<T> resultType) {
		return invoke(request(event).build(), resultType);
	}

	/**
	 * Invokes the function with a request, which may set the request id and other details, and
	 * reads its result.
	 * @param <T> the result type
	 * @param request the event and its details
	 * @param resultType the type to read the result into, as for {@link #invoke(Object, Class)}
	 * @return the result, {@code null} if the function answered JSON {@code null}
	 * @throws LambdaFunctionException if the function failed
	 */
	public <T> @Nullable T invoke(InvocationRequest request, Class<T> resultType) {
		InvocationResult result = invokeRaw(request);
		if (result.isError()) {
			throw new LambdaFunctionException(LambdaFunctionError.from(result));
		}
		return read(result, resultType);
	}

	/**
	 * Invokes the function with a JSON event and returns how the invocation ended, whether the
	 * function answered or failed.
	 * @param json the event, sent as its UTF-8 bytes
	 * @return the result
	 */
	public InvocationResult invokeRaw(String json) {
		return invokeRaw(InvocationRequest.of(json));
	}

	/**
	 * Invokes the function with a request and returns how the invocation ended, whether the
	 * function answered or failed.
	 * @param request the event and its details
	 * @return the result
	 */
	public InvocationResult invokeRaw(InvocationRequest request) {
		Duration wait = this.emulator.timeoutOf(request).plus(this.grace);
		try {
			return this.emulator.invoke(request).get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("The function did not answer invocation " + request.requestId() + " within "
					+ wait.toMillis() + " ms: it is still running, or no Lambda runtime is polling the emulator at "
					+ this.emulator.runtimeApi());
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Invocation " + request.requestId() + " did not end: "
					+ ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for invocation " + request.requestId(), ex);
		}
	}

	/**
	 * Invokes the function with an event that it is expected to fail.
	 * @param event the event, as for {@link #request(Object)}
	 * @return the error the function failed with
	 * @throws AssertionError if the function answered instead
	 */
	public LambdaFunctionError invokeExpectingError(Object event) {
		return invokeExpectingError(request(event).build());
	}

	/**
	 * Invokes the function with a request that it is expected to fail.
	 * @param request the event and its details
	 * @return the error the function failed with
	 * @throws AssertionError if the function answered instead
	 */
	public LambdaFunctionError invokeExpectingError(InvocationRequest request) {
		InvocationResult result = invokeRaw(request);
		if (!result.isError()) {
			throw new AssertionError("Expected invocation " + result.requestId()
					+ " to fail, but the function answered " + result.payloadAsString());
		}
		return LambdaFunctionError.from(result);
	}

	/**
	 * Starts a request for an event, to set its request id or other details before invoking.
	 * @param event a {@code String} of JSON or a {@code byte[]}, sent as it is; any other object
	 * is written as JSON with the application's {@link JsonMapper}
	 * @return a builder for the request's details
	 */
	public InvocationRequest.Builder request(Object event) {
		if (event instanceof String json) {
			return InvocationRequest.builder(json);
		}
		if (event instanceof byte[] bytes) {
			return InvocationRequest.builder(bytes);
		}
		return InvocationRequest.builder(this.jsonMapper.writeValueAsBytes(event));
	}

	/**
	 * Starts a request for a saved event: {@code lambda-events/NAME.json} on the test classpath,
	 * that is {@code src/test/resources/lambda-events/} in a Maven or Gradle project, where events
	 * can be committed and shared, and where the emulator's page saves them by default.
	 * @param name the event's name, its file name without {@code .json}
	 * @return a builder for the request's details, with the file's bytes as the event
	 * @throws IllegalArgumentException if there is no such event
	 */
	public InvocationRequest.Builder savedEvent(String name) {
		String resource = SAVED_EVENTS + name + ".json";
		try (InputStream event = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
			if (event == null) {
				throw new IllegalArgumentException("No saved event '" + name + "': " + resource
						+ " is not on the test classpath (src/test/resources/" + resource + ")");
			}
			return InvocationRequest.builder(event.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the saved event " + resource, ex);
		}
	}

	private <T> @Nullable T read(InvocationResult result, Class<T> resultType) {
		if (resultType == byte[].class) {
			return resultType.cast(result.payload());
		}
		try {
			return this.jsonMapper.readValue(result.payload(), resultType);
		}
		catch (JacksonException ex) {
			throw new AssertionError("The answer to invocation " + result.requestId() + " cannot be read as "
					+ resultType.getName() + ": " + result.payloadAsString(), ex);
		}
	}

}
