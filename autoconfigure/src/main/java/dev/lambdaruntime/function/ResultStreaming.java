package dev.lambdaruntime.function;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;

import dev.lambdaruntime.runtime.HttpIntegrationResponse;
import dev.lambdaruntime.runtime.InvocationResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.util.ClassUtils;

/**
 * Decides which results are streamed to the invoker (Lambda response streaming) and writes
 * them: a {@link InvocationResponse.BodyWriter} or an {@link HttpIntegrationResponse} always; a
 * publisher of {@code ByteBuffer} or {@code byte[]} always, item by item; and, for a function
 * named in {@code lambda.runtime.streaming.functions}, any other publisher as a JSON array
 * written item by item and an {@code InputStream} as it is read.
 */
final class ResultStreaming {

	private static final String OCTET_STREAM = "application/octet-stream";

	private static final String JSON = "application/json";

	private static final boolean reactorPresent = ClassUtils.isPresent("reactor.core.publisher.Flux",
			ResultStreaming.class.getClassLoader());

	private final PayloadConverter converter;

	private final Kind kind;

	ResultStreaming(PayloadConverter converter, @Nullable Type outputType, boolean optedIn) {
		this.converter = converter;
		this.kind = kindOf(outputType, optedIn);
	}

	private static Kind kindOf(@Nullable Type outputType, boolean optedIn) {
		if (outputType == null || !reactorPresent) {
			return Kind.NONE;
		}
		if (FunctionTypeUtils.isFlux(outputType)) {
			Class<?> item = FunctionTypeUtils.getRawType(FunctionTypeUtils.getImmediateGenericType(outputType, 0));
			if (item == ByteBuffer.class || item == byte[].class) {
				return Kind.BYTES;
			}
			return optedIn ? Kind.JSON_ARRAY : Kind.NONE;
		}
		return (optedIn && FunctionTypeUtils.getRawType(outputType) == InputStream.class) ? Kind.INPUT_STREAM
				: Kind.NONE;
	}

	/** The streamed response for a result, or {@code null} when it is sent whole. */
	@Nullable InvocationResponse stream(@Nullable Object result) {
		if (result instanceof InvocationResponse.BodyWriter writer) {
			return InvocationResponse.streamed(OCTET_STREAM, writer);
		}
		if (result instanceof HttpIntegrationResponse response) {
			return response.toInvocationResponse();
		}
		if (result == null) {
			return null;
		}
		return switch (this.kind) {
			case NONE -> null;
			case BYTES -> InvocationResponse.streamed(OCTET_STREAM, (out) -> writeBytes(result, out));
			case JSON_ARRAY -> InvocationResponse.streamed(JSON, (out) -> writeJsonArray(result, out));
			case INPUT_STREAM -> InvocationResponse.streamed(OCTET_STREAM, (out) -> copy((InputStream) result, out));
		};
	}

	private static void writeBytes(Object publisher, OutputStream out) throws Exception {
		for (Object item : ReactiveResults.items(publisher)) {
			if (item instanceof ByteBuffer buffer) {
				byte[] bytes = new byte[buffer.remaining()];
				buffer.get(bytes);
				out.write(bytes);
			}
			else {
				out.write((byte[]) item);
			}
			out.flush();
		}
	}

	private void writeJsonArray(Object publisher, OutputStream out) throws Exception {
		out.write('[');
		boolean first = true;
		for (Object item : ReactiveResults.items(publisher)) {
			if (!first) {
				out.write(',');
			}
			first = false;
			out.write(this.converter.writeResult(item));
			out.flush();
		}
		out.write(']');
	}

	private static void copy(InputStream in, OutputStream out) throws Exception {
		try (in) {
			byte[] buffer = new byte[8192];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
	}

	private enum Kind {

		NONE, BYTES, JSON_ARRAY, INPUT_STREAM

	}

}
