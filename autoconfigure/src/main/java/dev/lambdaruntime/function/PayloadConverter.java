package dev.lambdaruntime.function;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.runtime.InvalidEventException;
import dev.lambdaruntime.runtime.InvalidResultException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.ClassUtils;

/**
 * Converts event bytes to a function's input and its result back to bytes, as the Java managed
 * runtime does, with the application's own {@link JsonMapper}. The input's shape is worked out
 * once, so an invocation does no reflection.
 */
final class PayloadConverter {

	/** Message header that holds the invocation's Lambda {@link Context}. */
	static final String CONTEXT_HEADER = "aws-context";

	private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

	private static final boolean reactorPresent = ClassUtils.isPresent("reactor.core.publisher.Mono",
			PayloadConverter.class.getClassLoader());

	private final JsonMappers mappers;

	private final JavaType stringType;

	private final EventReader reader;

	PayloadConverter(JsonMappers mappers, @Nullable Type inputType) {
		this.mappers = mappers;
		this.stringType = mappers.application().constructType(String.class);
		this.reader = readerFor(inputType);
	}

	/** The function's input for an event; {@code null} for a supplier. */
	@Nullable Object readEvent(byte[] event, Context context) {
		return this.reader.read(event, context);
	}

	/** The response bytes for a function's result. */
	byte[] writeResult(@Nullable Object result) {
		Object value = await(result);
		if (value == null) {
			return JSON_NULL;
		}
		if (value instanceof Message<?> message) {
			return writeResult(message.getPayload());
		}
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		if (value instanceof InputStream stream) {
			try (stream) {
				return stream.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the function's InputStream result", ex);
			}
		}
		try {
			return this.mappers.forType(value.getClass()).writeValueAsBytes(value);
		}
		catch (JacksonException ex) {
			throw new InvalidResultException("Could not write the function's " + value.getClass().getName()
					+ " result as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static @Nullable Object await(@Nullable Object result) {
		if (reactorPresent && ReactiveResults.isReactive(result)) {
			return ReactiveResults.await(result);
		}
		if (result instanceof CompletionStage<?> stage) {
			try {
				return stage.toCompletableFuture().get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the function's result", ex);
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
						: new IllegalStateException(ex.getCause());
			}
		}
		return result;
	}

	private EventReader readerFor(@Nullable Type inputType) {
		if (inputType == null) {
			return (event, context) -> null;
		}
		if (FunctionTypeUtils.isMessage(inputType)) {
			EventReader payloadReader = readerFor(FunctionTypeUtils.getGenericType(inputType));
			return (event, context) -> MessageBuilder.withPayload(payloadReader.read(event, context))
				.setHeader(CONTEXT_HEADER, context)
				.build();
		}
		Class<?> rawType = FunctionTypeUtils.getRawType(inputType);
		if (rawType == byte[].class) {
			return (event, context) -> event;
		}
		if (rawType == InputStream.class) {
			return (event, context) -> new ByteArrayInputStream(event);
		}
		if (rawType == String.class) {
			return (event, context) -> readString(event);
		}
		JsonMapper mapper = this.mappers.forType(inputType);
		JavaType javaType = mapper.constructType(inputType);
		return (event, context) -> readJson(mapper, event, javaType);
	}

	private String readString(byte[] event) {
		int start = 0;
		while (start < event.length && Character.isWhitespace(event[start])) {
			start++;
		}
		if (start < event.length && event[start] == '"') {
			return (String) readJson(this.mappers.application(), event, this.stringType);
		}
		return new String(event, StandardCharsets.UTF_8);
	}

	private static Object readJson(JsonMapper mapper, byte[] event, JavaType type) {
		try {
			Object value = mapper.readValue(event, type);
			if (value == null && !type.isTypeOrSuperTypeOf(Object.class)) {
				throw new InvalidEventException("The event is JSON null, not " + type.toCanonical(), null);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new InvalidEventException(
					"Could not read the event as " + type.toCanonical() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface EventReader {

		@Nullable Object read(byte[] event, Context context);

	}

}
