package dev.lambdaruntime.emulator.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.lambdaruntime.emulator.RuntimeClient;

/**
 * A runtime, run by the launcher tests in a JVM of its own, that misbehaves on receiving its first
 * event the first time it runs (it leaves a marker file): exits with status 3 ({@code exit}), or
 * never answers ({@code hang}). Run again, it answers {@code "relaunched"} to every event.
 */
final class MisbehavingRuntime {

	static final int EXIT_STATUS = 3;

	private MisbehavingRuntime() {
	}

	/**
	 * Runs the runtime.
	 * @param args the marker file, then {@code exit} or {@code hang}
	 */
	public static void main(String[] args) throws Exception {
		Path marker = Path.of(args[0]);
		RuntimeClient runtime = new RuntimeClient(System.getenv("AWS_LAMBDA_RUNTIME_API"), "");
		if (!Files.exists(marker)) {
			Files.createFile(marker);
			runtime.next().get();
			if (args[1].equals("exit")) {
				System.exit(EXIT_STATUS);
			}
			Thread.currentThread().join();
		}
		while (true) {
			runtime.respond(RuntimeClient.requestId(runtime.next().get()), "\"relaunched\"");
		}
	}

}
