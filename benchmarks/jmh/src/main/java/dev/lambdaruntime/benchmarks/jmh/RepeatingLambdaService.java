package dev.lambdaruntime.benchmarks.jmh;

import dev.lambdaruntime.benchmarks.api.LambdaService;
import dev.lambdaruntime.benchmarks.api.PendingInvocation;
import org.jspecify.annotations.Nullable;

/**
 * Hands out the same event at once, every time it is asked, so that a benchmark thread can
 * drive a runtime loop itself; remembers the first answer that is not a response.
 */
final class RepeatingLambdaService implements LambdaService {

	private final PendingInvocation invocation;

	private volatile @Nullable String failure;

	RepeatingLambdaService(byte[] event) {
		this.invocation = new PendingInvocation("8e4f5c2a-0000-4000-8000-000000000001",
				"Root=1-65f0c0de-000000000000000000000001;Parent=0000000000000001;Sampled=0", event);
	}

	@Override
	public PendingInvocation next() {
		return this.invocation;
	}

	@Override
	public void response(String requestId, byte[] body, long receivedNanos) {
		if (body.length == 0) {
			fail("an empty response");
		}
	}

	@Override
	public void error(String requestId, @Nullable String errorType, byte[] body) {
		fail("an error " + errorType);
	}

	@Override
	public void initError(@Nullable String errorType, byte[] body) {
		fail("an init error " + errorType);
	}

	private void fail(String failure) {
		if (this.failure == null) {
			this.failure = failure;
		}
	}

	/** Fails if any answer was not a response. */
	void assertNoFailure() {
		if (this.failure != null) {
			throw new IllegalStateException("The runtime answered with " + this.failure);
		}
	}

}
