package dev.lambdaruntime.benchmarks.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lambdaruntime.benchmarks.wire.HttpHead;
import dev.lambdaruntime.benchmarks.wire.HttpInput;
import dev.lambdaruntime.benchmarks.wire.HttpOutput;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FakeRuntimeApiTests {

	private final RecordingService service = new RecordingService();

	private FakeRuntimeApi api;

	private Socket socket;

	private HttpInput in;

	private HttpOutput out;

	@BeforeEach
	void connect() throws IOException {
		this.api = FakeRuntimeApi.start(this.service);
		String address = this.api.address();
		this.socket = new Socket(address.substring(0, address.indexOf(':')),
				Integer.parseInt(address.substring(address.indexOf(':') + 1)));
		this.in = new HttpInput(this.socket.getInputStream());
		this.out = new HttpOutput(this.socket.getOutputStream());
	}

	@AfterEach
	void close() throws IOException {
		this.socket.close();
		this.api.close();
	}

	@Test
	void handsOutTheNextInvocationWithItsHeaders() throws IOException {
		this.out.write("GET /2018-06-01/runtime/invocation/next HTTP/1.1", new String[] { "Host", "api" }, new byte[0]);
		HttpHead head = this.in.readHead();
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("lambda-runtime-aws-request-id")).isEqualTo("request-1");
		assertThat(head.header("lambda-runtime-trace-id")).isEqualTo("Root=1-trace");
		assertThat(head.header("lambda-runtime-deadline-ms")).matches("\\d{13}");
		assertThat(head.header("content-type")).isEqualTo("application/json");
		assertThat(new String(this.in.readBody(head), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
	}

	@Test
	void acceptsAResponseSentInChunksAfter100Continue() throws IOException {
		OutputStream raw = this.socket.getOutputStream();
		raw.write(("POST /2018-06-01/runtime/invocation/request-1/response HTTP/1.1\r\nHost: api\r\n"
				+ "Expect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		assertThat(this.in.readHead().status()).isEqualTo(100);
		raw.write("3\r\n{\"a\r\n4;ext=1\r\n\":1}\r\n0\r\nTrailer: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		HttpHead accepted = this.in.readHead();
		this.in.readBody(accepted);
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(this.service.answers).containsExactly("response request-1 {\"a\":1}");
	}

	@Test
	void routesErrorsAndInitErrorsOnOneKeepAliveConnection() throws IOException {
		String[] headers = { "Host", "api", "Lambda-Runtime-Function-Error-Type", "Runtime.UserException" };
		byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
		this.out.write("POST /2018-06-01/runtime/invocation/request-1/error HTTP/1.1", headers, body);
		assertThat(statusOfReply()).isEqualTo(202);
		this.out.write("POST /2018-06-01/runtime/init/error HTTP/1.1", headers, body);
		assertThat(statusOfReply()).isEqualTo(202);
		this.out.write("POST /2018-06-01/runtime/elsewhere HTTP/1.1", headers, body);
		assertThat(statusOfReply()).isEqualTo(404);
		assertThat(this.service.answers).containsExactly("error request-1 Runtime.UserException",
				"init error Runtime.UserException");
	}

	private int statusOfReply() throws IOException {
		HttpHead head = this.in.readHead();
		this.in.readBody(head);
		return head.status();
	}

	private static final class RecordingService implements LambdaService {

		private final List<String> answers = new CopyOnWriteArrayList<>();

		@Override
		public PendingInvocation next() {
			return new PendingInvocation("request-1", "Root=1-trace", "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public void response(String requestId, byte[] body, long receivedNanos) {
			this.answers.add("response " + requestId + " " + new String(body, StandardCharsets.UTF_8));
		}

		@Override
		public void error(String requestId, @Nullable String errorType, byte[] body) {
			this.answers.add("error " + requestId + " " + errorType);
		}

		@Override
		public void initError(@Nullable String errorType, byte[] body) {
			this.answers.add("init error " + errorType);
		}

	}

}
