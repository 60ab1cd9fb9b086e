package dev.lambdaruntime.emulator.invocation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

/**
 * The invocations waiting for a runtime's {@code next} call, first in first out and up to a limit
 * of invocations and one of their events' bytes, and those handed out: takers block until one is waiting and fewer than the concurrency limit are
 * handed out.
 */
public final class InvocationQueue {

	private final int maxConcurrency;

	private final int maxWaiting;

	private final long maxWaitingBytes;

	private final Deque<EmulatedInvocation> waiting = new ArrayDeque<>();

	private final Set<EmulatedInvocation> handedOut = new LinkedHashSet<>();

	private long waitingBytes;

	private boolean closed;

	/** Counts {@link #releaseTakers()} calls: a taker waiting across one gives up. */
	private long takerRound;

	public InvocationQueue(int maxConcurrency, int maxWaiting, long maxWaitingBytes) {
		this.maxConcurrency = maxConcurrency;
		this.maxWaiting = maxWaiting;
		this.maxWaitingBytes = maxWaitingBytes;
	}

	/**
	 * Queues an invocation behind those already waiting.
	 * @param invocation the invocation
	 * @throws IllegalStateException if the queue is closed
	 * @throws RejectedExecutionException if as many invocations as allowed are waiting already,
	 * or its event would take the waiting events beyond their limit of bytes
	 */
	synchronized void add(EmulatedInvocation invocation) {
		if (this.closed) {
			throw new IllegalStateException("The Lambda emulator is closed");
		}
		requireRoomFor(invocation.payloadLength());
		this.waitingBytes += invocation.payloadLength();
		this.waiting.addLast(invocation);
		notifyAll();
	}

	/**
	 * Checks that one more invocation could wait now, so that an event is refused before it is
	 * read.
	 * @param eventBytes the length of its event
	 * @throws RejectedExecutionException if as many invocations as allowed are waiting already,
	 * or its event would take the waiting events beyond their limit of bytes
	 */
	synchronized void requireRoomFor(long eventBytes) {
		if (this.waiting.size() >= this.maxWaiting) {
			throw new RejectedExecutionException(
					"The queue of invocations waiting for the runtime is full (at most " + this.maxWaiting + ")");
		}
		if (this.waitingBytes + eventBytes > this.maxWaitingBytes) {
			throw new RejectedExecutionException("The queue of invocations waiting for the runtime is full: "
					+ this.waitingBytes + " bytes of events wait, and " + eventBytes
					+ " more would exceed the limit of " + this.maxWaitingBytes);
		}
	}

	/**
	 * Waits for the oldest invocation and hands it out; with one invocation at a time, a call
	 * made while one is running is handed that one again, at once.
	 * @return the invocation, or empty once the queue is closed or the waiting takers released
	 * @throws InterruptedException if interrupted while waiting
	 */
	public synchronized Optional<Handout> take() throws InterruptedException {
		if (this.maxConcurrency == 1) {
			for (EmulatedInvocation running : this.handedOut) {
				if (running.running()) {
					return Optional.of(new Handout(running, true));
				}
			}
		}
		long round = this.takerRound;
		while (!this.closed && round == this.takerRound
				&& (this.waiting.isEmpty() || this.handedOut.size() >= this.maxConcurrency)) {
			wait();
		}
		if (this.closed || round != this.takerRound) {
			return Optional.empty();
		}
		EmulatedInvocation invocation = removeOldest();
		this.handedOut.add(invocation);
		return Optional.of(new Handout(invocation, false));
	}

	/**
	 * Puts a handed-out invocation that could not be delivered back at the head of the queue,
	 * unless the queue is closed.
	 * @param invocation the invocation
	 */
	public synchronized void putBack(EmulatedInvocation invocation) {
		this.handedOut.remove(invocation);
		if (!this.closed) {
			// Already accepted: it goes back even beyond the limits, which it was within
			this.waitingBytes += invocation.payloadLength();
			this.waiting.addFirst(invocation);
		}
		notifyAll();
	}

	/**
	 * Frees the place of an invocation that ended, handed out or still waiting (one that timed out
	 * before a runtime took it).
	 * @param invocation the invocation, ignored if it is neither handed out nor waiting
	 */
	public synchronized void finished(EmulatedInvocation invocation) {
		if (this.handedOut.remove(invocation) | this.waiting.remove(invocation)) {
			notifyAll();
		}
	}

	/**
	 * Removes the oldest waiting invocation without handing it out.
	 * @return the invocation, or empty if none waits
	 */
	synchronized Optional<EmulatedInvocation> pollOldest() {
		return this.waiting.isEmpty() ? Optional.empty() : Optional.of(removeOldest());
	}

	private EmulatedInvocation removeOldest() {
		EmulatedInvocation invocation = this.waiting.removeFirst();
		this.waitingBytes -= invocation.payloadLength();
		return invocation;
	}

	synchronized List<EmulatedInvocation> handedOut() {
		return List.copyOf(this.handedOut);
	}

	/**
	 * Waits until an invocation is waiting or the queue is closed.
	 * @throws InterruptedException if interrupted while waiting
	 */
	public synchronized void awaitWaiting() throws InterruptedException {
		while (this.waiting.isEmpty() && !this.closed) {
			wait();
		}
	}

	/**
	 * Makes every taker waiting now give up, because the runtime that called it is gone.
	 */
	synchronized void releaseTakers() {
		this.takerRound++;
		notifyAll();
	}

	/**
	 * Closes the queue: drops what is waiting, refuses additions, and releases every taker.
	 */
	public synchronized void close() {
		this.closed = true;
		this.waiting.clear();
		this.waitingBytes = 0;
		notifyAll();
	}

	/**
	 * An invocation handed out by {@link #take()}.
	 *
	 * @param invocation the invocation
	 * @param again whether it is running already, handed out before to a runtime that now asks
	 * for its next event
	 */
	public record Handout(EmulatedInvocation invocation, boolean again) {
	}

}
