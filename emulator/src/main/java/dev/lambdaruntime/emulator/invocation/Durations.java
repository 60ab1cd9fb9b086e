package dev.lambdaruntime.emulator.invocation;

import java.time.Duration;

/**
 * Checks the durations that the emulator, its invocations, faults and launcher are configured
 * with: timeouts, delays.
 */
public final class Durations {

	private Durations() {
	}

	/**
	 * Returns a duration if it is positive.
	 * @param duration the duration
	 * @param description what it is, for the message: {@code timeout}, {@code delay}…
	 * @return the duration
	 * @throws IllegalArgumentException if it is zero or negative
	 */
	public static Duration requirePositive(Duration duration, String description) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("The " + description + " must be positive, not " + duration);
		}
		return duration;
	}

}
