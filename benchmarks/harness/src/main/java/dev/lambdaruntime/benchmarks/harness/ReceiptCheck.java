package dev.lambdaruntime.benchmarks.harness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Checks that a response is the expected receipt, {@code {"id":…,"total":…,"note":…}} in any
 * field order and spacing, in one pass: a 6 MB note is compared, not decoded.
 */
final class ReceiptCheck {

	private static final int EXCERPT_LENGTH = 200;

	private final byte[] id;

	private final long total;

	private final byte[] note;

	ReceiptCheck(String id, long total, byte[] note) {
		this.id = id.getBytes(StandardCharsets.UTF_8);
		this.total = total;
		this.note = note;
	}

	/** {@code null} when the body is the expected receipt, else what is wrong with it. */
	@Nullable String problem(byte[] body) {
		Cursor cursor = new Cursor(body);
		int fieldsSeen = 0;
		try {
			cursor.expect('{');
			do {
				String field = cursor.fieldName();
				boolean matches = switch (field) {
					case "id" -> cursor.stringEquals(this.id);
					case "total" -> cursor.integer() == this.total;
					case "note" -> cursor.stringEquals(this.note);
					default -> false;
				};
				if (!matches) {
					return "unexpected " + field + " in " + excerpt(body);
				}
				fieldsSeen++;
			}
			while (cursor.nextField());
			cursor.expectEnd();
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			return "not a receipt (" + ex.getMessage() + "): " + excerpt(body);
		}
		return (fieldsSeen == 3) ? null : "fields missing in " + excerpt(body);
	}

	/** The start of a body, for messages. */
	static String excerpt(byte[] body) {
		String start = new String(body, 0, Math.min(body.length, EXCERPT_LENGTH), StandardCharsets.UTF_8);
		return (body.length > EXCERPT_LENGTH) ? start + "… (" + body.length + " bytes)" : start;
	}

	private static final class Cursor {

		private final byte[] json;

		private int at;

		Cursor(byte[] json) {
			this.json = json;
		}

		void expect(char expected) {
			skipWhitespace();
			if (this.json[this.at] != expected) {
				throw new IllegalArgumentException("'" + expected + "' expected at " + this.at);
			}
			this.at++;
		}

		String fieldName() {
			expect('"');
			int start = this.at;
			while (this.json[this.at] != '"') {
				this.at++;
			}
			String name = new String(this.json, start, this.at - start, StandardCharsets.UTF_8);
			this.at++;
			expect(':');
			return name;
		}

		boolean stringEquals(byte[] expected) {
			expect('"');
			int end = this.at + expected.length;
			if (end >= this.json.length || this.json[end] != '"'
					|| !Arrays.equals(this.json, this.at, end, expected, 0, expected.length)) {
				return false;
			}
			this.at = end + 1;
			return true;
		}

		long integer() {
			skipWhitespace();
			boolean negative = this.json[this.at] == '-';
			int start = negative ? ++this.at : this.at;
			long value = 0;
			while (this.at < this.json.length && this.json[this.at] >= '0' && this.json[this.at] <= '9') {
				value = value * 10 + (this.json[this.at++] - '0');
			}
			if (this.at == start) {
				throw new IllegalArgumentException("a number expected at " + start);
			}
			return negative ? -value : value;
		}

		boolean nextField() {
			skipWhitespace();
			if (this.json[this.at] == ',') {
				this.at++;
				return true;
			}
			expect('}');
			return false;
		}

		void expectEnd() {
			skipWhitespace();
			if (this.at != this.json.length) {
				throw new IllegalArgumentException("trailing bytes at " + this.at);
			}
		}

		private void skipWhitespace() {
			while (this.at < this.json.length && Character.isWhitespace(this.json[this.at])) {
				this.at++;
			}
		}

	}

}
