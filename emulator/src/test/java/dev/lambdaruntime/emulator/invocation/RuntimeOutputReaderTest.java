package dev.lambdaruntime.emulator.invocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RuntimeOutputReader}.
 */
class RuntimeOutputReaderTest {

	@TempDir
	Path directory;

	private final List<String> lines = new CopyOnWriteArrayList<>();

	@Test
	void drainPassesOnEveryWholeLineWrittenSoFarAtOnce() throws IOException {
		Path file = append(this.directory.resolve("output.log"), "first\r\nsecond\nhalf");
		RuntimeOutputReader reader = new RuntimeOutputReader(file, () -> true, this.lines::add);

		reader.drain();
		assertThat(this.lines).containsExactly("first", "second");

		append(file, " a line\n");
		reader.drain();
		assertThat(this.lines).containsExactly("first", "second", "half a line");
	}

	@Test
	void followsTheFileUntilTheProcessIsGoneThenPassesOnTheLastLineAndDeletesTheFile() throws Exception {
		Path file = append(this.directory.resolve("output.log"), "running\n");
		AtomicBoolean alive = new AtomicBoolean(true);
		RuntimeOutputReader reader = new RuntimeOutputReader(file, alive::get, this.lines::add);
		Thread thread = new Thread(reader);
		thread.start();

		append(file, "last words");
		alive.set(false);
		reader.awaitEnd(Duration.ofSeconds(10));

		assertThat(this.lines).containsExactly("running", "last words");
		assertThat(file).doesNotExist();
		thread.join(10_000);
	}

	private static Path append(Path file, String text) throws IOException {
		return Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

}
