package dev.lambdaruntime.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * Writes an answer to an exchange so that a client that has gone away makes the write fail, as
 * far as TCP allows.
 */
public final class ResponseWriter {

	private static final int CHUNK_SIZE = 64 * 1024;

	private ResponseWriter() {
	}

	public static void write(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
			throws IOException {
		headers.forEach(exchange.getResponseHeaders()::set);
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		if (body.length == 0) {
			return;
		}
		try (OutputStream out = exchange.getResponseBody()) {
			// The headers go out alone: a vanished client resets the connection, so the body fails
			out.flush();
			for (int offset = 0; offset < body.length; offset += CHUNK_SIZE) {
				out.write(body, offset, Math.min(CHUNK_SIZE, body.length - offset));
			}
		}
	}

}
