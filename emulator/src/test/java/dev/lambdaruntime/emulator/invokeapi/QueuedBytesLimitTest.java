package dev.lambdaruntime.emulator.invokeapi;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import dev.lambdaruntime.emulator.InvokeClient;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@Timeout(60)
class QueuedBytesLimitTest {

	private static final int MEGABYTE = 1024 * 1024;

	private static final int EVENTS_THAT_FIT = 4;

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder()
		.maxQueuedBytes(EVENTS_THAT_FIT * MEGABYTE + MEGABYTE / 2)
		.build();

	@Test
	void largeEventsForARuntimeThatNeverPollsGet429sAndOnlyThoseWithinTheLimitAreHeld() throws Exception {
		InvokeClient invoker = new InvokeClient(this.emulator);
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			answers.add(invoker.invokeAsync(invoker.request("function", "")
				.header("X-Amz-Invocation-Type", "Event")
				.POST(BodyPublishers.ofByteArray(event(i)))));
		}
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();

		List<HttpResponse<String>> refused = answers.stream()
			.map(CompletableFuture::join)
			.filter((answer) -> answer.statusCode() != 202)
			.toList();
		assertThat(refused).hasSize(20 - EVENTS_THAT_FIT).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).isEqualTo(429);
			assertThat(answer.headers().firstValue("X-Amzn-ErrorType")).hasValue("TooManyRequestsException");
			assertThat(RuntimeClient.jsonField(answer.body(), "message"))
				.contains("would exceed the limit of " + (EVENTS_THAT_FIT * MEGABYTE + MEGABYTE / 2));
		});
		assertThatOnlyTheAcceptedEventsAreHeld(EVENTS_THAT_FIT);
	}

	@Test
	void anEventBeyondTheLimitIsRefusedThroughTheJavaApiAndRoomComesBackAsTheRuntimeTakesEvents()
			throws Exception {
		for (int i = 0; i < EVENTS_THAT_FIT; i++) {
			this.emulator.invoke(event(i));
		}
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> this.emulator.invoke(event(9)))
			.withMessageContaining("bytes of events wait");

		RuntimeClient runtime = new RuntimeClient(this.emulator);
		HttpResponse<byte[]> first = runtime.awaitNext();
		runtime.respond(RuntimeClient.requestId(first), "{}");
		this.emulator.invoke(event(9));

		assertThatOnlyTheAcceptedEventsAreHeld(EVENTS_THAT_FIT);
	}

	@Test
	void limitMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> LambdaEmulator.builder().maxQueuedBytes(0))
			.withMessage("The maximum of queued event bytes must be at least 1, not 0");
	}

	/** Takes every waiting event: exactly as many as the limit let in, then the marker queued after them. */
	private void assertThatOnlyTheAcceptedEventsAreHeld(int expected) throws Exception {
		this.emulator.invoke("\"marker\"");
		RuntimeClient runtime = new RuntimeClient(this.emulator);
		int taken = 0;
		for (HttpResponse<byte[]> next = runtime.awaitNext(); next.body().length == MEGABYTE; next = runtime
			.awaitNext()) {
			taken++;
			runtime.respond(RuntimeClient.requestId(next), "{}");
		}
		assertThat(taken).isEqualTo(expected);
	}

	/** A JSON string of exactly a megabyte, since the Invoke API takes only JSON. */
	private static byte[] event(int filler) {
		byte[] event = new byte[MEGABYTE];
		Arrays.fill(event, (byte) ('a' + filler));
		event[0] = '"';
		event[MEGABYTE - 1] = '"';
		return event;
	}

}
