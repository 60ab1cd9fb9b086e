package dev.lambdaruntime.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * Writes an answer to an exchange so that a client that has gone away makes the write fail, as
 * far as TCP allows, and so that a client whose request body was refused unread still reads it:
 * what is left of the body is read and dropped once the answer is out, since closing a connection
 * with bytes unread makes TCP reset it, which can destroy the answer before the client reads it.
 * A client that stops sending once it has the answer just ends the connection.
 */
public final class ResponseWriter {

	private static final int CHUNK_SIZE = 64 * 1024;

	private ResponseWriter() {
	}

	public static void write(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
			throws IOException {
		headers.forEach(exchange.getResponseHeaders()::set);
		if (body.length == 0) {
			dropUnreadBody(exchange);
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			// The headers go out alone: a vanished client resets the connection, so the body fails
			out.flush();
			for (int offset = 0; offset < body.length; offset += CHUNK_SIZE) {
				out.write(body, offset, Math.min(CHUNK_SIZE, body.length - offset));
			}
			out.flush();
			dropUnreadBody(exchange);
		}
	}

	private static void dropUnreadBody(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
	}

}
