package dev.lambdaruntime.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(30)
@ExtendWith(OutputCaptureExtension.class)
class RequestThreadsTest {

	private final ExecutorService threads = RequestThreads.create(2, 1, Thread::new);

	private final HttpServer server = server(this.threads);

	@AfterEach
	void stop() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	@Test
	void aRequestBeyondTheThreadsWaitsInLineAndIsServedOnceOneIsFreeAndOneBeyondTheLineLosesItsConnection(
			CapturedOutput output) throws IOException {
		try (Socket slow = startRequest(); Socket alsoSlow = startRequest()) {
			await().until(() -> ((ThreadPoolExecutor) this.threads).getActiveCount() == 2);
			try (Socket waiting = startRequest()) {
				await().until(() -> ((ThreadPoolExecutor) this.threads).getQueue().size() == 1);

				try (Socket refused = startRequest()) {
					assertThat(lostConnection(refused)).isTrue();
				}
				assertThat(output).contains("Lambda emulator dropped a connection: all 2 request threads are busy "
						+ "and 1 connections wait for one");
				assertThat(finish(slow)).startsWith("HTTP/1.1 200 ");
				assertThat(finish(waiting)).startsWith("HTTP/1.1 200 ");
			}
		}
	}

	@Test
	void idleThreadsServeNewRequestsBeforeAnyWaits() throws IOException {
		for (int i = 0; i < 5; i++) {
			try (Socket request = startRequest()) {
				assertThat(finish(request)).startsWith("HTTP/1.1 200 ");
			}
			await().until(() -> ((ThreadPoolExecutor) this.threads).getActiveCount() == 0);
		}

		assertThat(((ThreadPoolExecutor) this.threads).getLargestPoolSize()).isOne();
	}

	/** Sends the end of a request started with {@link #startRequest()}, and reads the answer. */
	private static String finish(Socket request) throws IOException {
		request.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
		return new String(request.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
	}

	private static boolean lostConnection(Socket socket) throws IOException {
		try {
			return socket.getInputStream().read() == -1;
		}
		catch (SocketException ex) {
			return true;
		}
	}

	/** Sends the start of a request, as a slow client would, and leaves the rest unsent. */
	private Socket startRequest() throws IOException {
		Socket socket = new Socket("127.0.0.1", this.server.getAddress().getPort());
		socket.setSoTimeout(10_000);
		socket.getOutputStream()
			.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
		return socket;
	}

	private static HttpServer server(ExecutorService threads) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", new ExchangeHandler((exchange) -> ResponseWriter.write(exchange, 200,
					Map.of(), "ok".getBytes(StandardCharsets.US_ASCII))));
			server.setExecutor(threads);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
