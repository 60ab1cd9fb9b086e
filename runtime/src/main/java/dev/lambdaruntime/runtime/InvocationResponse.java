package dev.lambdaruntime.runtime;

import java.io.OutputStream;

/**
 * What a handler answers: the whole body at once, or a body streamed to the invoker as it is
 * written (Lambda response streaming).
 *
 * @since 0.1.0
 */
public sealed interface InvocationResponse permits InvocationResponse.Buffered, InvocationResponse.Streamed {

	/** A response sent in one piece, up to the Runtime API's 6 MB limit. */
	static InvocationResponse of(byte[] body) {
		return new Buffered(body);
	}

	/** A response streamed with the given content type as {@code writer} produces it. */
	static InvocationResponse streamed(String contentType, BodyWriter writer) {
		return new Streamed(contentType, writer);
	}

	/**
	 * A response sent in one piece.
	 *
	 * @param body the response's bytes
	 */
	record Buffered(byte[] body) implements InvocationResponse {
	}

	/**
	 * A response streamed as it is written.
	 *
	 * @param contentType the response's content type
	 * @param writer what writes the body
	 */
	record Streamed(String contentType, BodyWriter writer) implements InvocationResponse {
	}

	/** Writes a streamed body; each flush sends what was written so far to the invoker. */
	@FunctionalInterface
	interface BodyWriter {

		void writeTo(OutputStream body) throws Exception;

	}

}
