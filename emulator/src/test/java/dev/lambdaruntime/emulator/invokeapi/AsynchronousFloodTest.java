package dev.lambdaruntime.emulator.invokeapi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.lambdaruntime.emulator.JavaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A flood of large asynchronous events for a runtime that never polls, sent to an emulator with
 * its defaults in a JVM of its own, limited to a gigabyte of heap: more connections at once than
 * it has request threads, each with an event of 6 MB. Every one is answered, 202 while the
 * queue's 256 MB of events have room and 429 beyond, none reset, and the heap stays bounded.
 */
@Timeout(180)
class AsynchronousFloodTest {

	private static final int CONNECTIONS = 1300;

	private static final int EVENT_BYTES = 6 * 1024 * 1024;

	private static final long QUEUED_BYTES = 256L * 1024 * 1024;

	@TempDir
	private Path directory;

	@Test
	void thirteenHundred6MegabyteEventsAtOnceAreEachAnswered202Or429WithinAGigabyteOfHeap() throws Exception {
		Path address = this.directory.resolve("address");
		Path output = this.directory.resolve("emulator.log");
		List<String> command = new ArrayList<>(JavaCommand.of(EmulatorProcess.class, address.toString()));
		// The JDK's server closes a connection its one dispatcher thread has not read from within
		// 30 s of accepting it; on a loaded machine the burst's threads can starve that thread so
		// long, and the emulator never sees the connection. That limit is the JDK's, not the
		// emulator's under test: it is raised here.
		command.addAll(1, List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-Dsun.net.httpserver.idleInterval=300"));
		Process emulator = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(address) || !emulator.isAlive());
			String runtimeApi = Files.readString(address);

			List<Integer> statuses = EventFlood.send(socketAddress(runtimeApi), head(runtimeApi), event(), CONNECTIONS,
					Duration.ofSeconds(120));

			Map<Integer, Long> counts = statuses.stream()
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(statuses).as("%s", counts).hasSize(CONNECTIONS).allMatch((status) -> status == 202 || status == 429);
			assertThat(counts.get(202)).isEqualTo(QUEUED_BYTES / EVENT_BYTES);
			assertThat(emulator.isAlive()).isTrue();
			assertThat(smallEvent(runtimeApi)).as("a small event still fits").isEqualTo(202);
		}
		finally {
			emulator.getOutputStream().close();
			emulator.waitFor();
		}
		String log = Files.readString(output);
		assertThat(log).doesNotContain("OutOfMemoryError").contains(EmulatorProcess.RETAINED_HEAP);
		long retained = Long.parseLong(log.substring(log.indexOf(EmulatorProcess.RETAINED_HEAP)
				+ EmulatorProcess.RETAINED_HEAP.length()).trim());
		// the queued events, each held once, and little else
		assertThat(retained).isBetween(QUEUED_BYTES * 9 / 10, QUEUED_BYTES * 3 / 2);
	}

	private static int smallEvent(String runtimeApi) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + runtimeApi + path()))
			.header("X-Amz-Invocation-Type", "Event")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		return HttpClient.newHttpClient().send(request, BodyHandlers.discarding()).statusCode();
	}

	private static byte[] head(String runtimeApi) {
		return ("POST " + path() + " HTTP/1.1\r\nHost: " + runtimeApi + "\r\nX-Amz-Invocation-Type: Event\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + EVENT_BYTES + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static String path() {
		return "/2015-03-31/functions/function/invocations";
	}

	/** A JSON string of exactly 6 MB, since the Invoke API takes only JSON. */
	private static byte[] event() {
		byte[] event = new byte[EVENT_BYTES];
		Arrays.fill(event, (byte) 'a');
		event[0] = '"';
		event[EVENT_BYTES - 1] = '"';
		return event;
	}

	private static InetSocketAddress socketAddress(String runtimeApi) {
		int colon = runtimeApi.lastIndexOf(':');
		return new InetSocketAddress(runtimeApi.substring(0, colon), Integer.parseInt(runtimeApi.substring(colon + 1)));
	}

}
