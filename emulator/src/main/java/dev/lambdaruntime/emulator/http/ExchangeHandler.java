package dev.lambdaruntime.emulator.http;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves each exchange with an action and always closes it: a client that went away is logged
 * at DEBUG, a failure of the emulator itself at WARN; an exchange left without an answer loses
 * its connection.
 */
public final class ExchangeHandler implements HttpHandler {

	private static final Logger logger = LoggerFactory.getLogger(ExchangeHandler.class);

	private final Action action;

	public ExchangeHandler(Action action) {
		this.action = action;
	}

	@Override
	public void handle(HttpExchange exchange) {
		try (exchange) {
			this.action.serve(exchange);
		}
		catch (IOException ex) {
			logger.debug("Client of the Lambda emulator went away", ex);
		}
		catch (RuntimeException ex) {
			logger.warn("Lambda emulator failed to serve {} {}", exchange.getRequestMethod(), exchange.getRequestURI(),
					ex);
		}
	}

	/**
	 * Reads an exchange and writes its answer, if any.
	 */
	@FunctionalInterface
	public interface Action {

		void serve(HttpExchange exchange) throws IOException;

	}

}
