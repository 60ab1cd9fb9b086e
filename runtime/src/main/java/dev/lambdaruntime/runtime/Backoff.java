package dev.lambdaruntime.runtime;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Exponential backoff with jitter between retries of a failing Runtime API, from 50 ms up to
 * 5 s, whose wait a stop cuts short.
 */
final class Backoff {

	static final long FIRST_DELAY_MILLIS = 50;

	static final long MAX_DELAY_MILLIS = 5_000;

	private final CountDownLatch cancelled = new CountDownLatch(1);

	private long delay = FIRST_DELAY_MILLIS;

	/** The next delay: the current one with up to 50% jitter, then doubled for next time. */
	long next() {
		long current = this.delay;
		this.delay = Math.min(MAX_DELAY_MILLIS, current * 2);
		return current / 2 + ThreadLocalRandom.current().nextLong(current / 2 + 1);
	}

	void reset() {
		this.delay = FIRST_DELAY_MILLIS;
	}

	/** Waits for the delay, or less if cancelled. */
	void await(long millis) {
		try {
			this.cancelled.await(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void cancel() {
		this.cancelled.countDown();
	}

}
