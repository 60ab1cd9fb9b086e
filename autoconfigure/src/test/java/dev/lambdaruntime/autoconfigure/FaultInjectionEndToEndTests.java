package dev.lambdaruntime.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RecordedExchange;
import dev.lambdaruntime.emulator.faults.RuntimeApiFault;
import dev.lambdaruntime.runtime.InvocationResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of the runtime against a misbehaving Runtime API: for each fault the emulator
 * can inject, the Spring starter's loop either reports it and goes on serving, retries, or exits
 * promptly with status 1 and one clear ERROR line, as RUNTIME-API.md and the Java managed runtime
 * have it.
 */
@ExtendWith(OutputCaptureExtension.class)
class FaultInjectionEndToEndTests {

	private static final Duration PROMPTLY = Duration.ofSeconds(5);

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final int NOT_EXITED = -1;

	private static final String TIMED_OUT = "Sandbox.Timedout";

	private static final Pattern ERROR_LINE = Pattern.compile(".*\\bERROR\\b.*");

	private static final Pattern RETRY_LINE = Pattern.compile("runtime-(\\d+)\\].*polling again in (\\d+) ms");

	/**
	 * Two at a time, though the runtime polls with one loop: an invocation whose answer a fault
	 * refused stays running beside the next event, until it times out, rather than being handed
	 * to the runtime's next call again, as the emulator does with one at a time (as Lambda does).
	 */
	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder().maxConcurrency(2).build();

	// next

	@Test
	void nextAnswering500ExitsPromptlyWithOneErrorLine(CapturedOutput output) {
		assertFaultExits(RuntimeApiFault.nextAnswers(500), "\"lost\"",
				"The Runtime API answered 500 to next invocation", output);
	}

	@Test
	void nextAnswering403Exits(CapturedOutput output) {
		assertFaultExits(RuntimeApiFault.nextAnswers(403), "\"lost\"",
				"The Runtime API answered 403 to next invocation", output);
	}

	@Test
	void nextAnsweringGarbageExits(CapturedOutput output) {
		assertFaultExits(RuntimeApiFault.nextAnswersGarbage(), "\"lost\"", "Malformed HTTP chunk size", output);
	}

	/**
	 * A keep-alive connection closed before any byte of the answer came may just have gone stale:
	 * the runtime sends the call once more on a fresh connection, where the event is served.
	 */
	@Test
	void nextLosingItsKeepAliveConnectionOnceIsRetriedOnAFreshOne(CapturedOutput output) {
		runtime().run((context) -> {
			assertThat(serve("\"up\"")).isEqualTo("\"UP\"");
			this.emulator.injectFault(RuntimeApiFault.nextClosesConnection());

			assertThat(serve("\"again\"")).isEqualTo("\"AGAIN\"");
			assertThat(exitStatus(context)).isEqualTo(NOT_EXITED);
			assertThat(errorLines(output)).isEmpty();
		});
	}

	@Test
	void nextLosingTheFreshConnectionTooExits(CapturedOutput output) {
		assertFaultExits(RuntimeApiFault.nextClosesConnection().times(2), "\"lost\"",
				"Connection closed by the Runtime API", output);
	}

	@Test
	void nextWithoutARequestIdExitsWithAClearMessage(CapturedOutput output) {
		assertFaultExits(RuntimeApiFault.missingRequestId(), "\"lost\"",
				"The Runtime API sent an invocation without a Lambda-Runtime-Aws-Request-Id header", output);
	}

	@Test
	void nonNumericDeadlineIsServedWithNoRemainingTime() {
		runtime().withPropertyValues("spring.cloud.function.definition=remainingTime").run((context) -> {
			this.emulator.injectFault(RuntimeApiFault.nonNumericDeadline());

			assertThat(serve("\"how long?\"")).isEqualTo("0");
			assertThat(exitStatus(context)).isEqualTo(NOT_EXITED);
		});
	}

	/**
	 * The runtime reads header lines of up to 64 KiB, far above anything Lambda sends (the
	 * client context, its longest header, stays under 4 KB), so a long trace id is served.
	 */
	@Test
	void traceIdOf60KilobytesIsServed() {
		runtime().withPropertyValues("spring.cloud.function.definition=traceIdLength").run((context) -> {
			this.emulator.injectFault(RuntimeApiFault.veryLongHeader(60_000));

			assertThat(serve("\"trace\"")).isEqualTo("60000");
			assertThat(exitStatus(context)).isEqualTo(NOT_EXITED);
		});
	}

	/**
	 * Past its 64 KiB header line bound the runtime cannot read the invocation, nor so much as
	 * its request id, to report it: it exits, so that Lambda fails the invocation with a
	 * {@code Runtime.ExitError} and restarts the runtime, rather than buffering without limit.
	 */
	@Test
	void traceIdOf100KilobytesExitsWithAClearMessage(CapturedOutput output) {
		assertFaultExits(RuntimeApiFault.veryLongHeader(100_000), "\"lost\"", "HTTP line longer than 65536 bytes",
				output);
	}

	/**
	 * The runtime answers the second delivery under the id it was given, that of the ended
	 * first invocation: the API refuses that answer (403, as Lambda refuses a second answer), the
	 * runtime logs it and goes on. The
	 * second invocation, never answered under its own id, times out at the API; each delivery
	 * was answered exactly once.
	 */
	@Test
	void repeatedRequestIdIsAnsweredUnderThatIdAndTheRefusalIsLogged(CapturedOutput output) {
		runtime().run((context) -> {
			assertThat(serve(InvocationRequest.builder("\"first\"").requestId("first").build()).payloadAsString())
				.isEqualTo("\"FIRST\"");
			this.emulator.injectFault(RuntimeApiFault.repeatedRequestId());
			CompletableFuture<InvocationResult> second = this.emulator.invoke(refusable("second", "\"second\""));

			assertThat(serve("\"third\"")).isEqualTo("\"THIRD\"");
			// as Lambda does, a second answer for an invocation is refused with 403
			assertThat(statusesOf("POST", "/runtime/invocation/first/response")).containsExactly(202, 403);
			assertThat(this.emulator.refusedAnswers()).isOne();
			assertThat(output).contains("The Runtime API refused the answer to invocation first: "
					+ "The Runtime API answered 403 to invocation response");
			assertThat(second).succeedsWithin(WAIT).extracting(InvocationResult::errorType).isEqualTo(TIMED_OUT);
			assertThat(exitStatus(context)).isEqualTo(NOT_EXITED);
		});
	}

	// response

	@Test
	void responseRefusedWith400IsLoggedAndNotRetriedAndTheNextEventIsServed(CapturedOutput output) {
		assertRefusalIsLoggedAndTheNextEventServed(RuntimeApiFault.responseAnswers(400), "\"refused\"", "response",
				output);
	}

	@Test
	void responseRefusedAsTooLargeIsLoggedWithoutAnErrorPostAndTheLoopGoesOn(CapturedOutput output) {
		// Lambda ends the invocation itself on a 413 and refuses a later error post for it; this
		// fault only answers 413, so the invocation stays open at the emulator until its timeout
		runtime().run((context) -> {
			this.emulator.injectFault(RuntimeApiFault.responseAnswers(413));
			CompletableFuture<InvocationResult> big = this.emulator.invoke(refusable("big", "\"big\""));

			assertThat(serve("\"small\"")).isEqualTo("\"SMALL\"");
			assertThat(statusesOf("POST", "/runtime/invocation/big/response")).containsExactly(413);
			assertThat(statusesOf("POST", "/runtime/invocation/big/error")).isEmpty();
			assertThat(output).contains("Invocation big failed (Function.ResponseSizeTooLarge): the response of 5 bytes "
					+ "exceeds the Runtime API's limit");
			assertThat(big).succeedsWithin(WAIT).extracting(InvocationResult::errorType).isEqualTo(TIMED_OUT);
			assertThat(exitStatus(context)).isEqualTo(NOT_EXITED);
		});
	}

	@Test
	void responseAnswering500Exits(CapturedOutput output) {
		assertFaultExits(RuntimeApiFault.responseAnswers(500), "\"lost\"",
				"The Runtime API answered 500 to invocation response", output);
	}

	@Test
	void streamedResponseAnswering500ExitsLikeABufferedOne(CapturedOutput output) {
		runtime().withPropertyValues("spring.cloud.function.definition=stream").run((context) -> {
			this.emulator.injectFault(RuntimeApiFault.responseAnswers(500));

			this.emulator.invoke("\"streamed\"");

			await().atMost(PROMPTLY).until(() -> exitStatus(context) != NOT_EXITED);
			assertThat(exitStatus(context)).isEqualTo(1);
			assertThat(errorLines(output)).singleElement()
				.asString()
				.contains("Lambda runtime exits: The Runtime API answered 500 to streamed invocation response");
			assertThat(this.emulator.exchanges()).noneMatch((exchange) -> exchange.path().endsWith("/error"));
		});
	}

	/**
	 * Unlike {@code next}: an answer whose connection closed after the whole post was sent is
	 * not sent again, as the runtime cannot tell whether the API processed it; the runtime
	 * exits, saying why, rather than risk answering twice.
	 */
	@Test
	void responseLosingItsConnectionIsNotPostedAgainAndTheRuntimeExits(CapturedOutput output) {
		// The whole answer was sent before the connection closed: the runtime cannot tell whether
		// the Runtime API took it, so it never posts it a second time, and exits.
		runtime().run((context) -> {
			this.emulator.injectFault(RuntimeApiFault.answerClosesConnection());

			this.emulator.invoke(InvocationRequest.builder("\"lost\"").requestId("lost").build());

			await().atMost(PROMPTLY).until(() -> exitStatus(context) != NOT_EXITED);
			assertThat(exitStatus(context)).isEqualTo(1);
			assertThat(errorLines(output)).singleElement()
				.asString()
				.contains("Lambda runtime exits: Connection closed by the Runtime API");
			assertThat(statusesOf("POST", "/runtime/invocation/lost/response")).as("posted again").isEmpty();
		});
	}

	// error

	@Test
	void errorRefusedWith400IsLoggedAndNotRetriedAndTheNextEventIsServed(CapturedOutput output) {
		assertRefusalIsLoggedAndTheNextEventServed(RuntimeApiFault.errorAnswers(400), "\"fail\"", "error", output);
	}

	@Test
	void errorAnswering500Exits(CapturedOutput output) {
		assertFaultExits(RuntimeApiFault.errorAnswers(500), "\"fail\"",
				"The Runtime API answered 500 to invocation error", output);
	}

	// slow answers

	@Test
	void slowAnswersAreAwaitedWithoutATimeout(CapturedOutput output) {
		Duration delay = Duration.ofSeconds(2);
		runtime().run((context) -> {
			this.emulator.injectFault(RuntimeApiFault.slowAnswers(delay).always());

			InvocationResult result = serve(InvocationRequest.of("\"slow\""));

			assertThat(result.payloadAsString()).isEqualTo("\"SLOW\"");
			assertThat(result.duration()).as("the event and the response were both delayed")
				.isGreaterThanOrEqualTo(delay.multipliedBy(2));
			assertThat(exitStatus(context)).isEqualTo(NOT_EXITED);
			assertThat(errorLines(output)).isEmpty();
		});
	}

	// several invocations at once

	@Test
	void inConcurrentModeAFailingNextIsRetriedWithBackoffUntilTheFaultClears(CapturedOutput output) {
		try (LambdaEmulator concurrent = LambdaEmulator.builder().maxConcurrency(2).build()) {
			runtime(concurrent).withPropertyValues("AWS_LAMBDA_MAX_CONCURRENCY=2").run((context) -> {
				concurrent.injectFault(RuntimeApiFault.nextAnswers(500).always());
				CompletableFuture<InvocationResult> result = concurrent.invoke("\"back\"");
				await().atMost(WAIT).until(() -> nextRefusals(concurrent) >= 6);

				concurrent.clearFaults();

				assertThat(result.get(WAIT.toSeconds(), TimeUnit.SECONDS).payloadAsString()).isEqualTo("\"BACK\"");
				assertThat(serve(concurrent, InvocationRequest.of("\"again\"")).payloadAsString())
					.isEqualTo("\"AGAIN\"");
				assertThat(exitStatus(context)).isEqualTo(NOT_EXITED);
				assertThat(errorLines(output)).isEmpty();
				// Each delay is the last one doubled, with up to 50% jitter, until the 5 s cap
				assertThat(retryDelaysByPoller(output)).isNotEmpty().allSatisfy((poller, delays) -> {
					for (int i = 1; i < delays.size(); i++) {
						if (delays.get(i - 1) < 2_500) {
							assertThat(delays.get(i)).as("retry %d of poller %s", i, poller)
								.isGreaterThanOrEqualTo(delays.get(i - 1));
						}
					}
				});
			});
		}
	}

	/**
	 * Serves one event to show the runtime up and waiting on a reused connection, injects the
	 * fault, queues {@code event}, and expects the runtime to exit with status 1 within a few
	 * seconds, logging exactly one ERROR line that gives the reason.
	 */
	private void assertFaultExits(RuntimeApiFault fault, String event, String reason, CapturedOutput output) {
		runtime().run((context) -> {
			assertThat(serve("\"up\"")).isEqualTo("\"UP\"");
			this.emulator.injectFault(fault);

			this.emulator.invoke(event);

			await().atMost(PROMPTLY).until(() -> exitStatus(context) != NOT_EXITED);
			assertThat(exitStatus(context)).isEqualTo(1);
			assertThat(errorLines(output)).singleElement().asString().contains("Lambda runtime exits: " + reason);
		});
	}

	/**
	 * Injects the fault, which refuses the answer to {@code event} with a 400, and expects the
	 * refusal to be logged as a WARN and not retried, and the next event to be served. The
	 * refused invocation stays running at the API until it times out (the emulator, like
	 * Lambda, hands out no other event meanwhile); the runtime is back on {@code next} at once.
	 */
	private void assertRefusalIsLoggedAndTheNextEventServed(RuntimeApiFault fault, String event, String call,
			CapturedOutput output) {
		runtime().run((context) -> {
			this.emulator.injectFault(fault);
			CompletableFuture<InvocationResult> refused = this.emulator.invoke(refusable("refused", event));

			assertThat(serve("\"next\"")).isEqualTo("\"NEXT\"");
			assertThat(output).contains("The Runtime API refused the answer to invocation refused: "
					+ "The Runtime API answered 400 to invocation " + call);
			assertThat(statusesOf("POST", "/runtime/invocation/refused/" + call)).containsExactly(400);
			assertThat(refused).succeedsWithin(WAIT).extracting(InvocationResult::errorType).isEqualTo(TIMED_OUT);
			assertThat(exitStatus(context)).isEqualTo(NOT_EXITED);
			assertThat(errorLines(output)).isEmpty();
		});
	}

	private ApplicationContextRunner runtime() {
		return runtime(this.emulator);
	}

	private static ApplicationContextRunner runtime(LambdaEmulator emulator) {
		return LambdaRuntimeContextRunner.create()
			.withUserConfiguration(Functions.class, RecordingExit.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + emulator.runtimeApi(),
					"spring.cloud.function.definition=uppercase");
	}

	private String serve(String event) throws Exception {
		InvocationResult result = serve(InvocationRequest.of(event));
		assertThat(result.isError()).as(result.payloadAsString()).isFalse();
		return result.payloadAsString();
	}

	private InvocationResult serve(InvocationRequest request) throws Exception {
		return serve(this.emulator, request);
	}

	private static InvocationResult serve(LambdaEmulator emulator, InvocationRequest request) throws Exception {
		return emulator.invoke(request).get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	/**
	 * An event whose answer a fault will refuse: it then stays running at the API until it
	 * times out, soon.
	 */
	private static InvocationRequest refusable(String requestId, String event) {
		return InvocationRequest.builder(event).requestId(requestId).timeout(Duration.ofSeconds(2)).build();
	}

	private List<Integer> statusesOf(String method, String pathEnd) {
		return this.emulator.exchanges()
			.stream()
			.filter((exchange) -> exchange.method().equals(method) && exchange.path().endsWith(pathEnd))
			.map(RecordedExchange::status)
			.toList();
	}

	private static long nextRefusals(LambdaEmulator emulator) {
		return emulator.exchanges()
			.stream()
			.filter((exchange) -> exchange.path().endsWith("/next") && exchange.status() == 500)
			.count();
	}

	private static int exitStatus(AssertableApplicationContext context) {
		return context.getBean(RecordingExit.class).status.get();
	}

	private static List<String> errorLines(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> ERROR_LINE.matcher(line).matches()).toList();
	}

	/** The delays each poller logged before retrying a failed {@code next}, in order. */
	private static Map<String, List<Long>> retryDelaysByPoller(CapturedOutput output) {
		Map<String, List<Long>> delays = new LinkedHashMap<>();
		Matcher retry = RETRY_LINE.matcher(output.getAll());
		while (retry.find()) {
			delays.computeIfAbsent(retry.group(1), (poller) -> new ArrayList<>()).add(Long.parseLong(retry.group(2)));
		}
		return delays;
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingExit implements LambdaRuntimeExit {

		final AtomicInteger status = new AtomicInteger(NOT_EXITED);

		@Override
		public void exit(int status) {
			this.status.set(status);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Functions {

		@Bean
		Function<String, String> uppercase() {
			return (event) -> {
				if (event.equals("fail")) {
					throw new IllegalStateException("failed as asked");
				}
				return event.toUpperCase();
			};
		}

		@Bean
		Function<String, Integer> remainingTime(Context context) {
			return (event) -> context.getRemainingTimeInMillis();
		}

		@Bean
		Function<String, InvocationResponse.BodyWriter> stream() {
			return (event) -> (body) -> body.write(event.getBytes(StandardCharsets.UTF_8));
		}

		@Bean
		Function<String, Integer> traceIdLength() {
			return (event) -> System.getProperty("com.amazonaws.xray.traceHeader", "").length();
		}

	}

}
