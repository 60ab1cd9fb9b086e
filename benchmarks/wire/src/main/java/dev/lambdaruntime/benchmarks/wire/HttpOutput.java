package dev.lambdaruntime.benchmarks.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes HTTP/1.1 messages with a {@code Content-Length} body: one write for a small message,
 * the head then the body, uncopied, for a large one.
 *
 * @since 0.1.0
 */
public final class HttpOutput {

	private static final int COALESCE_LIMIT = 16 * 1024;

	private final OutputStream out;

	/** Writes to the given stream, unbuffered. */
	public HttpOutput(OutputStream out) {
		this.out = out;
	}

	/**
	 * Writes one message: its start line, the header name and value pairs, a
	 * {@code Content-Length} and the body.
	 */
	public void write(String startLine, String[] headers, byte[] body) throws IOException {
		StringBuilder head = new StringBuilder(256).append(startLine).append("\r\n");
		for (int i = 0; i < headers.length; i += 2) {
			head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
		}
		byte[] headBytes = head.append("Content-Length: ")
			.append(body.length)
			.append("\r\n\r\n")
			.toString()
			.getBytes(StandardCharsets.ISO_8859_1);
		if (body.length <= COALESCE_LIMIT) {
			byte[] message = new byte[headBytes.length + body.length];
			System.arraycopy(headBytes, 0, message, 0, headBytes.length);
			System.arraycopy(body, 0, message, headBytes.length, body.length);
			this.out.write(message);
		}
		else {
			this.out.write(headBytes);
			this.out.write(body);
		}
		this.out.flush();
	}

	/** Writes an interim {@code 100 Continue}, for a sender that waits for it before its body. */
	public void writeContinue() throws IOException {
		this.out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		this.out.flush();
	}

}
