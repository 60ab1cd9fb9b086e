package dev.lambdaruntime.test.context;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import dev.lambdaruntime.emulator.FakeRuntime;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LambdaTestClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final LambdaEmulator emulator = LambdaEmulator.builder().timeout(TIMEOUT).build();

	private final JsonMapper snakeCase = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	private final LambdaTestClient client = new LambdaTestClient(this.emulator, this.snakeCase, Duration.ofSeconds(5));

	private final CompletableFuture<String> release = new CompletableFuture<>();

	private FakeRuntime runtime;

	@AfterEach
	void stop() {
		this.release.complete("null");
		if (this.runtime != null) {
			this.runtime.close();
		}
		this.emulator.close();
	}

	@Test
	void invokeWritesTheEventAndReadsTheResultWithTheGivenJsonMapper() {
		serve(UnaryOperator.identity());
		assertThat(this.client.invoke(new Person("Ada", 36), JsonNode.class).propertyNames())
			.containsExactly("first_name", "age_in_years");
		assertThat(this.client.invoke(new Person("Ada", 36), Person.class)).isEqualTo(new Person("Ada", 36));
	}

	@Test
	void savedEventIsReadFromTheTestClasspathAndSentAsItIs() {
		serve(UnaryOperator.identity());
		assertThat(this.client.invoke(this.client.savedEvent("person").build(), Person.class))
			.isEqualTo(new Person("Grace", 85));
	}

	@Test
	void missingSavedEventIsNamedWithWhereItWasLookedFor() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.client.savedEvent("nobody"))
			.withMessage("No saved event 'nobody': lambda-events/nobody.json is not on the test classpath "
					+ "(src/test/resources/lambda-events/nobody.json)");
	}

	@Test
	void invokeSendsAStringEventAsTheJsonItHolds() {
		serve(UnaryOperator.identity());
		assertThat(this.client.invoke("[1,2]", int[].class)).containsExactly(1, 2);
	}

	@Test
	void invokePassesBytesThroughUntouchedBothWays() {
		serve((event) -> event + "!");
		byte[] answer = this.client.invoke("not JSON".getBytes(StandardCharsets.UTF_8), byte[].class);
		assertThat(answer).asString(StandardCharsets.UTF_8).isEqualTo("not JSON!");
	}

	@Test
	void invokeReturnsNullWhenTheFunctionAnswersJsonNull() {
		serve((event) -> "null");
		assertThat(this.client.invoke("{}", Person.class)).isNull();
	}

	@Test
	void invokeThrowsWithTheErrorTheFunctionFailedWith() {
		serve((event) -> {
			throw new IllegalStateException("Cannot take " + event);
		});
		assertThatExceptionOfType(LambdaFunctionException.class)
			.isThrownBy(() -> this.client.invoke(this.client.request("\"x\"").requestId("failing-1").build(), String.class))
			.withMessageStartingWith("Invocation failing-1 failed with Runtime.UserException: "
					+ "java.lang.IllegalStateException: Cannot take \"x\"" + System.lineSeparator() + "\tat "
					+ getClass().getName())
			.satisfies((ex) -> {
				assertThat(ex.error().category()).isEqualTo("Runtime.UserException");
				assertThat(ex.error().errorType()).isEqualTo(IllegalStateException.class.getName());
				assertThat(ex.error().errorMessage()).isEqualTo("Cannot take \"x\"");
			});
	}

	@Test
	void invokeExpectingErrorReturnsTheErrorTheFunctionFailedWith() {
		serve((event) -> {
			throw new IllegalArgumentException("Not an order: " + event);
		});
		LambdaFunctionError error = this.client
			.invokeExpectingError(this.client.request(Map.of("id", 7)).requestId("failing-2").build());
		assertThat(error.requestId()).isEqualTo("failing-2");
		assertThat(error.category()).isEqualTo("Runtime.UserException");
		assertThat(error.errorType()).isEqualTo(IllegalArgumentException.class.getName());
		assertThat(error.errorMessage()).isEqualTo("Not an order: {\"id\":7}");
		assertThat(error.stackTrace()).first().asString().startsWith(getClass().getName());
	}

	@Test
	void invokeExpectingErrorFailsWhenTheFunctionAnswers() {
		serve(UnaryOperator.identity());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.client.invokeExpectingError(this.client.request("\"fine\"").requestId("fine-1").build()))
			.withMessage("Expected invocation fine-1 to fail, but the function answered \"fine\"");
	}

	@Test
	void invokeFailsShowingTheAnswerWhenItCannotBeReadAsTheResultType() {
		serve((event) -> "\"text\"");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.client.invoke(this.client.request("{}").requestId("text-1").build(), Person.class))
			.withMessage("The answer to invocation text-1 cannot be read as " + Person.class.getName() + ": \"text\"");
	}

	@Test
	void aFunctionRunningPastItsTimeoutFailsWithLambdasTimeoutError() {
		serve((event) -> this.release.join());
		LambdaFunctionError error = this.client.invokeExpectingError(
				this.client.request("{}").requestId("slow-1").timeout(Duration.ofMillis(200)).build());
		assertThat(error.category()).isEqualTo("Sandbox.Timedout");
		assertThat(error.errorMessage()).isEqualTo("slow-1 Task timed out after 0.20 seconds");
	}

	@Test
	void whenNoRuntimeTakesTheEventTheInvocationTimesOutAsInLambda() {
		LambdaTestClient impatient = new LambdaTestClient(this.emulator, this.snakeCase, Duration.ofMillis(100));
		LambdaFunctionError error = impatient
			.invokeExpectingError(impatient.request("{}").requestId("lost-1").timeout(Duration.ofMillis(100)).build());
		assertThat(error.category()).isEqualTo("Sandbox.Timedout");
		assertThat(error.errorMessage()).isEqualTo("lost-1 Task timed out after 0.10 seconds");
	}

	@Test
	void whenTheEmulatorClosesDuringTheInvocationTheInvokeFailsNamingIt() {
		serve((event) -> {
			this.emulator.close();
			return event;
		});
		assertThatIllegalStateException()
			.isThrownBy(() -> this.client.invokeRaw(this.client.request("{}").requestId("closed-1").build()))
			.withMessage("Invocation closed-1 did not end: The Lambda emulator closed before the invocation ended");
	}

	@Test
	void anInvocationQueuedBeforeAnyRuntimePollsIsAnsweredOnceOneDoes() {
		CompletableFuture<InvocationResult> queued = this.emulator.invoke("\"early\"");
		assertThat(queued).isNotDone();
		serve(String::toUpperCase);
		assertThat(queued).succeedsWithin(TIMEOUT).extracting(InvocationResult::payloadAsString).isEqualTo("\"EARLY\"");
	}

	private void serve(UnaryOperator<String> function) {
		this.runtime = FakeRuntime.start(this.emulator.runtimeApi(), function);
	}

	record Person(String firstName, int ageInYears) {
	}

}
