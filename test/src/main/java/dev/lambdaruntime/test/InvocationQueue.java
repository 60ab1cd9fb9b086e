package dev.lambdaruntime.test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The invocations waiting for a runtime's {@code next} call, first in first out; takers block
 * until one arrives or the queue closes.
 */
final class InvocationQueue {

	private final Deque<Invocation> waiting = new ArrayDeque<>();

	private boolean closed;

	synchronized void add(Invocation invocation) {
		if (this.closed) {
			throw new IllegalStateException("The Lambda emulator is closed");
		}
		this.waiting.addLast(invocation);
		notifyAll();
	}

	/**
	 * Puts an invocation that could not be delivered back at the head of the queue, unless the
	 * queue is closed.
	 * @param invocation the invocation
	 */
	synchronized void putBack(Invocation invocation) {
		if (!this.closed) {
			this.waiting.addFirst(invocation);
			notifyAll();
		}
	}

	/**
	 * Waits for the oldest invocation and removes it.
	 * @return the invocation, or empty once the queue is closed
	 * @throws InterruptedException if interrupted while waiting
	 */
	synchronized Optional<Invocation> take() throws InterruptedException {
		while (this.waiting.isEmpty() && !this.closed) {
			wait();
		}
		return Optional.ofNullable(this.waiting.pollFirst());
	}

	/**
	 * Closes the queue: drops what is waiting, refuses additions, and releases every taker.
	 */
	synchronized void close() {
		this.closed = true;
		this.waiting.clear();
		notifyAll();
	}

}
