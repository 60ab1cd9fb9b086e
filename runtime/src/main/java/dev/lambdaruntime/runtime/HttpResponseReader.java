package dev.lambdaruntime.runtime;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.1 responses from a connection's input stream: status line, headers, and a body
 * framed by {@code Content-Length}, chunked encoding or, when neither is declared, the end of the
 * stream (RFC 9112 section 6.3). Strict where the protocol is, bounded in what it accepts, and
 * copying a body only once where it can. Header bytes are read as UTF-8, in which Lambda sends
 * request ids, or as ISO-8859-1 when they are no valid UTF-8.
 */
final class HttpResponseReader {

	/** Largest body accepted; well above the 6 MB Lambda payload limit, far below a JVM's heap. */
	static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

	private static final int MAX_LINE_BYTES = 64 * 1024;

	private static final int MAX_HEADER_COUNT = 200;

	private static final int MAX_HEADER_BYTES = 256 * 1024;

	/** Interim (1xx) responses skipped before a final one: a server that sends them on end is refused. */
	private static final int MAX_INTERIM_RESPONSES = 10;

	private static final byte[] EMPTY = {};

	private final InputStream in;

	private final byte[] buffer = new byte[16 * 1024];

	private int position;

	private int limit;

	private long bytesRead;

	private int lineBytes;

	private boolean exhausted;

	HttpResponseReader(InputStream in) {
		this.in = in;
	}

	/** Bytes received so far, which tells a failed exchange that got no answer from one cut short. */
	long bytesRead() {
		return this.bytesRead;
	}

	/** Whether bytes were received that no response read so far has consumed. */
	boolean hasUnreadBytes() {
		return this.position < this.limit;
	}

	/** Whether the last body ran to the end of the stream, which leaves the connection unusable. */
	boolean exhausted() {
		return this.exhausted;
	}

	HttpResponse read() throws IOException {
		int status;
		Map<String, String> headers;
		int interim = 0;
		do {
			if (interim++ > MAX_INTERIM_RESPONSES) {
				throw new IOException("More than " + MAX_INTERIM_RESPONSES + " interim (1xx) HTTP responses");
			}
			status = readStatusLine();
			headers = readHeaders();
		}
		while (status >= 100 && status < 200);
		byte[] body = (status == 204 || status == 304) ? EMPTY : readBody(headers);
		return new HttpResponse(status, headers, body);
	}

	private int readStatusLine() throws IOException {
		String line = readLine();
		// status-line = HTTP-version SP 3DIGIT SP [ reason-phrase ] (RFC 9112 section 4), the last SP often left out
		if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' '
				|| !HttpLength.isDigits(line, 9, 12, 10) || (line.length() > 12 && line.charAt(12) != ' ')) {
			throw new IOException("Malformed HTTP status line: " + abbreviate(line));
		}
		return Integer.parseInt(line, 9, 12, 10);
	}

	/**
	 * Reads header lines up to the blank line. Repeated names are joined with commas, as RFC 9110
	 * section 5.3 allows, in linear time; the count of lines and their total size are bounded, so
	 * repeats cannot escape the limits. A second request id is refused: joined, it would name
	 * another invocation.
	 */
	private Map<String, String> readHeaders() throws IOException {
		Map<String, String> headers = new HashMap<>();
		Map<String, StringBuilder> repeated = null;
		int count = 0;
		int bytes = 0;
		for (String line = readLine(); !line.isEmpty(); line = readLine()) {
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new IOException("Malformed HTTP header line: " + abbreviate(line));
			}
			if (++count > MAX_HEADER_COUNT) {
				throw new IOException("More than " + MAX_HEADER_COUNT + " HTTP header lines");
			}
			bytes += this.lineBytes;
			if (bytes > MAX_HEADER_BYTES) {
				throw new IOException("HTTP header lines larger than " + MAX_HEADER_BYTES + " bytes in total");
			}
			String name = HeaderNames.of(line, colon);
			String value = line.substring(colon + 1).trim();
			String first = headers.putIfAbsent(name, value);
			if (first != null) {
				if (name.equals(HeaderNames.REQUEST_ID)) {
					throw new IOException("More than one " + RuntimeApiProtocol.REQUEST_ID + " header");
				}
				if (repeated == null) {
					repeated = new HashMap<>();
				}
				repeated.computeIfAbsent(name, (key) -> new StringBuilder(first)).append(", ").append(value);
			}
		}
		if (repeated != null) {
			repeated.forEach((name, values) -> headers.put(name, values.toString()));
		}
		return headers;
	}

	private byte[] readBody(Map<String, String> headers) throws IOException {
		String transferEncoding = headers.get(HeaderNames.TRANSFER_ENCODING);
		if (transferEncoding != null) {
			// Transfer-Encoding overrides Content-Length; without chunked last, the body ends with the stream.
			return transferEncoding.toLowerCase(Locale.ROOT).endsWith("chunked") ? readChunkedBody() : readToEnd();
		}
		String contentLength = headers.get(HeaderNames.CONTENT_LENGTH);
		if (contentLength != null) {
			return readFixedBody(HttpLength.ofContentLength(contentLength, MAX_BODY_BYTES));
		}
		// No declared length: the body is what arrives until the server closes (RFC 9112, 6.3 rule 8).
		return readToEnd();
	}

	private byte[] readFixedBody(int length) throws IOException {
		byte[] body = new byte[length];
		readFully(body, 0, length);
		return body;
	}

	private byte[] readChunkedBody() throws IOException {
		byte[] body = new byte[8192];
		int size = 0;
		while (true) {
			String line = readLine();
			int extension = line.indexOf(';');
			int chunkSize = HttpLength.ofChunk((extension < 0) ? line.trim() : line.substring(0, extension).trim(),
					MAX_BODY_BYTES);
			if (chunkSize == 0) {
				break;
			}
			if (size + chunkSize > MAX_BODY_BYTES) {
				throw new IOException("HTTP body exceeds " + MAX_BODY_BYTES + " bytes");
			}
			if (size + chunkSize > body.length) {
				body = Arrays.copyOf(body, Math.max(size + chunkSize, body.length * 2));
			}
			readFully(body, size, chunkSize);
			size += chunkSize;
			if (!readLine().isEmpty()) {
				throw new IOException("Malformed chunked body: missing CRLF after chunk");
			}
		}
		readHeaders(); // trailers: none of them matter to a client of the Runtime API
		return (size == body.length) ? body : Arrays.copyOf(body, size);
	}

	private byte[] readToEnd() throws IOException {
		byte[] body = Arrays.copyOfRange(this.buffer, this.position, this.limit);
		this.position = this.limit;
		byte[] rest = this.in.readNBytes(MAX_BODY_BYTES - body.length + 1);
		if (body.length + rest.length > MAX_BODY_BYTES) {
			throw new IOException("HTTP body exceeds " + MAX_BODY_BYTES + " bytes");
		}
		this.bytesRead += rest.length;
		this.exhausted = true;
		byte[] all = Arrays.copyOf(body, body.length + rest.length);
		System.arraycopy(rest, 0, all, body.length, rest.length);
		return all;
	}

	private void readFully(byte[] target, int offset, int length) throws IOException {
		int buffered = Math.min(length, this.limit - this.position);
		System.arraycopy(this.buffer, this.position, target, offset, buffered);
		this.position += buffered;
		int remaining = length - buffered;
		if (remaining > 0) {
			int read = this.in.readNBytes(target, offset + buffered, remaining);
			this.bytesRead += read;
			if (read < remaining) {
				throw new EOFException("Connection closed in the middle of an HTTP body");
			}
		}
	}

	/** Reads one line without its line break, and remembers its size in bytes. */
	private String readLine() throws IOException {
		int start = this.position;
		byte[] spill = null;
		int spilled = 0;
		while (true) {
			for (int i = this.position; i < this.limit; i++) {
				if (this.buffer[i] == '\n') {
					this.position = i + 1;
					this.lineBytes = spilled + i + 1 - start;
					if (spill == null) {
						return text(this.buffer, start, i);
					}
					spill = append(spill, spilled, start, i);
					return text(spill, 0, spilled + i - start);
				}
			}
			spill = append(spill, spilled, start, this.limit);
			spilled += this.limit - start;
			fill();
			start = 0;
		}
	}

	private byte[] append(byte[] spill, int spilled, int start, int end) throws IOException {
		int length = spilled + end - start;
		if (length > MAX_LINE_BYTES) {
			throw new IOException("HTTP line longer than " + MAX_LINE_BYTES + " bytes");
		}
		byte[] target = (spill == null) ? new byte[Math.max(length, 256)]
				: (length > spill.length) ? Arrays.copyOf(spill, Math.max(length, spill.length * 2)) : spill;
		System.arraycopy(this.buffer, start, target, spilled, end - start);
		return target;
	}

	/** The line's text without its carriage return: ASCII as it is, other bytes as UTF-8 or ISO-8859-1. */
	private static String text(byte[] bytes, int start, int end) {
		int length = ((end > start && bytes[end - 1] == '\r') ? end - 1 : end) - start;
		for (int i = start; i < start + length; i++) {
			if (bytes[i] < 0) {
				try {
					return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, length)).toString();
				}
				catch (CharacterCodingException ex) {
					break;
				}
			}
		}
		return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
	}

	private void fill() throws IOException {
		int read = this.in.read(this.buffer, 0, this.buffer.length);
		if (read < 0) {
			throw new EOFException("Connection closed by the Runtime API");
		}
		this.bytesRead += read;
		this.position = 0;
		this.limit = read;
	}

	static String abbreviate(String value) {
		return (value.length() <= 80) ? value : value.substring(0, 80) + "...";
	}

}
