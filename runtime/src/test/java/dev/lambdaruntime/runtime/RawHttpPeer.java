package dev.lambdaruntime.runtime;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hand-driven HTTP/1.1 peer on a raw {@link ServerSocket} bound to 127.0.0.1 on a random port:
 * a test accepts connections, reads requests and writes whatever bytes it likes, step by step.
 * Every blocking call gives up after a generous timeout, so a broken client fails a test instead
 * of hanging it.
 */
final class RawHttpPeer implements Closeable {

	private static final int TIMEOUT_MILLIS = 10_000;

	private final ServerSocket serverSocket;

	private final List<Connection> connections = new ArrayList<>();

	RawHttpPeer() throws IOException {
		this.serverSocket = new ServerSocket();
		this.serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.serverSocket.setSoTimeout(TIMEOUT_MILLIS);
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	/** Waits for the next connection. */
	Connection accept() throws IOException {
		Socket socket = this.serverSocket.accept();
		socket.setSoTimeout(TIMEOUT_MILLIS);
		Connection connection = new Connection(socket);
		synchronized (this.connections) {
			this.connections.add(connection);
		}
		return connection;
	}

	/** Stops listening: later connection attempts are refused. */
	void stopListening() throws IOException {
		this.serverSocket.close();
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
		synchronized (this.connections) {
			for (Connection connection : this.connections) {
				connection.close();
			}
		}
	}

	/** One accepted connection. */
	static final class Connection implements Closeable {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		Connection(Socket socket) throws IOException {
			this.socket = socket;
			this.in = new BufferedInputStream(socket.getInputStream());
			this.out = socket.getOutputStream();
		}

		/** Reads one request: its head and, when it declares a Content-Length, its body. */
		Request readRequest() throws IOException {
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			String requestLine = readLine(raw);
			List<String> headerLines = new ArrayList<>();
			int contentLength = 0;
			for (String line = readLine(raw); !line.isEmpty(); line = readLine(raw)) {
				headerLines.add(line);
				if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
					contentLength = Integer.parseInt(line.substring("content-length:".length()).trim());
				}
			}
			byte[] body = this.in.readNBytes(contentLength);
			if (body.length < contentLength) {
				throw new EOFException("Request body cut short");
			}
			raw.writeBytes(body);
			return new Request(requestLine, headerLines, body, raw.toByteArray());
		}

		/** Reads a request's line and headers only, leaving its body to read as it arrives. */
		Request readRequestHead() throws IOException {
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			String requestLine = readLine(raw);
			List<String> headerLines = new ArrayList<>();
			for (String line = readLine(raw); !line.isEmpty(); line = readLine(raw)) {
				headerLines.add(line);
			}
			return new Request(requestLine, headerLines, new byte[0], raw.toByteArray());
		}

		/** Reads one chunk of a chunked body; the empty array is the last chunk. */
		byte[] readChunk() throws IOException {
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			int size = Integer.parseInt(readLine(raw).trim(), 16);
			byte[] data = this.in.readNBytes(size);
			if (size > 0 && !readLine(raw).isEmpty()) {
				throw new IOException("Chunk not followed by CRLF");
			}
			return data;
		}

		/** Reads the trailer lines that end a chunked body. */
		List<String> readTrailers() throws IOException {
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			List<String> trailers = new ArrayList<>();
			for (String line = readLine(raw); !line.isEmpty(); line = readLine(raw)) {
				trailers.add(line);
			}
			return trailers;
		}

		private String readLine(ByteArrayOutputStream raw) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = this.in.read()) != '\n') {
				if (b < 0) {
					throw new EOFException("Connection closed by the client");
				}
				raw.write(b);
				line.write(b);
			}
			raw.write(b);
			String text = line.toString(StandardCharsets.ISO_8859_1);
			return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
		}

		/** Whether the client closed its side: the next read sees the end of the stream. */
		boolean clientClosed() throws IOException {
			try {
				return this.in.read() < 0;
			}
			catch (IOException ex) {
				return true;
			}
		}

		void write(String raw) throws IOException {
			write(raw.getBytes(StandardCharsets.ISO_8859_1));
		}

		void write(byte[] raw) throws IOException {
			this.out.write(raw);
			this.out.flush();
		}

		/** Answers 200 with the given body and a Content-Length. */
		void respond(String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			write("HTTP/1.1 200 OK\r\nContent-Length: " + bytes.length + "\r\n\r\n");
			write(bytes);
		}

		/** Closes this side for writing only: the client sees the end of the stream, and can still send. */
		void shutdownOutput() throws IOException {
			this.socket.shutdownOutput();
		}

		/** Aborts the connection with a TCP reset instead of an orderly close. */
		void reset() throws IOException {
			this.socket.setSoLinger(true, 0);
			this.socket.close();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	/** One request as received. */
	record Request(String requestLine, List<String> headerLines, byte[] body, byte[] raw) {

		/** The value of a header, matched without regard to case, or {@code null}. */
		String header(String name) {
			for (String line : this.headerLines) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
					return line.substring(colon + 1).trim();
				}
			}
			return null;
		}

		String rawText() {
			return new String(this.raw, StandardCharsets.ISO_8859_1);
		}

		String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
