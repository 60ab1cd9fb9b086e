package dev.lambdaruntime.emulator.launcher;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The file the function's log lines are appended to, when the launcher is told to write them to
 * one instead of its standard output; each line is flushed as it is written.
 */
final class LogFile implements Consumer<String>, AutoCloseable {

	private final BufferedWriter writer;

	private boolean closed;

	private LogFile(BufferedWriter writer) {
		this.writer = writer;
	}

	static LogFile append(Path file) {
		try {
			return new LogFile(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write to " + file, ex);
		}
	}

	@Override
	public synchronized void accept(String line) {
		if (this.closed) {
			return;
		}
		try {
			this.writer.write(line);
			this.writer.newLine();
			this.writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		try {
			this.writer.close();
		}
		catch (IOException ex) {
			// nothing more can be written
		}
	}

}
