package dev.lambdaruntime.test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An append-only, thread-safe record of events, read as snapshots in arrival order.
 *
 * @param <T> the event type
 */
final class EventLog<T> {

	private final Queue<T> events = new ConcurrentLinkedQueue<>();

	void add(T event) {
		this.events.add(event);
	}

	List<T> snapshot() {
		return List.copyOf(this.events);
	}

}
