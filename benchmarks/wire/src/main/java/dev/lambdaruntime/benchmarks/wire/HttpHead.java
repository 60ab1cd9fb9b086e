package dev.lambdaruntime.benchmarks.wire;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The start line and headers of one HTTP/1.1 request or response; header names are lower case.
 *
 * @param startLine the request line or the status line
 * @param headers the headers by lower-case name
 * @since 0.1.0
 */
public record HttpHead(String startLine, Map<String, String> headers) {

	/** The value of a header, by its lower-case name. */
	public @Nullable String header(String lowerCaseName) {
		return this.headers.get(lowerCaseName);
	}

	/** The request's method. */
	public String method() {
		return this.startLine.substring(0, this.startLine.indexOf(' '));
	}

	/** The request's target, such as {@code /2018-06-01/runtime/invocation/next}. */
	public String target() {
		int start = this.startLine.indexOf(' ') + 1;
		return this.startLine.substring(start, this.startLine.indexOf(' ', start));
	}

	/** The response's status code. */
	public int status() {
		int start = this.startLine.indexOf(' ') + 1;
		return Integer.parseInt(this.startLine.substring(start, start + 3));
	}

	/** Whether the body is sent in chunks. */
	public boolean isChunked() {
		String encoding = header("transfer-encoding");
		return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
	}

	/** The body's length, or -1 without a {@code Content-Length}. */
	public long contentLength() {
		String length = header("content-length");
		return (length != null) ? Long.parseLong(length.trim()) : -1;
	}

	/** Whether the sender waits for {@code 100 Continue} before sending the body. */
	public boolean expectsContinue() {
		return "100-continue".equalsIgnoreCase(header("expect"));
	}

	/** Whether the sender closes the connection after this message. */
	public boolean closesConnection() {
		return "close".equalsIgnoreCase(header("connection"));
	}

}
