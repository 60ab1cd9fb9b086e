package dev.lambdaruntime.runtime;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.1 responses from a connection's input stream: status line, headers, and a body
 * framed by {@code Content-Length}, chunked encoding or the end of the stream. Strict where the
 * protocol is, bounded in what it accepts, and copying a body only once where it can.
 */
final class HttpResponseReader {

	/** Largest body accepted; well above the 6 MB Lambda payload limit, far below a JVM's heap. */
	static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

	private static final int MAX_LINE_BYTES = 64 * 1024;

	private static final int MAX_HEADER_COUNT = 200;

	private static final byte[] EMPTY = {};

	private final InputStream in;

	private final byte[] buffer = new byte[16 * 1024];

	private int position;

	private int limit;

	private long bytesRead;

	HttpResponseReader(InputStream in) {
		this.in = in;
	}

	/** Bytes received so far, which tells a failed exchange that got no answer from one cut short. */
	long bytesRead() {
		return this.bytesRead;
	}

	HttpResponse read() throws IOException {
		int status;
		Map<String, String> headers;
		do {
			status = readStatusLine();
			headers = readHeaders();
		}
		while (status >= 100 && status < 200);
		byte[] body = (status == 204 || status == 304) ? EMPTY : readBody(headers);
		return new HttpResponse(status, headers, body);
	}

	private int readStatusLine() throws IOException {
		String line = readLine();
		if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
			throw new IOException("Malformed HTTP status line: " + abbreviate(line));
		}
		try {
			return Integer.parseInt(line, 9, 12, 10);
		}
		catch (NumberFormatException ex) {
			throw new IOException("Malformed HTTP status line: " + abbreviate(line));
		}
	}

	private Map<String, String> readHeaders() throws IOException {
		Map<String, String> headers = new HashMap<>();
		for (String line = readLine(); !line.isEmpty(); line = readLine()) {
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new IOException("Malformed HTTP header line: " + abbreviate(line));
			}
			if (headers.size() == MAX_HEADER_COUNT) {
				throw new IOException("More than " + MAX_HEADER_COUNT + " HTTP headers");
			}
			String name = HeaderNames.of(line, colon);
			String value = line.substring(colon + 1).trim();
			headers.merge(name, value, (first, second) -> first + ", " + second);
		}
		return headers;
	}

	private byte[] readBody(Map<String, String> headers) throws IOException {
		String transferEncoding = headers.get(HeaderNames.TRANSFER_ENCODING);
		if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).endsWith("chunked")) {
			return readChunkedBody();
		}
		String contentLength = headers.get(HeaderNames.CONTENT_LENGTH);
		if (contentLength != null) {
			return readFixedBody(parseLength(contentLength, 10, "Content-Length"));
		}
		if ("close".equalsIgnoreCase(headers.get(HeaderNames.CONNECTION))) {
			return readToEnd();
		}
		return EMPTY;
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
			int chunkSize = parseLength((extension < 0) ? line.trim() : line.substring(0, extension).trim(), 16,
					"chunk size");
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
		byte[] all = Arrays.copyOf(body, body.length + rest.length);
		System.arraycopy(rest, 0, all, body.length, rest.length);
		return all;
	}

	private static int parseLength(String value, int radix, String what) throws IOException {
		try {
			long length = Long.parseLong(value, radix);
			if (length < 0 || length > MAX_BODY_BYTES) {
				throw new IOException("Unacceptable HTTP " + what + ": " + abbreviate(value));
			}
			return (int) length;
		}
		catch (NumberFormatException ex) {
			throw new IOException("Malformed HTTP " + what + ": " + abbreviate(value));
		}
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

	private String readLine() throws IOException {
		int start = this.position;
		StringBuilder spill = null;
		while (true) {
			for (int i = this.position; i < this.limit; i++) {
				if (this.buffer[i] == '\n') {
					int end = (i > start && this.buffer[i - 1] == '\r') ? i - 1 : i;
					String tail = new String(this.buffer, start, end - start, StandardCharsets.ISO_8859_1);
					this.position = i + 1;
					if (spill == null) {
						return tail;
					}
					spill.append(tail);
					int length = spill.length();
					return (length > 0 && spill.charAt(length - 1) == '\r') ? spill.substring(0, length - 1)
							: spill.toString();
				}
			}
			if (spill == null) {
				spill = new StringBuilder();
			}
			spill.append(new String(this.buffer, start, this.limit - start, StandardCharsets.ISO_8859_1));
			if (spill.length() > MAX_LINE_BYTES) {
				throw new IOException("HTTP line longer than " + MAX_LINE_BYTES + " bytes");
			}
			fill();
			start = 0;
		}
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

	private static String abbreviate(String value) {
		return (value.length() <= 80) ? value : value.substring(0, 80) + "...";
	}

}
