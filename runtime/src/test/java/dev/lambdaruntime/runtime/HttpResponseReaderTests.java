package dev.lambdaruntime.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link HttpResponseReader}, fed raw bytes.
 */
class HttpResponseReaderTests {

	@Test
	void readsABodyFramedByContentLength() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
		assertThat(response.status()).isEqualTo(200);
		assertThat(text(response)).isEqualTo("hello");
		assertThat(response.isSuccessful()).isTrue();
	}

	@Test
	void readsOnlyContentLengthBytesAndLeavesTheRestForTheNextResponse() throws IOException {
		HttpResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcHTTP/1.1 202 Accepted\r\n"
				+ "Content-Length: 2\r\n\r\nok");
		assertThat(text(reader.read())).isEqualTo("abc");
		HttpResponse second = reader.read();
		assertThat(second.status()).isEqualTo(202);
		assertThat(text(second)).isEqualTo("ok");
	}

	@Test
	void readsAStatusLineWithoutReasonPhrase() throws IOException {
		HttpResponse response = read("HTTP/1.1 202\r\nContent-Length: 0\r\n\r\n");
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void acceptsLinesEndedByABareLineFeed() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK\nContent-Length: 2\nX-Thing: yes\n\nhi");
		assertThat(response.header("x-thing")).isEqualTo("yes");
		assertThat(text(response)).isEqualTo("hi");
	}

	@Test
	void readsAChunkedBodyIgnoringChunkExtensionsAndTrailers() throws IOException {
		HttpResponseReader reader = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ "5;name=value\r\nhello\r\n" + "7 ; other=\"x\"\r\n, world\r\n" + "0;last\r\n"
				+ "X-Checksum: abc\r\nX-Other: def\r\n\r\n" + "HTTP/1.1 204 No Content\r\n\r\n");
		HttpResponse response = reader.read();
		assertThat(text(response)).isEqualTo("hello, world");
		assertThat(response.header("X-Checksum")).as("trailers are not headers").isNull();
		assertThat(reader.read().status()).as("the trailers were consumed up to the blank line")
			.isEqualTo(204);
	}

	@Test
	void readsChunkSizesInUpperOrLowerCaseHex() throws IOException {
		byte[] first = filled(0x1A, 'a');
		byte[] second = filled(0xbc, 'b');
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		raw.writeBytes(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1A\r\n"));
		raw.writeBytes(first);
		raw.writeBytes(ascii("\r\nbc\r\n"));
		raw.writeBytes(second);
		raw.writeBytes(ascii("\r\n0\r\n\r\n"));
		HttpResponse response = new HttpResponseReader(new ByteArrayInputStream(raw.toByteArray())).read();
		assertThat(response.body()).hasSize(0x1A + 0xbc);
		assertThat(Arrays.copyOfRange(response.body(), 0, 0x1A)).isEqualTo(first);
		assertThat(Arrays.copyOfRange(response.body(), 0x1A, 0x1A + 0xbc)).isEqualTo(second);
	}

	@Test
	void readsAChunkedBodyLargerThanItsBuffersFromAStreamThatTrickles() throws IOException {
		byte[] payload = new byte[300_000];
		for (int i = 0; i < payload.length; i++) {
			payload[i] = (byte) (i % 251);
		}
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		raw.writeBytes(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
		for (int offset = 0; offset < payload.length; offset += 70_000) {
			int size = Math.min(70_000, payload.length - offset);
			raw.writeBytes(ascii(Integer.toHexString(size) + "\r\n"));
			raw.write(payload, offset, size);
			raw.writeBytes(ascii("\r\n"));
		}
		raw.writeBytes(ascii("0\r\n\r\n"));
		HttpResponse response = new HttpResponseReader(new TricklingInputStream(raw.toByteArray(), 7)).read();
		assertThat(response.body()).isEqualTo(payload);
	}

	@Test
	void readsEveryPartOfAResponseDeliveredOneByteAtATime() throws IOException {
		byte[] raw = ascii("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: abc\r\nContent-Length: 4\r\n\r\nbody"
				+ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nxyz\r\n0\r\n\r\n");
		HttpResponseReader reader = new HttpResponseReader(new TricklingInputStream(raw, 1));
		HttpResponse first = reader.read();
		assertThat(first.header("lambda-runtime-aws-request-id")).isEqualTo("abc");
		assertThat(text(first)).isEqualTo("body");
		assertThat(text(reader.read())).isEqualTo("xyz");
		assertThat(reader.bytesRead()).isEqualTo(raw.length);
	}

	@Test
	void looksUpHeaderNamesCaseInsensitively() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK\r\nLAMBDA-RUNTIME-AWS-REQUEST-ID: id-1\r\n"
				+ "lambda-runtime-deadline-ms:  123 \r\nContent-Length: 0\r\n\r\n");
		assertThat(response.header("Lambda-Runtime-Aws-Request-Id")).isEqualTo("id-1");
		assertThat(response.header("LAMBDA-runtime-DEADLINE-ms")).as("value is trimmed").isEqualTo("123");
		assertThat(response.headers()).containsOnlyKeys("lambda-runtime-aws-request-id", "lambda-runtime-deadline-ms",
				"content-length");
	}

	@Test
	void mergesRepeatedHeadersInOrder() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK\r\nX-Multi: one\r\nx-multi: two\r\nX-MULTI: three\r\n"
				+ "Content-Length: 0\r\n\r\n");
		assertThat(response.header("X-Multi")).isEqualTo("one, two, three");
	}

	@Test
	void keepsColonsInAHeaderValue() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK\r\nLambda-Runtime-Invoked-Function-Arn: "
				+ "arn:aws:lambda:us-east-1:123456789012:function:fn:live\r\nContent-Length: 0\r\n\r\n");
		assertThat(response.header(RuntimeApiProtocol.INVOKED_FUNCTION_ARN))
			.isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:fn:live");
	}

	@Test
	void skipsInterimContinueResponses() throws IOException {
		HttpResponse response = read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\nX-Interim: 1\r\n\r\n"
				+ "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok");
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.header("x-interim")).as("interim headers are dropped").isNull();
		assertThat(text(response)).isEqualTo("ok");
	}

	@Test
	void readsNoBodyForNoContent() throws IOException {
		HttpResponseReader reader = reader(
				"HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext");
		HttpResponse response = reader.read();
		assertThat(response.status()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertThat(text(reader.read())).isEqualTo("next");
	}

	@Test
	void readsNoBodyForNotModified() throws IOException {
		HttpResponseReader reader = reader(
				"HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
		assertThat(reader.read().body()).isEmpty();
		assertThat(text(reader.read())).isEqualTo("x");
	}

	@Test
	void readsTheBodyOfAClosingResponseToTheEndOfTheStream() throws IOException {
		String body = "x".repeat(40_000) + "end";
		HttpResponse response = read("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + body);
		assertThat(text(response)).isEqualTo(body);
	}

	@Test
	void readsAResponseWithoutFramingToTheEndOfTheStream() throws IOException {
		HttpResponseReader reader = reader("HTTP/1.0 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\n\r\n{\"event\":1}");
		HttpResponse response = reader.read();
		assertThat(text(response)).isEqualTo("{\"event\":1}");
		assertThat(reader.exhausted()).as("the connection is used up").isTrue();
	}

	@Test
	void readsABodyWhoseTransferEncodingIsNotChunkedToTheEndOfTheStream() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\nContent-Length: 2\r\n\r\nabcdef");
		assertThat(text(response)).isEqualTo("abcdef");
	}

	@Test
	void leavesAKeepAliveConnectionUsableAfterAFramedBody() throws IOException {
		HttpResponseReader reader = reader("HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok");
		reader.read();
		assertThat(reader.exhausted()).isFalse();
		assertThat(reader.hasUnreadBytes()).isFalse();
	}

	@Test
	void tellsOfBytesLeftOverAfterAResponse() throws IOException {
		HttpResponseReader reader = reader("HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\noknot part of it");
		reader.read();
		assertThat(reader.hasUnreadBytes()).isTrue();
	}

	@Test
	void readsTwoResponsesBackToBackOnOneStream() throws IOException {
		HttpResponseReader reader = reader("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: first\r\n"
				+ "Content-Length: 7\r\n\r\n{\"a\":1}" + "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: second\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n7\r\n{\"b\":2}\r\n0\r\n\r\n");
		HttpResponse first = reader.read();
		HttpResponse second = reader.read();
		assertThat(first.header(RuntimeApiProtocol.REQUEST_ID)).isEqualTo("first");
		assertThat(text(first)).isEqualTo("{\"a\":1}");
		assertThat(second.header(RuntimeApiProtocol.REQUEST_ID)).isEqualTo("second");
		assertThat(text(second)).isEqualTo("{\"b\":2}");
		assertThatExceptionOfType(EOFException.class).isThrownBy(() -> reader.read())
			.withMessageContaining("Connection closed");
	}

	@Test
	void countsTheBytesItReceived() throws IOException {
		String raw = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
		HttpResponseReader reader = reader(raw);
		assertThat(reader.bytesRead()).isZero();
		reader.read();
		assertThat(reader.bytesRead()).isEqualTo(raw.length());
	}

	@Test
	void rejectsAStatusLineThatIsNotHttp() {
		assertThatIOException().isThrownBy(() -> read("SSH-2.0-OpenSSH_9.6\r\n\r\n"))
			.withMessage("Malformed HTTP status line: SSH-2.0-OpenSSH_9.6");
	}

	@Test
	void rejectsAStatusLineWithANonNumericStatus() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 2x0 OK\r\n\r\n"))
			.withMessage("Malformed HTTP status line: HTTP/1.1 2x0 OK");
	}

	@ParameterizedTest
	@ValueSource(strings = { "HTTP/1.1 2000 OK", "HTTP/1.1 +20 OK", "HTTP/1.1 -20 OK" })
	void rejectsAStatusCodeThatIsNotExactlyThreeDigitsRatherThanReadPartOfIt(String statusLine) {
		assertThatIOException().isThrownBy(() -> read(statusLine + "\r\nContent-Length: 0\r\n\r\n"))
			.withMessage("Malformed HTTP status line: " + statusLine);
	}

	@Test
	void rejectsEndlessInterimResponsesRatherThanReadThemForever() {
		InputStream endless = new InputStream() {

			private final byte[] interim = ascii("HTTP/1.1 102 Processing\r\n\r\n");

			private long position;

			@Override
			public int read() {
				return this.interim[(int) (this.position++ % this.interim.length)];
			}

		};
		assertThatIOException().isThrownBy(() -> new HttpResponseReader(endless).read())
			.withMessage("More than 10 interim (1xx) HTTP responses");
	}

	@Test
	void rejectsAStatusLineThatIsTooShort() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 20\r\n\r\n"))
			.withMessageStartingWith("Malformed HTTP status line");
	}

	@Test
	void abbreviatesAHugeMalformedStatusLineInItsMessage() {
		assertThatIOException().isThrownBy(() -> read("garbage".repeat(1000) + "\r\n\r\n"))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("Malformed HTTP status line: garbage")
				.endsWith("...")
				.hasSizeLessThan(200));
	}

	@Test
	void rejectsAHeaderLineWithoutColon() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK\r\nNoColonHere\r\n\r\n"))
			.withMessage("Malformed HTTP header line: NoColonHere");
	}

	@Test
	void rejectsAHeaderLineWithoutName() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK\r\n: value\r\n\r\n"))
			.withMessage("Malformed HTTP header line: : value");
	}

	@Test
	void acceptsALongHeaderLineWithinItsLimit() throws IOException {
		String value = "h".repeat(60_000);
		HttpResponse response = read("HTTP/1.1 200 OK\r\nX-Long: " + value + "\r\nContent-Length: 0\r\n\r\n");
		assertThat(response.header("x-long")).isEqualTo(value);
	}

	@Test
	void rejectsAHeaderLineFarLongerThanItsLimit() {
		String raw = "HTTP/1.1 200 OK\r\nX-Huge: " + "h".repeat(200_000) + "\r\n\r\n";
		assertThatIOException().isThrownBy(() -> read(raw)).withMessage("HTTP line longer than 65536 bytes");
	}

	@Test
	void rejectsAnEndlessLineWithoutReadingItAll() {
		InputStream endless = new InputStream() {

			@Override
			public int read() {
				return 'h';
			}

		};
		assertThatIOException().isThrownBy(() -> new HttpResponseReader(endless).read())
			.withMessage("HTTP line longer than 65536 bytes");
	}

	@Test
	void rejectsMoreHeadersThanItsLimit() {
		StringBuilder raw = new StringBuilder("HTTP/1.1 200 OK\r\n");
		for (int i = 0; i < 250; i++) {
			raw.append("X-Header-").append(i).append(": v\r\n");
		}
		raw.append("\r\n");
		assertThatIOException().isThrownBy(() -> read(raw.toString())).withMessage("More than 200 HTTP header lines");
	}

	@Test
	void rejectsOneHeaderNameRepeatedMoreOftenThanTheLineLimit() {
		String raw = "HTTP/1.1 200 OK\r\n" + "X-Same: v\r\n".repeat(3_000) + "Content-Length: 0\r\n\r\n";
		assertThatIOException().isThrownBy(() -> read(raw)).withMessage("More than 200 HTTP header lines");
	}

	@Test
	void rejectsOneHeaderNameRepeatedBeyondTheTotalSizeLimit() {
		String raw = "HTTP/1.1 200 OK\r\n" + ("X-Same: " + "v".repeat(60_000) + "\r\n").repeat(5)
				+ "Content-Length: 0\r\n\r\n";
		assertThatIOException().isThrownBy(() -> read(raw))
			.withMessage("HTTP header lines larger than 262144 bytes in total");
	}

	@Test
	void acceptsHeadersUpToTheirTotalSizeLimit() throws IOException {
		String value = "v".repeat(60_000);
		HttpResponse response = read(
				"HTTP/1.1 200 OK\r\n" + ("X-Same: " + value + "\r\n").repeat(4) + "Content-Length: 0\r\n\r\n");
		assertThat(response.header("x-same")).isEqualTo(String.join(", ", value, value, value, value));
	}

	@Test
	void rejectsARequestIdHeaderSentTwice() {
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\n"
					+ "lambda-runtime-aws-request-id: r2\r\nContent-Length: 0\r\n\r\n"))
			.withMessage("More than one Lambda-Runtime-Aws-Request-Id header");
	}

	@Test
	void readsHeaderBytesAsUtf8() throws IOException {
		byte[] raw = utf8("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r\u00e9q-\u4e2d-\ud83d\ude00\r\n"
				+ "Content-Length: 0\r\n\r\n");
		HttpResponse response = new HttpResponseReader(new ByteArrayInputStream(raw)).read();
		assertThat(response.header(RuntimeApiProtocol.REQUEST_ID)).isEqualTo("r\u00e9q-\u4e2d-\ud83d\ude00");
	}

	@Test
	void readsAUtf8HeaderThatArrivesOneByteAtATime() throws IOException {
		String value = "\u00e9".repeat(20_000);
		byte[] raw = utf8("HTTP/1.1 200 OK\r\nX-Long: " + value + "\r\nContent-Length: 0\r\n\r\n");
		HttpResponse response = new HttpResponseReader(new TricklingInputStream(raw, 1)).read();
		assertThat(response.header("x-long")).isEqualTo(value);
	}

	@Test
	void readsHeaderBytesThatAreNoUtf8AsIsoLatin1() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: caf\u00e9\r\nContent-Length: 0\r\n\r\n");
		assertThat(response.header(RuntimeApiProtocol.REQUEST_ID)).isEqualTo("caf\u00e9");
	}

	@Test
	void rejectsAContentLengthAboveItsLimitBeforeAllocating() {
		long length = HttpResponseReader.MAX_BODY_BYTES + 1L;
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\n"))
			.withMessage("Unacceptable HTTP Content-Length: " + length);
	}

	@Test
	void rejectsAContentLengthBeyondTheRangeOfALong() {
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n"))
			.withMessageStartingWith("Malformed HTTP Content-Length");
	}

	@Test
	void rejectsANegativeContentLength() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"))
			.withMessage("Malformed HTTP Content-Length: -1");
	}

	@Test
	void rejectsAContentLengthWithASign() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: +7\r\n\r\n{\"a\":1}"))
			.withMessage("Malformed HTTP Content-Length: +7");
	}

	@Test
	void acceptsTheSameContentLengthSentTwice() throws IOException {
		HttpResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 7\r\nContent-Length: 7\r\n\r\n{\"a\":1}"
				+ "HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nok");
		assertThat(text(reader.read())).isEqualTo("{\"a\":1}");
		assertThat(text(reader.read())).isEqualTo("ok");
	}

	@Test
	void rejectsContentLengthsThatDisagree() {
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 7\r\nContent-Length: 2\r\n\r\n{\"a\":1}"))
			.withMessage("Conflicting HTTP Content-Length values: 7, 2");
	}

	@Test
	void rejectsANonNumericContentLength() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\nabc"))
			.withMessage("Malformed HTTP Content-Length: ten");
	}

	@Test
	void rejectsAChunkSizeAboveItsLimit() {
		String size = Integer.toHexString(HttpResponseReader.MAX_BODY_BYTES + 1);
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\n"))
			.withMessage("Unacceptable HTTP chunk size: " + size);
	}

	@Test
	void rejectsChunksThatAddUpToMoreThanItsLimit() {
		String half = Integer.toHexString(HttpResponseReader.MAX_BODY_BYTES / 2 + 1);
		// The first chunk is announced but never sent: the second announcement must fail first.
		assertThatIOException().isThrownBy(() -> new HttpResponseReader(new ChunkHeadersOnlyInputStream(half)).read())
			.withMessageStartingWith("HTTP body exceeds");
	}

	@Test
	void rejectsANonHexChunkSize() {
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n"))
			.withMessage("Malformed HTTP chunk size: zz");
	}

	@Test
	void rejectsAChunkSizeWithASign() {
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n+7\r\n{\"a\":1}\r\n0\r\n\r\n"))
			.withMessage("Malformed HTTP chunk size: +7");
	}

	@Test
	void rejectsAChunkNotFollowedByLineBreak() {
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabcd\r\n0\r\n\r\n"))
			.withMessage("Malformed chunked body: missing CRLF after chunk");
	}

	@Test
	void failsWithEndOfStreamInTheMiddleOfAFixedLengthBody() {
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"))
			.withMessage("Connection closed in the middle of an HTTP body");
	}

	@Test
	void failsWithEndOfStreamInTheMiddleOfAChunk() {
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\nabc"))
			.withMessage("Connection closed in the middle of an HTTP body");
	}

	@Test
	void failsWithEndOfStreamBeforeTheLastChunk() {
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"))
			.withMessage("Connection closed by the Runtime API");
	}

	@Test
	void failsWithEndOfStreamInTheMiddleOfTheHeaders() {
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n"))
			.withMessage("Connection closed by the Runtime API");
	}

	@Test
	void failsWithEndOfStreamBeforeAnyResponse() {
		assertThatExceptionOfType(EOFException.class).isThrownBy(() -> read(""))
			.withMessage("Connection closed by the Runtime API");
	}

	private static HttpResponse read(String raw) throws IOException {
		return reader(raw).read();
	}

	private static HttpResponseReader reader(String raw) {
		return new HttpResponseReader(new ByteArrayInputStream(ascii(raw)));
	}

	private static byte[] ascii(String value) {
		return value.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(HttpResponse response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private static byte[] filled(int length, char c) {
		byte[] bytes = new byte[length];
		Arrays.fill(bytes, (byte) c);
		return bytes;
	}

	/** Hands out at most a few bytes per read, as a slow network would. */
	private static final class TricklingInputStream extends InputStream {

		private final byte[] data;

		private final int step;

		private int position;

		TricklingInputStream(byte[] data, int step) {
			this.data = data;
			this.step = step;
		}

		@Override
		public int read() {
			return (this.position < this.data.length) ? (this.data[this.position++] & 0xff) : -1;
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			if (this.position >= this.data.length) {
				return -1;
			}
			int count = Math.min(Math.min(length, this.step), this.data.length - this.position);
			System.arraycopy(this.data, this.position, target, offset, count);
			this.position += count;
			return count;
		}

	}

	/**
	 * A chunked response announcing two chunks of the given hex size, with zero bytes as the
	 * first chunk's data generated lazily, so that no test allocates the data up front.
	 */
	private static final class ChunkHeadersOnlyInputStream extends InputStream {

		private final byte[] head;

		private final byte[] middle;

		private final long dataLength;

		private long position;

		ChunkHeadersOnlyInputStream(String hexSize) {
			this.head = ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + hexSize + "\r\n");
			this.middle = ascii("\r\n" + hexSize + "\r\n");
			this.dataLength = Long.parseLong(hexSize, 16);
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			long total = this.head.length + this.dataLength + this.middle.length;
			if (this.position >= total) {
				return -1;
			}
			int count = 0;
			while (count < length && this.position < total) {
				long p = this.position;
				byte b;
				if (p < this.head.length) {
					b = this.head[(int) p];
				}
				else if (p < this.head.length + this.dataLength) {
					b = 'd';
				}
				else {
					b = this.middle[(int) (p - this.head.length - this.dataLength)];
				}
				target[offset + count++] = b;
				this.position++;
			}
			return count;
		}

	}

}
