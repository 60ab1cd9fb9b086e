package dev.lambdaruntime.benchmarks.jmh;

import java.io.IOException;

import dev.lambdaruntime.benchmarks.api.FakeRuntimeApi;
import dev.lambdaruntime.benchmarks.harness.OrderEvent;
import dev.lambdaruntime.benchmarks.spring.CheckoutApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole starter in one JVM: the checkout application with its loop running, on its own
 * thread, against the harness's in-process Runtime API. One operation hands out one event and
 * waits for its response, so it includes two thread hand-offs and the loopback round trip.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
public class StarterRoundTripBenchmark extends PerInvocationBenchmark {

	/** The event's size in bytes. */
	@Param({ "100", "65536" })
	public int eventBytes;

	private OnDemandLambdaService service;

	private FakeRuntimeApi api;

	private ConfigurableApplicationContext context;

	/** Starts the Runtime API and the application, whose loop starts polling it. */
	@Setup(Level.Trial)
	public void start() throws IOException {
		this.service = new OnDemandLambdaService(OrderEvent.ofSize(this.eventBytes).json());
		this.api = FakeRuntimeApi.start(this.service);
		this.context = SpringApplication.run(CheckoutApplication.class, "--lambda.runtime.api=" + this.api.address(),
				"--spring.cloud.function.definition=checkout", "--spring.main.banner-mode=off",
				"--logging.level.root=warn");
	}

	/** Stops the application, then the Runtime API. */
	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.context.close();
		this.api.close();
	}

	/** One invocation, from handing out the event to receiving the response. */
	@Benchmark
	public byte[] invoke() throws InterruptedException {
		return this.service.invoke();
	}

}
