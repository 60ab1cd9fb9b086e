package dev.lambdaruntime.emulator.invocation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A thread-safe record of the most recent events, read as snapshots in arrival order; once full,
 * each new event pushes out the oldest so that a long-running emulator uses bounded memory.
 *
 * @param <T> the event type
 */
public final class EventLog<T> {

	private final int capacity;

	private final Deque<T> events = new ArrayDeque<>();

	public EventLog(int capacity) {
		this.capacity = capacity;
	}

	public synchronized void add(T event) {
		if (this.events.size() == this.capacity) {
			this.events.removeFirst();
		}
		this.events.addLast(event);
	}

	/**
	 * Removes the events that match.
	 * @param filter what to remove
	 * @return whether any was removed
	 */
	public synchronized boolean removeIf(Predicate<? super T> filter) {
		return this.events.removeIf(filter);
	}

	public synchronized List<T> snapshot() {
		return List.copyOf(this.events);
	}

}
