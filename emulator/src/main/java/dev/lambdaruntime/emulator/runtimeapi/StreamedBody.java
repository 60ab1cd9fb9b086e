package dev.lambdaruntime.emulator.runtimeapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The body of a response a runtime streams ({@code Lambda-Runtime-Function-Response-Mode:
 * streaming}), left on its exchange to be read as it arrives, counting the bytes read.
 */
final class StreamedBody {

	/** The largest streamed response passed on: 200 MB, as Lambda documents. */
	static final long MAX_LENGTH = 200L * 1024 * 1024;

	private final InputStream in;

	private long length;

	StreamedBody(InputStream in) {
		this.in = in;
	}

	/**
	 * Reads what has arrived, waiting for at least one byte.
	 * @param buffer where to put the bytes
	 * @return how many were read, or -1 at the end of the body
	 * @throws IOException if the body did not end cleanly
	 */
	int read(byte[] buffer) throws IOException {
		int read = this.in.read(buffer);
		if (read > 0) {
			this.length += read;
		}
		return read;
	}

	/** Reads and drops the rest of the body, as far as it can be read. */
	void discard() {
		try {
			this.length += this.in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			// the body ended badly: nothing more to drop
		}
	}

	/** The number of bytes read so far. */
	long length() {
		return this.length;
	}

}
