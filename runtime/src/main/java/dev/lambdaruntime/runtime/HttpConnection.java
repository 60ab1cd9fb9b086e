package dev.lambdaruntime.runtime;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One keep-alive HTTP/1.1 connection to the Runtime API over a plain socket with
 * {@code TCP_NODELAY}. It never sets a read timeout, and can be closed from another thread to
 * release a blocked exchange. Before it reuses the connection it checks, without waiting, that
 * the server has not closed it and sent nothing unasked, and opens a new one if so; a request
 * is sent again only when none of it can have reached the server, so an answer is never
 * posted twice.
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

	/**
	 * How long the answer to a request other than the long-polling {@code GET} may take: the
	 * Runtime API answers a posted response or error at once, so one that never does must end
	 * the exchange rather than hang the loop.
	 */
	static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

	private final String host;

	private final int port;

	private final String hostHeader;

	private final ByteBuffer probe = ByteBuffer.allocate(1);

	private volatile boolean closed;

	private volatile int interruptions;

	private volatile @Nullable SocketChannel channel;

	private @Nullable OutputStream out;

	private @Nullable HttpResponseReader reader;

	private final int answerTimeoutMillis;

	HttpConnection(String host, int port) {
		this(host, port, ANSWER_TIMEOUT);
	}

	HttpConnection(String host, int port, Duration answerTimeout) {
		this.host = host;
		this.port = port;
		this.hostHeader = host + ":" + port;
		this.answerTimeoutMillis = Math.toIntExact(answerTimeout.toMillis());
	}

	/**
	 * Sends one request and reads its response. {@code headers} holds name and value pairs;
	 * {@code body} is sent with a {@code Content-Length} when not {@code null}.
	 */
	synchronized HttpResponse exchange(String method, String path, String[] headers, byte @Nullable [] body)
			throws IOException {
		// A pending interrupt would close the channel under the I/O: keep it for the caller instead.
		boolean interrupted = Thread.interrupted();
		try {
			return exchangeOnce(method, path, headers, body);
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private HttpResponse exchangeOnce(String method, String path, String[] headers, byte @Nullable [] body)
			throws IOException {
		int interruptions = this.interruptions;
		HttpResponseReader kept = this.reader;
		boolean safe = "GET".equals(method);
		HttpResponseReader reader = ready(safe);
		if (interruptions != this.interruptions) {
			disconnect();
			throw new SocketException("Connection interrupted");
		}
		boolean reused = reader == kept;
		long before = reader.bytesRead();
		boolean sent = false;
		try {
			send(method, path, headers, body);
			sent = true;
			return receive(reader, method);
		}
		catch (IOException | RuntimeException | Error ex) {
			disconnect();
			boolean repeatable = !sent || (safe && reader.bytesRead() == before);
			if (ex instanceof IOException && reused && repeatable && !this.closed
					&& interruptions == this.interruptions) {
				// Sending failed, so the server never got the whole request, or a GET, safe to
				// repeat, met a connection the server closed as it went idle: once more afresh.
				HttpResponseReader fresh = ready(safe);
				send(method, path, headers, body);
				return receive(fresh, method);
			}
			throw ex;
		}
	}

	/**
	 * Starts a request whose body is sent in chunks as it is written; the caller writes the
	 * body, then {@link ChunkedRequestBody#finish finishes} it to get the response. Nothing is
	 * sent, and no connection checked, before the body's first bytes. For the thread that owns
	 * this connection only.
	 */
	ChunkedRequestBody openChunked(String method, String path, String[] headers) {
		return new ChunkedRequestBody(head(method, path, headers, "Transfer-Encoding: chunked\r\n"), this);
	}

	/**
	 * The reader of a connection ready for a new request: the kept-alive one when the server
	 * has neither closed it nor sent anything since the last response, else a new one. The
	 * check costs a few system calls, so a request that is {@code safe} to send again, a GET,
	 * skips the part that asks the socket: should the connection be gone, it is sent again.
	 */
	HttpResponseReader ready(boolean safe) throws IOException {
		if (this.closed) {
			throw new SocketException("Connection closed");
		}
		HttpResponseReader reader = this.reader;
		if (reader != null && !reader.hasUnreadBytes() && (safe || isQuiet())) {
			return reader;
		}
		disconnect();
		return connect();
	}

	/** The stream requests go out on, once {@link #ready(boolean) ready}. */
	OutputStream output() throws IOException {
		OutputStream out = this.out;
		if (out == null) {
			throw new SocketException("Connection closed");
		}
		return out;
	}

	/** Reads what the server sent without waiting: nothing on a healthy idle connection. */
	private boolean isQuiet() {
		SocketChannel channel = this.channel;
		if (channel == null) {
			return false;
		}
		try {
			channel.configureBlocking(false);
			this.probe.clear();
			int read = channel.read(this.probe);
			channel.configureBlocking(true);
			return read == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void send(String method, String path, String[] headers, byte @Nullable [] body) throws IOException {
		OutputStream out = output();
		out.write(head(method, path, headers, (body != null) ? "Content-Length: " + body.length + "\r\n" : ""));
		if (body != null) {
			out.write(body);
		}
		out.flush();
	}

	/**
	 * Reads the response and lets go of a connection the response used up or asked to close, or
	 * that failed. A pending interrupt is kept for the caller rather than closing the connection.
	 */
	HttpResponse receive(HttpResponseReader reader, String method) throws IOException {
		boolean interrupted = Thread.interrupted();
		boolean longPoll = "GET".equals(method);
		try {
			SocketChannel channel = this.channel;
			if (channel != null) {
				// a field of the socket's stream, not a system call
				channel.socket().setSoTimeout(longPoll ? 0 : this.answerTimeoutMillis);
			}
			HttpResponse response = reader.read();
			if (reader.exhausted() || "close".equalsIgnoreCase(response.header(HeaderNames.CONNECTION))) {
				disconnect();
			}
			return response;
		}
		catch (SocketTimeoutException ex) {
			disconnect();
			throw new SocketTimeoutException("The Runtime API did not answer a " + method + " within "
					+ this.answerTimeoutMillis + " ms");
		}
		catch (IOException | RuntimeException | Error ex) {
			disconnect();
			throw ex;
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
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
		SocketChannel channel = SocketChannel.open();
		channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
		channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
		this.channel = channel;
		if (this.closed) {
			disconnect();
			throw new SocketException("Connection closed");
		}
		channel.socket().connect(new InetSocketAddress(this.host, this.port), CONNECT_TIMEOUT_MILLIS);
		this.out = new BufferedOutputStream(channel.socket().getOutputStream(), 8192);
		HttpResponseReader reader = new HttpResponseReader(channel.socket().getInputStream());
		this.reader = reader;
		return reader;
	}

	/** Drops the connection, so that the next request opens a new one. */
	void disconnect() {
		SocketChannel channel = this.channel;
		this.channel = null;
		this.out = null;
		this.reader = null;
		closeQuietly(channel);
	}

	/**
	 * Fails the exchange in progress, in any thread, at once, by closing the socket under it; a
	 * later exchange connects afresh.
	 */
	void interrupt() {
		this.interruptions++;
		closeQuietly(this.channel);
	}

	/** Closes the connection for good; an exchange blocked on it, in any thread, fails at once. */
	@Override
	public void close() {
		this.closed = true;
		closeQuietly(this.channel);
	}

	private static void closeQuietly(@Nullable SocketChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

}
