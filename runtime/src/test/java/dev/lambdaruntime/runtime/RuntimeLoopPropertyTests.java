package dev.lambdaruntime.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.lambdaruntime.runtime.StubRuntimeApi.Answer;
import dev.lambdaruntime.runtime.StubRuntimeApi.Request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property-based tests of the loop: random sequences of good events, bad events, failing and
 * slow functions, and Runtime API faults. Every delivered invocation is answered exactly once,
 * the loop exits exactly when the Runtime API says it must, and otherwise stays alive. Each
 * script comes from a seed, named in the test's display name, so any failure can be replayed.
 */
class RuntimeLoopPropertyTests {

	private static final int SCRIPTS = 40;

	private static final int MAX_STEPS = 25;

	private static final LambdaEnvironment ENVIRONMENT = new LambdaEnvironment("property", "1", 256, null, null);

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void everyDeliveredInvocationIsAnsweredExactlyOnceUnlessTheRuntimeExits(long seed) throws Exception {
		List<Step> script = script(new Random(seed));
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

	static LongStream seeds() {
		return new Random().longs(SCRIPTS);
	}

	/** One to 25 steps of any kind; most answered normally, some refused, a few fatal. */
	private static List<Step> script(Random random) {
		List<Step> script = new ArrayList<>();
		int length = 1 + random.nextInt(MAX_STEPS);
		for (int i = 0; i < length; i++) {
			Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
			int roll = random.nextInt(35);
			Fault fault = (roll < 30) ? Fault.NONE : (roll < 33) ? Fault.ANSWER_REFUSED
					: (roll < 34) ? Fault.ANSWER_CONTAINER_ERROR : Fault.NEXT_CONTAINER_ERROR;
			script.add(new Step(kind, fault));
		}
		return script;
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
