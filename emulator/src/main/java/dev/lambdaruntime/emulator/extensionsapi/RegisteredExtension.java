package dev.lambdaruntime.emulator.extensionsapi;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * An extension that registered, with the events it asked for, and those it has not received yet
 * through its {@code event/next} calls.
 */
final class RegisteredExtension {

	private final String name;

	private final String identifier;

	private final Set<String> subscribed;

	private final BlockingQueue<byte[]> events = new LinkedBlockingQueue<>();

	private int undelivered;

	/**
	 * Creates a registered extension.
	 * @param name its {@code Lambda-Extension-Name}
	 * @param identifier the {@code Lambda-Extension-Identifier} it was given
	 * @param subscribed the event types it registered for, {@code INVOKE} and {@code SHUTDOWN}
	 */
	RegisteredExtension(String name, String identifier, Set<String> subscribed) {
		this.name = name;
		this.identifier = identifier;
		this.subscribed = Set.copyOf(subscribed);
	}

	String name() {
		return this.name;
	}

	String identifier() {
		return this.identifier;
	}

	/**
	 * Queues an event, if the extension registered for its type.
	 * @param type {@code INVOKE} or {@code SHUTDOWN}
	 * @param event the event's JSON body
	 */
	synchronized void offer(String type, byte[] event) {
		if (this.subscribed.contains(type)) {
			this.undelivered++;
			this.events.add(event);
		}
	}

	/**
	 * Waits for the next event.
	 * @param timeout the longest wait
	 * @return the event, or {@code null} if none came in time
	 */
	byte @Nullable [] take(Duration timeout) throws InterruptedException {
		return this.events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	/** Records that an event taken was written to the extension. */
	synchronized void delivered() {
		this.undelivered--;
		notifyAll();
	}

	/**
	 * Waits until every event queued so far was written to the extension, or the time is up.
	 * @param deadlineNanos when to give up, in {@link System#nanoTime()} terms
	 */
	synchronized void awaitDelivered(long deadlineNanos) throws InterruptedException {
		while (this.undelivered > 0) {
			long remaining = deadlineNanos - System.nanoTime();
			if (remaining <= 0) {
				return;
			}
			wait(Math.max(1, remaining / 1_000_000));
		}
	}

}
