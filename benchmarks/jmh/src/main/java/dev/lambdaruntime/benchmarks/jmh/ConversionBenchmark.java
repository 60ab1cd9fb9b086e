package dev.lambdaruntime.benchmarks.jmh;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * Convert → invoke → encode alone, no HTTP: the event to an {@code Order} with the application's
 * mapper, the function, the {@code Receipt} to bytes. The floor of what any JSON runtime pays.
 *
 * @since 0.1.0
 */
public class ConversionBenchmark extends PerInvocationBenchmark {

	/** One event converted, served and its result encoded. */
	@Benchmark
	public byte[] convertInvokeEncode(CheckoutContext checkout) {
		return checkout.convertInvokeEncode(checkout.event());
	}

}
