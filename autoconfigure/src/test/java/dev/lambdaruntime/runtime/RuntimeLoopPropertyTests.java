package dev.lambdaruntime.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import dev.lambdaruntime.runtime.StubRuntimeApi.Answer;
import dev.lambdaruntime.runtime.StubRuntimeApi.Request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property-based tests of the loop: random sequences of good events, bad events, failing and
 * slow functions, and Runtime API faults. Every delivered invocation is answered exactly once,
 * the loop exits exactly when the Runtime API says it must, and otherwise stays alive.
 */
class RuntimeLoopPropertyTests {

	private static final LambdaEnvironment ENVIRONMENT = new LambdaEnvironment("property", "1", 256, null, null);

	@Property(tries = 40)
	void everyDeliveredInvocationIsAnsweredExactlyOnceUnlessTheRuntimeExits(@ForAll("scripts") List<Step> script)
			throws Exception {
		try (StubRuntimeApi api = StubRuntimeApi.start((request) -> answer(script, request))) {
			RuntimeLoop loop = new RuntimeLoop(RuntimeApiClient.forAddress(api.address()), RuntimeLoopPropertyTests::handle,
					ENVIRONMENT, InvocationMode.SINGLE);
			CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(loop::run);
			int fatalAt = firstFatalStep(script);
			if (fatalAt < 0) {
				await().atMost(Duration.ofSeconds(20)).until(() -> nextCalls(api) == script.size() + 1);
				assertThat(exit).as("alive while waiting for the next event").isNotDone();
				loop.stop();
				assertThat(exit.get(5, TimeUnit.SECONDS)).isEqualTo(RuntimeLoop.STOPPED);
			}
			else {
				assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(RuntimeLoop.FAILED);
			}
			Map<String, Integer> answers = new HashMap<>();
			int delivered = 0;
			for (int i = 0; i < script.size() && (fatalAt < 0 || i <= fatalAt); i++) {
				if (script.get(i).fault() != Fault.NEXT_CONTAINER_ERROR) {
					delivered++;
					answers.put("req-" + i, 0);
				}
			}
			for (Request request : api.requests()) {
				if (!request.isNext()) {
					String id = request.rawPath().split("/")[4];
					assertThat(answers).as("answer to an invocation never delivered: %s", id).containsKey(id);
					answers.merge(id, 1, Integer::sum);
				}
			}
			assertThat(answers.values()).as("answers per delivered invocation").allMatch((count) -> count == 1);
			assertThat(answers).hasSize(delivered);
			assertThat(nextCalls(api)).isEqualTo((fatalAt < 0) ? script.size() + 1 : fatalAt + 1);
		}
	}

	@Provide
	Arbitrary<List<Step>> scripts() {
		Arbitrary<Fault> fault = Arbitraries.frequency(Tuple.of(30, Fault.NONE), Tuple.of(3, Fault.ANSWER_REFUSED),
				Tuple.of(1, Fault.ANSWER_CONTAINER_ERROR), Tuple.of(1, Fault.NEXT_CONTAINER_ERROR));
		Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Kind.class), fault).as(Step::new);
		return step.list().ofMinSize(1).ofMaxSize(25);
	}

	private static InvocationResponse handle(Invocation invocation, InvocationContext context) {
		return switch (Kind.valueOf(new String(invocation.payload(), StandardCharsets.UTF_8))) {
			case GOOD -> InvocationResponse.of(invocation.payload());
			case BAD_EVENT -> throw new InvalidEventException("bad event", null);
			case THROWS -> throw new IllegalStateException("function failed");
			case ERROR -> throw new AssertionError("function broke");
			case SLOW -> {
				LockSupport.parkNanos(Duration.ofMillis(3).toNanos());
				yield InvocationResponse.of(invocation.payload());
			}
		};
	}

	private static Answer answer(List<Step> script, Request request) {
		if (request.isNext()) {
			int index = request.nextNumber() - 1;
			if (index >= script.size()) {
				return null;
			}
			Step step = script.get(index);
			return (step.fault() == Fault.NEXT_CONTAINER_ERROR) ? Answer.status(500, "{\"errorType\":\"Container\"}")
					: Answer.event("req-" + index, step.kind().name());
		}
		Step step = script.get(Integer.parseInt(request.rawPath().split("/")[4].substring("req-".length())));
		return switch (step.fault()) {
			case ANSWER_REFUSED -> Answer.status(400, "{\"errorType\":\"InvalidRequestID\"}");
			case ANSWER_CONTAINER_ERROR -> Answer.status(500, "{\"errorType\":\"Container\"}");
			default -> Answer.accepted();
		};
	}

	private static int firstFatalStep(List<Step> script) {
		for (int i = 0; i < script.size(); i++) {
			Fault fault = script.get(i).fault();
			if (fault == Fault.NEXT_CONTAINER_ERROR || fault == Fault.ANSWER_CONTAINER_ERROR) {
				return i;
			}
		}
		return -1;
	}

	private static long nextCalls(StubRuntimeApi api) {
		return api.requests().stream().filter(Request::isNext).count();
	}

	enum Kind {

		GOOD, BAD_EVENT, THROWS, ERROR, SLOW

	}

	enum Fault {

		NONE, ANSWER_REFUSED, ANSWER_CONTAINER_ERROR, NEXT_CONTAINER_ERROR

	}

	record Step(Kind kind, Fault fault) {
	}

}
