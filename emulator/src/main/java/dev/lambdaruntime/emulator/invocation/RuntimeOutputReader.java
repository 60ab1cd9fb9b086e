package dev.lambdaruntime.emulator.invocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Follows the output file of one runtime process, line by line, until the process is gone and
 * the file read to its end, and passes each line on. The output goes to a file rather than a
 * pipe so that {@link #drain()} can read, at the moment an invocation ends, every byte the
 * function wrote before it answered: a file's length says what was written, a pipe's reader
 * cannot tell.
 */
final class RuntimeOutputReader implements Runnable {

	/** How often the file is checked for new output between invocations. */
	private static final long POLL_MILLIS = 20;

	private static final int MAX_LINE = 64 * 1024;

	private final Path file;

	private final BooleanSupplier alive;

	private final Consumer<String> lines;

	private final ByteBuffer buffer = ByteBuffer.allocate(8192);

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private long position;

	private boolean ended;

	/**
	 * Creates a reader.
	 * @param file the file the process writes its output to
	 * @param alive whether the process still runs (and may write more)
	 * @param lines takes each line
	 */
	RuntimeOutputReader(Path file, BooleanSupplier alive, Consumer<String> lines) {
		this.file = file;
		this.alive = alive;
		this.lines = lines;
	}

	@Override
	public void run() {
		try {
			boolean running = true;
			while (running) {
				running = this.alive.getAsBoolean();
				drain();
				if (running) {
					synchronized (this) {
						wait(POLL_MILLIS);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		synchronized (this) {
			if (this.line.size() > 0) {
				passOn();
			}
			try {
				Files.deleteIfExists(this.file);
			}
			catch (IOException ex) {
				// a temporary file; the system cleans it up
			}
			this.ended = true;
			notifyAll();
		}
	}

	/**
	 * Passes on every whole line written to the file so far; a line still being written waits
	 * for its end.
	 */
	synchronized void drain() {
		if (this.ended) {
			return;
		}
		try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.READ)) {
			channel.position(this.position);
			for (int read = channel.read(this.buffer); read > 0; read = channel.read(this.buffer)) {
				this.position += read;
				this.buffer.flip();
				while (this.buffer.hasRemaining()) {
					take(this.buffer.get());
				}
				this.buffer.clear();
			}
		}
		catch (IOException ex) {
			// the file is gone: nothing more to pass on
		}
	}

	/**
	 * Waits until the process is gone and its output was passed on, or the time is up.
	 * @param timeout the longest wait
	 */
	synchronized void awaitEnd(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.ended) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return;
			}
			wait(Math.max(1, remaining / 1_000_000));
		}
	}

	private void take(byte b) {
		if (b == '\n') {
			passOn();
		}
		else if (this.line.size() < MAX_LINE) {
			this.line.write(b);
		}
	}

	private void passOn() {
		String text = this.line.toString(StandardCharsets.UTF_8);
		this.line.reset();
		this.lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
	}

}
