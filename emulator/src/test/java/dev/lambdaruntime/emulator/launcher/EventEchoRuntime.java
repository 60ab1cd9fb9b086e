package dev.lambdaruntime.emulator.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.lambdaruntime.emulator.RuntimeClient;

/**
 * A runtime, run by the launcher tests in a JVM of its own, that answers every event with the
 * event itself, except {@code "fail"}, which it fails with a {@code Function.Failed} error, and
 * prints a line to its standard output as it starts and another as it exits. Given a directory, it
 * writes its process id
 * to {@code pid} there once it handles SIGTERM, which makes it create {@code stopping}, take the
 * given milliseconds to finish (none unless given), then create {@code stopped}.
 */
final class EventEchoRuntime {

	static final String STARTED_LINE = "event echo runtime started";

	static final String EXITING_LINE = "event echo runtime exiting";

	static final String FAILING_EVENT = "\"fail\"";

	static final String ERROR_TYPE = "Function.Failed";

	static final String ERROR = "{\"errorType\":\"" + ERROR_TYPE + "\",\"errorMessage\":\"Asked to fail\"}";

	private EventEchoRuntime() {
	}

	/**
	 * Runs the runtime.
	 * @param args optionally the directory, then the milliseconds it takes to stop
	 */
	public static void main(String[] args) throws Exception {
		System.out.println(STARTED_LINE);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(EXITING_LINE)));
		if (args.length > 0) {
			Path directory = Path.of(args[0]);
			long stopMillis = (args.length > 1) ? Long.parseLong(args[1]) : 0;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(directory, stopMillis)));
			Files.writeString(directory.resolve("pid"), Long.toString(ProcessHandle.current().pid()));
		}
		RuntimeClient runtime = new RuntimeClient(System.getenv("AWS_LAMBDA_RUNTIME_API"), "");
		while (true) {
			HttpResponse<byte[]> next = runtime.next().get();
			String event = new String(next.body(), StandardCharsets.UTF_8);
			if (event.equals(FAILING_EVENT)) {
				runtime.error(RuntimeClient.requestId(next), ERROR_TYPE, ERROR);
			}
			else {
				runtime.respond(RuntimeClient.requestId(next), event);
			}
		}
	}

	private static void stop(Path directory, long stopMillis) {
		try {
			Files.createFile(directory.resolve("stopping"));
			Thread.sleep(stopMillis);
			Files.createFile(directory.resolve("stopped"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
