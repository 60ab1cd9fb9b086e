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
		byte[] bytes = in.readNBytes(MAX_LENGTH + 1);
		long discarded = in.transferTo(OutputStream.nullOutputStream());
		return new RequestBody(bytes, bytes.length + discarded);
	}

	public boolean tooLarge() {
		return this.length > MAX_LENGTH;
	}

}
