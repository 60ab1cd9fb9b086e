package dev.lambdaruntime.benchmarks.harness;

/**
 * A contender failed a run: it did not start, exited, timed out or answered wrongly.
 */
final class RunFailure extends Exception {

	RunFailure(String message) {
		super(message, null, false, false);
	}

}
