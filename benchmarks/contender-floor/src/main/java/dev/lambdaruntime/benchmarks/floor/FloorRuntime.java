package dev.lambdaruntime.benchmarks.floor;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.util.Locale;
import java.util.function.UnaryOperator;

import dev.lambdaruntime.benchmarks.function.Checkout;
import dev.lambdaruntime.benchmarks.function.Order;
import dev.lambdaruntime.benchmarks.wire.HttpHead;
import dev.lambdaruntime.benchmarks.wire.HttpInput;
import dev.lambdaruntime.benchmarks.wire.HttpOutput;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Lambda runtime with nothing but a keep-alive socket and a handler of bytes: next, handle,
 * respond. No error handling: any failure ends the process. Its {@link #main} serves the
 * checkout function with a plain Jackson {@link JsonMapper}.
 *
 * @since 0.1.0
 */
public final class FloorRuntime implements Closeable {

	private static final String REQUEST_ID_HEADER = RuntimeApiProtocol.REQUEST_ID.toLowerCase(Locale.ROOT);

	private static final byte[] NO_BODY = {};

	private final Socket socket;

	private final HttpInput in;

	private final HttpOutput out;

	private final String[] nextHeaders;

	private final String[] responseHeaders;

	private final UnaryOperator<byte[]> handler;

	private FloorRuntime(Socket socket, String address, UnaryOperator<byte[]> handler) throws IOException {
		this.socket = socket;
		this.in = new HttpInput(socket.getInputStream());
		this.out = new HttpOutput(socket.getOutputStream());
		this.nextHeaders = new String[] { "Host", address };
		this.responseHeaders = new String[] { "Host", address, "Content-Type", "application/json" };
		this.handler = handler;
	}

	/** Connects to the Runtime API at {@code host:port}, to serve events with {@code handler}. */
	public static FloorRuntime connect(String address, UnaryOperator<byte[]> handler) throws IOException {
		int colon = address.lastIndexOf(':');
		Socket socket = new Socket(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
		socket.setTcpNoDelay(true);
		return new FloorRuntime(socket, address, handler);
	}

	/** Serves the checkout function from {@code AWS_LAMBDA_RUNTIME_API} until the process is stopped. */
	public static void main(String[] args) throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		try (FloorRuntime runtime = connect(System.getenv("AWS_LAMBDA_RUNTIME_API"),
				(event) -> mapper.writeValueAsBytes(Checkout.receiptFor(mapper.readValue(event, Order.class))))) {
			while (true) {
				runtime.invokeOnce();
			}
		}
	}

	/** One invocation: next, handle, respond. */
	public void invokeOnce() throws IOException {
		this.out.write("GET " + RuntimeApiProtocol.NEXT_PATH + " HTTP/1.1", this.nextHeaders, NO_BODY);
		HttpHead next = expect(200, this.in.readHead());
		byte[] response = this.handler.apply(this.in.readBody(next));
		String requestId = next.header(REQUEST_ID_HEADER);
		this.out.write("POST " + RuntimeApiProtocol.INVOCATION_PATH + requestId + "/response HTTP/1.1",
				this.responseHeaders, response);
		this.in.readBody(expect(202, this.in.readHead()));
	}

	private static HttpHead expect(int status, @Nullable HttpHead head) {
		if (head == null || head.status() != status) {
			throw new IllegalStateException("The Runtime API answered " + ((head != null) ? head.startLine() : "nothing"));
		}
		return head;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
