package dev.lambdaruntime.runtime;

import java.io.IOException;

/**
 * Parses the lengths that frame an HTTP body, strictly: ASCII digits only, as RFC 9112 writes
 * them, so that no sign, space or other notation slips through, and never above a limit.
 */
final class HttpLength {

	private HttpLength() {
	}

	/**
	 * A {@code Content-Length}; a list of identical values, sent on one line or several, is
	 * that value (RFC 9110 section 8.6), and different values are refused.
	 */
	static int ofContentLength(String value, int limit) throws IOException {
		int comma = value.indexOf(',');
		if (comma < 0) {
			return parse(value, 10, "Content-Length", limit);
		}
		String first = value.substring(0, comma).trim();
		for (String other : value.substring(comma + 1).split(",")) {
			if (!other.trim().equals(first)) {
				throw new IOException(
						"Conflicting HTTP Content-Length values: " + HttpResponseReader.abbreviate(value));
			}
		}
		return parse(first, 10, "Content-Length", limit);
	}

	/** A chunk size, in hexadecimal, without its extensions. */
	static int ofChunk(String value, int limit) throws IOException {
		return parse(value, 16, "chunk size", limit);
	}

	private static int parse(String value, int radix, String what, int limit) throws IOException {
		if (value.isEmpty() || !isDigits(value, 0, value.length(), radix)) {
			throw new IOException("Malformed HTTP " + what + ": " + HttpResponseReader.abbreviate(value));
		}
		try {
			long length = Long.parseLong(value, radix);
			if (length > limit) {
				throw new IOException("Unacceptable HTTP " + what + ": " + HttpResponseReader.abbreviate(value));
			}
			return (int) length;
		}
		catch (NumberFormatException ex) {
			throw new IOException("Malformed HTTP " + what + ": " + HttpResponseReader.abbreviate(value));
		}
	}

	/** Whether every character from {@code from} to {@code to} is a digit of the radix, 10 or 16, with no sign or space. */
	static boolean isDigits(String value, int from, int to, int radix) {
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			boolean digit = (c >= '0' && c <= '9')
					|| (radix == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
			if (!digit) {
				return false;
			}
		}
		return true;
	}

}
