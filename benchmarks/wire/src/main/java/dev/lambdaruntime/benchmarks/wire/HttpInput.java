package dev.lambdaruntime.benchmarks.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads HTTP/1.1 messages from a connection: start line and headers, then a body framed by
 * {@code Content-Length} or by chunks. Not thread-safe; one per connection.
 *
 * @since 0.1.0
 */
public final class HttpInput {

	private static final int BUFFER_SIZE = 16 * 1024;

	private static final int MAX_LINE_LENGTH = 64 * 1024;

	private static final byte[] EMPTY = {};

	private final InputStream in;

	private final byte[] buffer = new byte[BUFFER_SIZE];

	private int position;

	private int limit;

	/** Reads from the given stream, which it buffers itself. */
	public HttpInput(InputStream in) {
		this.in = in;
	}

	/** The next message's head, or {@code null} when the peer closed the connection between messages. */
	public @Nullable HttpHead readHead() throws IOException {
		String startLine = readLine();
		if (startLine == null) {
			return null;
		}
		Map<String, String> headers = new HashMap<>();
		for (String line = requireLine(); !line.isEmpty(); line = requireLine()) {
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new ProtocolException("Malformed header line: " + line);
			}
			headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
		}
		return new HttpHead(startLine, headers);
	}

	/** The body that follows a head: chunked, of {@code Content-Length} bytes, or empty. */
	public byte[] readBody(HttpHead head) throws IOException {
		if (head.isChunked()) {
			return readChunkedBody();
		}
		long length = head.contentLength();
		if (length > Integer.MAX_VALUE - 8) {
			throw new ProtocolException("Body too large: " + length + " bytes");
		}
		return (length > 0) ? readExactly((int) length) : EMPTY;
	}

	private byte[] readChunkedBody() throws IOException {
		byte[] body = new byte[BUFFER_SIZE];
		int size = 0;
		while (true) {
			String sizeLine = requireLine();
			int extension = sizeLine.indexOf(';');
			int chunkSize = Integer.parseInt((extension < 0) ? sizeLine.trim() : sizeLine.substring(0, extension).trim(),
					16);
			if (chunkSize == 0) {
				while (!requireLine().isEmpty()) {
					// trailers are not needed
				}
				return Arrays.copyOf(body, size);
			}
			if (body.length - size < chunkSize) {
				body = Arrays.copyOf(body, Math.max(body.length * 2, size + chunkSize));
			}
			readInto(body, size, chunkSize);
			size += chunkSize;
			if (!requireLine().isEmpty()) {
				throw new ProtocolException("A chunk is longer than its declared size");
			}
		}
	}

	private byte[] readExactly(int length) throws IOException {
		byte[] body = new byte[length];
		readInto(body, 0, length);
		return body;
	}

	private void readInto(byte[] target, int offset, int length) throws IOException {
		int buffered = Math.min(this.limit - this.position, length);
		System.arraycopy(this.buffer, this.position, target, offset, buffered);
		this.position += buffered;
		int remaining = length - buffered;
		if (remaining > 0 && this.in.readNBytes(target, offset + buffered, remaining) < remaining) {
			throw new EOFException("The connection closed in the middle of a body");
		}
	}

	private String requireLine() throws IOException {
		String line = readLine();
		if (line == null) {
			throw new EOFException("The connection closed in the middle of a message head");
		}
		return line;
	}

	private @Nullable String readLine() throws IOException {
		StringBuilder longLine = null;
		while (true) {
			for (int i = this.position; i < this.limit; i++) {
				if (this.buffer[i] == '\n') {
					int end = (i > this.position && this.buffer[i - 1] == '\r') ? i - 1 : i;
					String part = new String(this.buffer, this.position, end - this.position, StandardCharsets.ISO_8859_1);
					this.position = i + 1;
					return (longLine != null) ? longLine.append(part).toString() : part;
				}
			}
			if (this.position < this.limit) {
				longLine = (longLine != null) ? longLine : new StringBuilder();
				longLine.append(new String(this.buffer, this.position, this.limit - this.position,
						StandardCharsets.ISO_8859_1));
				if (longLine.length() > MAX_LINE_LENGTH) {
					throw new ProtocolException("A line of the message head is longer than " + MAX_LINE_LENGTH);
				}
			}
			if (!fill()) {
				if (longLine == null) {
					return null;
				}
				throw new EOFException("The connection closed in the middle of a line");
			}
		}
	}

	private boolean fill() throws IOException {
		int read = this.in.read(this.buffer, 0, this.buffer.length);
		this.position = 0;
		this.limit = Math.max(read, 0);
		return read > 0;
	}

}
