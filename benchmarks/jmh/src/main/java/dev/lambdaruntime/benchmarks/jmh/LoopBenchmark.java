package dev.lambdaruntime.benchmarks.jmh;

import java.io.IOException;

import dev.lambdaruntime.benchmarks.api.FakeRuntimeApi;
import dev.lambdaruntime.benchmarks.floor.FloorRuntime;
import dev.lambdaruntime.runtime.InvocationMode;
import dev.lambdaruntime.runtime.InvocationResponse;
import dev.lambdaruntime.runtime.LambdaEnvironment;
import dev.lambdaruntime.runtime.RuntimeApiClient;
import dev.lambdaruntime.runtime.RuntimeLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One invocation over real HTTP on the benchmark thread (next, the conversion of
 * {@link ConversionBenchmark}, response) against the harness's in-process Runtime API, which
 * always has the next event ready. {@code loop=ours} runs our core's
 * {@link RuntimeLoop#invokeOnce()}; {@code loop=floor} the raw-socket floor runtime: the
 * difference is what our loop adds.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
public class LoopBenchmark extends PerInvocationBenchmark {

	/** Which loop serves the invocations. */
	@Param({ "floor", "ours" })
	public String loop;

	private RepeatingLambdaService service;

	private FakeRuntimeApi api;

	private Loop runtime;

	/** Starts the Runtime API and the loop. */
	@Setup(Level.Trial)
	public void start(CheckoutContext checkout) throws IOException {
		this.service = new RepeatingLambdaService(checkout.event());
		this.api = FakeRuntimeApi.start(this.service);
		this.runtime = "ours".equals(this.loop) ? ours(this.api.address(), checkout)
				: floor(this.api.address(), checkout);
	}

	private static Loop ours(String address, CheckoutContext checkout) {
		RuntimeLoop loop = new RuntimeLoop(RuntimeApiClient.forAddress(address),
				(invocation, context) -> InvocationResponse.of(checkout.convertInvokeEncode(invocation.payload())),
				LambdaEnvironment.from((name) -> null), InvocationMode.SINGLE);
		return new Loop() {

			@Override
			public void invokeOnce() throws IOException {
				loop.invokeOnce();
			}

			@Override
			public void close() {
				loop.abort();
			}

		};
	}

	private static Loop floor(String address, CheckoutContext checkout) throws IOException {
		FloorRuntime floor = FloorRuntime.connect(address, checkout::convertInvokeEncode);
		return new Loop() {

			@Override
			public void invokeOnce() throws IOException {
				floor.invokeOnce();
			}

			@Override
			public void close() throws IOException {
				floor.close();
			}

		};
	}

	/** Stops both, and fails the trial if any invocation failed. */
	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.runtime.close();
		this.api.close();
		this.service.assertNoFailure();
	}

	/** One invocation: next, invoke, response. */
	@Benchmark
	public void invokeOnce() throws IOException {
		this.runtime.invokeOnce();
	}

	private interface Loop {

		void invokeOnce() throws IOException;

		void close() throws IOException;

	}

}
