package dev.lambdaruntime.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A request body read up to just past Lambda's payload limit, the rest counted but discarded so that the
 * client can still read the answer.
 *
 * @param bytes the body, or its first bytes when it is too large
 * @param length the number of bytes received
 */
public record RequestBody(byte[] bytes, long length) {

	/**
	 * The largest event or response Lambda takes: 6 MiB + 100 bytes ({@code MaxPayloadSize} in
	 * the Runtime Interface Emulator's {@code interop/model.go}).
	 */
	public static final int MAX_LENGTH = 6 * 1024 * 1024 + 100;

	public static RequestBody read(InputStream in) throws IOException {
		return read(in, MAX_LENGTH);
	}

	/**
	 * Reads a body up to just past a limit of its own, such as the 70 MB of a function's code.
	 * @param in the body
	 * @param limit the most bytes kept
	 * @return the body
	 * @throws IOException if it cannot be read
	 */
	public static RequestBody read(InputStream in, int limit) throws IOException {
		byte[] bytes = in.readNBytes(limit + 1);
		long discarded = in.transferTo(OutputStream.nullOutputStream());
		return new RequestBody(bytes, bytes.length + discarded);
	}

	public boolean tooLarge() {
		return longerThan(MAX_LENGTH);
	}

	public boolean longerThan(long limit) {
		return this.length > limit;
	}

}
