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
 * difference is what our loop adds; {@code loop=jdk} the floor's steps on the JDK's
 * {@code HttpClient}: what our own HTTP client saves against the JDK's.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
public class LoopBenchmark extends PerInvocationBenchmark {

	/** Which loop serves the invocations. */
	@Param({ "floor", "ours", "jdk" })
	public String loop;

	private RepeatingLambdaService service;

	private FakeRuntimeApi api;

	private Loop runtime;

	/** Starts the Runtime API and the loop. */
	@Setup(Level.Trial)
	public void start(CheckoutContext checkout) throws IOException {
		this.service = new RepeatingLambdaService(checkout.event());
		this.api = FakeRuntimeApi.start(this.service);
		this.runtime = switch (this.loop) {
			case "ours" -> ours(this.api.address(), checkout);
			case "jdk" -> jdk(this.api.address(), checkout);
			default -> floor(this.api.address(), checkout);
		};
	}

	private static Loop ours(String address, CheckoutContext checkout) {
		RuntimeLoop loop = new RuntimeLoop(RuntimeApiClient.forAddress(address),
				(invocation, context) -> InvocationResponse.of(checkout.convertInvokeEncode(invocation.payload())),
				LambdaEnvironment.from((name) -> null), InvocationMode.SINGLE);
		return new Loop(loop::invokeOnce, loop::abort);
	}

	private static Loop floor(String address, CheckoutContext checkout) throws IOException {
		FloorRuntime floor = FloorRuntime.connect(address, checkout::convertInvokeEncode);
		return new Loop(floor::invokeOnce, floor::close);
	}

	private static Loop jdk(String address, CheckoutContext checkout) {
		JdkHttpClientRuntime jdk = new JdkHttpClientRuntime(address, checkout::convertInvokeEncode);
		return new Loop(jdk::invokeOnce, () -> {
			// nothing to close: the client has no close() before Java 21, its connection ends with the fork
		});
	}

	/** Stops both, and fails the trial if any invocation failed. */
	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.runtime.close().run();
		this.api.close();
		this.service.assertNoFailure();
	}

	/** One invocation: next, invoke, response. */
	@Benchmark
	public void invokeOnce() throws IOException {
		this.runtime.invokeOnce().run();
	}

	/** How to serve one invocation and how to stop, whichever runtime serves. */
	private record Loop(IoAction invokeOnce, IoAction close) {
	}

	@FunctionalInterface
	private interface IoAction {

		void run() throws IOException;

	}

}
