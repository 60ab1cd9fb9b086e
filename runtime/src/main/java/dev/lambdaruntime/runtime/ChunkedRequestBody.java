package dev.lambdaruntime.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The body of a request sent with {@code Transfer-Encoding: chunked}: each flush sends what was
 * written so far as one chunk, and {@link #finish} ends the body, with trailers if given, then
 * reads the response. Nothing goes on the wire before the first flush, so a writer that fails
 * before producing anything leaves the connection untouched, and a writer that waits long
 * before its first bytes gets a new connection if the server closed the idle one meanwhile.
 */
final class ChunkedRequestBody extends OutputStream {

	private static final byte[] CRLF = { '\r', '\n' };

	private final byte[] head;

	private final HttpConnection connection;

	private @Nullable OutputStream out;

	private @Nullable HttpResponseReader reader;

	private final byte[] buffer = new byte[8192];

	private int count;

	private boolean started;

	private @Nullable IOException broken;

	ChunkedRequestBody(byte[] head, HttpConnection connection) {
		this.head = head;
		this.connection = connection;
	}

	/** Whether the request line and headers went on the wire already. */
	boolean started() {
		return this.started;
	}

	/** The failure of the connection under this body, if it failed. */
	@Nullable IOException broken() {
		return this.broken;
	}

	@Override
	public void write(int b) throws IOException {
		if (this.count == this.buffer.length) {
			sendBuffered();
		}
		this.buffer[this.count++] = (byte) b;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		if (length >= this.buffer.length) {
			sendBuffered();
			sendChunk(bytes, offset, length);
		}
		else {
			if (length > this.buffer.length - this.count) {
				sendBuffered();
			}
			System.arraycopy(bytes, offset, this.buffer, this.count, length);
			this.count += length;
		}
	}

	@Override
	public void flush() throws IOException {
		sendBuffered();
		if (this.started) {
			guarded(() -> output().flush());
		}
	}

	/** Ends the body with the given trailers (name and value pairs) and reads the response. */
	HttpResponse finish(String[] trailers) throws IOException {
		sendBuffered();
		StringBuilder end = new StringBuilder("0\r\n");
		for (int i = 0; i < trailers.length; i += 2) {
			end.append(trailers[i]).append(": ").append(trailers[i + 1]).append("\r\n");
		}
		end.append("\r\n");
		start();
		guarded(() -> {
			OutputStream out = output();
			out.write(end.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		});
		HttpResponseReader reader = this.reader;
		if (reader == null) {
			throw new SocketException("Connection closed");
		}
		return this.connection.receive(reader, "POST");
	}

	private void sendBuffered() throws IOException {
		if (this.count > 0) {
			sendChunk(this.buffer, 0, this.count);
			this.count = 0;
		}
	}

	private void sendChunk(byte[] bytes, int offset, int length) throws IOException {
		start();
		guarded(() -> {
			OutputStream out = output();
			out.write(Integer.toHexString(length).getBytes(StandardCharsets.ISO_8859_1));
			out.write(CRLF);
			out.write(bytes, offset, length);
			out.write(CRLF);
		});
	}

	/** Sends the head on a connection checked just now, not when the response began. */
	private void start() throws IOException {
		if (!this.started) {
			this.started = true;
			guarded(() -> {
				this.reader = this.connection.ready(false);
				this.out = this.connection.output();
				this.out.write(this.head);
			});
		}
	}

	private OutputStream output() throws IOException {
		OutputStream out = this.out;
		if (out == null) {
			throw new SocketException("Connection closed");
		}
		return out;
	}

	/**
	 * Runs one step of I/O; its failure breaks the body and drops the connection. A pending
	 * interrupt of the writer's thread is kept for it rather than closing the connection.
	 */
	private void guarded(IoAction action) throws IOException {
		if (this.broken != null) {
			throw this.broken;
		}
		boolean interrupted = Thread.interrupted();
		try {
			action.run();
		}
		catch (IOException ex) {
			this.broken = ex;
			this.connection.disconnect();
			throw ex;
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@FunctionalInterface
	private interface IoAction {

		void run() throws IOException;

	}

}
