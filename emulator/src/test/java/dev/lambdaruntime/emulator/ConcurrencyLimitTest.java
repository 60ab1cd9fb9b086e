package dev.lambdaruntime.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(30)
class ConcurrencyLimitTest {

	/**
	 * With one at a time, a next call made while an invocation runs gets that one again, with
	 * its request id and deadline, as Lambda's does; the queued one waits until it ends.
	 */
	@Test
	void withOneAtATimeANextCallWhileAnInvocationRunsGetsItAgainAndTheNextWaitsUntilItEnds() throws Exception {
		try (LambdaEmulator emulator = LambdaEmulator.builder().maxConcurrency(1).build()) {
			RuntimeClient runtime = new RuntimeClient(emulator);
			emulator.invoke("1");
			emulator.invoke("2");
			HttpResponse<byte[]> first = runtime.awaitNext();

			HttpResponse<byte[]> again = runtime.awaitNext();
			assertThat(body(again)).isEqualTo("1");
			assertThat(RuntimeClient.requestId(again)).isEqualTo(RuntimeClient.requestId(first));
			assertThat(again.headers().firstValue(RuntimeApiProtocol.DEADLINE_MS))
				.isEqualTo(first.headers().firstValue(RuntimeApiProtocol.DEADLINE_MS));
			runtime.respond(RuntimeClient.requestId(first), "{}");

			assertThat(body(runtime.awaitNext())).isEqualTo("2");
		}
	}

	@Test
	void upToTheLimitRunAtOnceAndTheRestWaitInOrder() throws Exception {
		try (LambdaEmulator emulator = LambdaEmulator.builder().maxConcurrency(2).build()) {
			RuntimeClient runtime = new RuntimeClient(emulator);
			for (int i = 1; i <= 4; i++) {
				emulator.invoke(Integer.toString(i));
			}
			HttpResponse<byte[]> first = runtime.awaitNext();
			HttpResponse<byte[]> second = runtime.awaitNext();

			CompletableFuture<HttpResponse<byte[]>> third = runtime.next();
			assertStillWaiting(third);
			runtime.error(RuntimeClient.requestId(second), "Runtime.UserException", "{}");

			assertThat(body(first)).isEqualTo("1");
			assertThat(body(second)).isEqualTo("2");
			assertThat(third).succeedsWithin(RuntimeClient.WAIT)
				.satisfies((next) -> assertThat(body(next)).isEqualTo("3"));
		}
	}

	@Test
	void timedOutInvocationFreesItsPlace() throws Exception {
		try (LambdaEmulator emulator = LambdaEmulator.builder().maxConcurrency(1).build()) {
			RuntimeClient runtime = new RuntimeClient(emulator);
			CompletableFuture<HttpResponse<byte[]>> first = runtime.next();
			CompletableFuture<InvocationResult> timingOut = emulator
				.invoke(InvocationRequest.builder("1").timeout(Duration.ofSeconds(2)).build());
			assertThat(body(first.get())).isEqualTo("1");
			emulator.invoke("2");
			assertThat(timingOut).succeedsWithin(RuntimeClient.WAIT);

			assertThat(body(runtime.awaitNext())).isEqualTo("2");
		}
	}

	private static void assertStillWaiting(CompletableFuture<?> next) {
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !next.isDone());
	}

	private static String body(HttpResponse<byte[]> next) {
		return new String(next.body(), StandardCharsets.UTF_8);
	}

}
