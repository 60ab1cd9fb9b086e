package dev.lambdaruntime.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lambdaruntime.runtime.RawHttpPeer.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the loop running out of memory outside the function, in a JVM of its own with a
 * small heap.
 */
class RuntimeLoopOutOfMemoryTests {

	@Test
	void runningOutOfMemoryWhileReadingTheNextInvocationEndsTheLoopWithoutBlamingTheFunction(@TempDir Path temp)
			throws Exception {
		Path log = temp.resolve("loop.log");
		try (RawHttpPeer peer = new RawHttpPeer()) {
			Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx32m", "-cp", System.getProperty("java.class.path"), RuntimeLoopProcess.class.getName(),
					"127.0.0.1:" + peer.port())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			try {
				Connection connection = peer.accept();
				assertThat(connection.readRequest().requestLine()).contains("/runtime/invocation/next");
				// 60 MB is within the reader's limit, but not within this heap
				connection.write("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: big\r\nContent-Length: 60000000\r\n\r\n");
				assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the loop exits").isTrue();
				assertThat(process.exitValue()).isEqualTo(RuntimeLoop.FAILED);
				assertThat(Files.readString(log, StandardCharsets.UTF_8))
					.contains("Lambda runtime exits: out of memory while exchanging with the Runtime API")
					.doesNotContain("the function ran out of memory");
				assertThat(connection.clientClosed()).as("nothing was posted for the invocation").isTrue();
			}
			finally {
				process.destroyForcibly();
			}
		}
	}

}
