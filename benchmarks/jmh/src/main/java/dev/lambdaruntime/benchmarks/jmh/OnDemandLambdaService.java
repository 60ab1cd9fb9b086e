package dev.lambdaruntime.benchmarks.jmh;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;

import dev.lambdaruntime.benchmarks.api.LambdaService;
import dev.lambdaruntime.benchmarks.api.PendingInvocation;
import org.jspecify.annotations.Nullable;

/**
 * Hands an event to the runtime's poller when a benchmark asks, and gives the benchmark the
 * answer: one synchronous invocation, as Lambda makes it.
 */
final class OnDemandLambdaService implements LambdaService {

	private static final byte[] NOT_A_RESPONSE = {};

	private final SynchronousQueue<PendingInvocation> invocations = new SynchronousQueue<>();

	private final BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();

	private final PendingInvocation invocation;

	OnDemandLambdaService(byte[] event) {
		this.invocation = new PendingInvocation("8e4f5c2a-0000-4000-8000-000000000002",
				"Root=1-65f0c0de-000000000000000000000002;Parent=0000000000000002;Sampled=0", event);
	}

	/** Invokes the function with the event and waits for its response. */
	byte[] invoke() throws InterruptedException {
		this.invocations.put(this.invocation);
		byte[] answer = this.answers.take();
		if (answer == NOT_A_RESPONSE) {
			throw new IllegalStateException("The runtime answered with an error");
		}
		return answer;
	}

	@Override
	public PendingInvocation next() throws InterruptedException {
		return this.invocations.take();
	}

	@Override
	public void response(String requestId, byte[] body, long receivedNanos) {
		this.answers.add(body);
	}

	@Override
	public void error(String requestId, @Nullable String errorType, byte[] body) {
		this.answers.add(NOT_A_RESPONSE);
	}

	@Override
	public void initError(@Nullable String errorType, byte[] body) {
		this.answers.add(NOT_A_RESPONSE);
	}

}
