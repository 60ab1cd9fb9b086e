package dev.lambdaruntime.emulator.invocation;

import java.nio.charset.StandardCharsets;

/**
 * The start of a request or response body, decoded as UTF-8, as the invocation history keeps it.
 *
 * @param text the first {@value #MAX_LENGTH} bytes, decoded
 * @param truncated whether the body was longer
 */
record BodyExcerpt(String text, boolean truncated) {

	/** The most bytes an excerpt keeps: 64 KB. */
	static final int MAX_LENGTH = 64 * 1024;

	static BodyExcerpt of(byte[] body) {
		int length = Math.min(body.length, MAX_LENGTH);
		return new BodyExcerpt(new String(body, 0, length, StandardCharsets.UTF_8), body.length > MAX_LENGTH);
	}

}
