package dev.lambdaruntime.runtime;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * One keep-alive HTTP/1.1 connection to the Runtime API over a plain socket with
 * {@code TCP_NODELAY}. It never sets a read timeout, reconnects when the server closed an idle
 * connection, and can be closed from another thread to release a blocked exchange.
 * <p>
 * The Runtime API client is our own, not the JDK's {@code java.net.http.HttpClient}, for three
 * reasons. A streamed response that fails midway must end with HTTP trailers
 * ({@code Lambda-Runtime-Function-Error-Type} and {@code -Body}), which the JDK's clients cannot
 * send. {@code next} blocks without a read timeout, possibly for hours, yet stopping the loop
 * must release it within a second: closing the socket under it does, from any thread. And it
 * costs less: in one JMH run of {@code benchmarks/jmh}'s {@code LoopBenchmark} (2026-12-02,
 * 100-byte event, a shared 2-core machine under load) one next-handle-respond took 59 µs and
 * 11.8 KB allocated with this client, 73 µs and 13.1 KB on the raw-socket floor, and 4,400 µs and
 * 46.8 KB on the JDK's {@code HttpClient}, whose exchanges hop between its own threads.
 * <p>
 * It speaks only what the Runtime API needs: {@code GET} and {@code POST}, a request body with a
 * {@code Content-Length} or in chunks with trailers, and a response framed by
 * {@code Content-Length}, chunked encoding or the end of the connection.
 */
final class HttpConnection implements Closeable {

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	private final String host;

	private final int port;

	private final String hostHeader;

	private volatile boolean closed;

	private volatile int interruptions;

	private volatile @Nullable Socket socket;

	private @Nullable OutputStream out;

	private @Nullable HttpResponseReader reader;

	HttpConnection(String host, int port) {
		this.host = host;
		this.port = port;
		this.hostHeader = host + ":" + port;
	}

	/**
	 * Sends one request and reads its response. {@code headers} holds name and value pairs;
	 * {@code body} is sent with a {@code Content-Length} when not {@code null}.
	 */
	synchronized HttpResponse exchange(String method, String path, String[] headers, byte @Nullable [] body)
			throws IOException {
		boolean reused = this.socket != null;
		int interruptions = this.interruptions;
		HttpResponseReader reader = connect();
		long before = reader.bytesRead();
		try {
			return send(reader, method, path, headers, body);
		}
		catch (IOException ex) {
			disconnect();
			if (reused && !this.closed && interruptions == this.interruptions && reader.bytesRead() == before) {
				// The server closed an idle keep-alive connection before we wrote: try once afresh.
				return send(connect(), method, path, headers, body);
			}
			throw ex;
		}
	}

	/**
	 * Starts a request whose body is sent in chunks as it is written; the caller writes the
	 * body, then {@link ChunkedRequestBody#finish finishes} it to get the response. For the
	 * thread that owns this connection only.
	 */
	ChunkedRequestBody openChunked(String method, String path, String[] headers) throws IOException {
		HttpResponseReader reader = connect();
		OutputStream out = this.out;
		if (out == null) {
			throw new SocketException("Connection closed");
		}
		byte[] head = head(method, path, headers, "Transfer-Encoding: chunked\r\n");
		return new ChunkedRequestBody(head, out, reader, this::disconnect);
	}

	private HttpResponse send(HttpResponseReader reader, String method, String path, String[] headers,
			byte @Nullable [] body) throws IOException {
		OutputStream out = this.out;
		if (out == null) {
			throw new SocketException("Connection closed");
		}
		out.write(head(method, path, headers, (body != null) ? "Content-Length: " + body.length + "\r\n" : ""));
		if (body != null) {
			out.write(body);
		}
		out.flush();
		HttpResponse response = reader.read();
		if ("close".equalsIgnoreCase(response.header(HeaderNames.CONNECTION))) {
			disconnect();
		}
		return response;
	}

	private byte[] head(String method, String path, String[] headers, String framing) {
		StringBuilder head = new StringBuilder(128 + path.length()).append(method)
			.append(' ')
			.append(path)
			.append(" HTTP/1.1\r\nHost: ")
			.append(this.hostHeader)
			.append("\r\n");
		for (int i = 0; i < headers.length; i += 2) {
			head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
		}
		return head.append(framing).append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private HttpResponseReader connect() throws IOException {
		if (this.closed) {
			throw new SocketException("Connection closed");
		}
		HttpResponseReader reader = this.reader;
		if (reader != null) {
			return reader;
		}
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.setKeepAlive(true);
		this.socket = socket;
		if (this.closed) {
			disconnect();
			throw new SocketException("Connection closed");
		}
		socket.connect(new InetSocketAddress(this.host, this.port), CONNECT_TIMEOUT_MILLIS);
		this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
		reader = new HttpResponseReader(socket.getInputStream());
		this.reader = reader;
		return reader;
	}

	private void disconnect() {
		Socket socket = this.socket;
		this.socket = null;
		this.out = null;
		this.reader = null;
		closeQuietly(socket);
	}

	/**
	 * Fails the exchange in progress, in any thread, at once, by closing the socket under it; a
	 * later exchange connects afresh.
	 */
	void interrupt() {
		this.interruptions++;
		closeQuietly(this.socket);
	}

	/** Closes the connection for good; an exchange blocked on it, in any thread, fails at once. */
	@Override
	public void close() {
		this.closed = true;
		closeQuietly(this.socket);
	}

	private static void closeQuietly(@Nullable Socket socket) {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

}
