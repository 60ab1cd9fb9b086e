package dev.lambdaruntime.emulator.invocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reads one output stream of a runtime process, line by line, until it ends, and passes each
 * line on; and tells when it has passed on what it read and waits for more, so that the lines a
 * function wrote before it answered are counted as that invocation's. (Whether bytes are still
 * in the pipe cannot be asked: the stream's {@code available} waits while a read is blocked.)
 */
final class RuntimeOutputReader implements Runnable {

	private static final int READ_SIZE = 8192;

	private static final int MAX_LINE = 64 * 1024;

	private final InputStream in;

	private final Consumer<String> lines;

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private boolean waiting;

	private boolean ended;

	RuntimeOutputReader(InputStream in, Consumer<String> lines) {
		this.in = in;
		this.lines = lines;
	}

	@Override
	public void run() {
		byte[] buffer = new byte[READ_SIZE];
		try (this.in) {
			for (int read = readMore(buffer); read >= 0; read = readMore(buffer)) {
				for (int i = 0; i < read; i++) {
					take(buffer[i]);
				}
			}
		}
		catch (IOException ex) {
			// the process is gone
		}
		if (this.line.size() > 0) {
			passOn();
		}
		synchronized (this) {
			this.ended = true;
			notifyAll();
		}
	}

	/**
	 * Waits until the lines read so far have been passed on and the reader waits for more, or the
	 * time is up.
	 * @param timeout the longest wait
	 */
	synchronized void awaitPassedOn(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.ended && !this.waiting) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return;
			}
			wait(Math.max(1, remaining / 1_000_000));
		}
	}

	/**
	 * Waits until the stream has ended and its last line was passed on, or the time is up.
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

	private int readMore(byte[] buffer) throws IOException {
		synchronized (this) {
			this.waiting = true;
			notifyAll();
		}
		int read = this.in.read(buffer);
		synchronized (this) {
			this.waiting = false;
		}
		return read;
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
