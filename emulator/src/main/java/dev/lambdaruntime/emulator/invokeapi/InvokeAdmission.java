package dev.lambdaruntime.emulator.invokeapi;

import java.util.concurrent.Semaphore;

/**
 * Bounds what Invoke API callers hold at once, so that memory and request threads stay bounded
 * however many call: a few at a time read their events (up to 6 MB each, copied until queued), and
 * at most {@value InvokeEndpoint#MAX_WAITING_INVOKERS} wait for their function's answer, each on a
 * request thread; more are refused with a 429, as Lambda refuses invocations beyond an account's
 * concurrency.
 */
final class InvokeAdmission {

	/** How many requests read their events at once; the others wait their turn. */
	private static final int MAX_READING = 8;

	private final Semaphore reading = new Semaphore(MAX_READING, true);

	private final Semaphore waiting = new Semaphore(InvokeEndpoint.MAX_WAITING_INVOKERS);

	/**
	 * Waits for a turn to read an event and queue it.
	 * @return the turn, to close once the event is queued or refused
	 */
	Permit read() {
		try {
			this.reading.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InvokeApiException(500, "ServiceException", "The Lambda emulator is stopping");
		}
		return this.reading::release;
	}

	/**
	 * Takes a place to wait for a function's answer.
	 * @return the place, to close once the answer is written
	 * @throws InvokeApiException a 429 if as many invokers wait already as allowed
	 */
	Permit awaitAnswer() {
		if (!this.waiting.tryAcquire()) {
			throw new InvokeApiException(429, "TooManyRequestsException",
					"Rate Exceeded: " + InvokeEndpoint.MAX_WAITING_INVOKERS + " synchronous invocations wait already");
		}
		return this.waiting::release;
	}

	/**
	 * A turn or place held until closed.
	 */
	@FunctionalInterface
	interface Permit extends AutoCloseable {

		@Override
		void close();

	}

}
