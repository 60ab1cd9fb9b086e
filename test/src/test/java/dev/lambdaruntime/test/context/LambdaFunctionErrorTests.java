package dev.lambdaruntime.test.context;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lambdaruntime.emulator.InvocationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LambdaFunctionErrorTests {

	@Test
	void readsTheErrorBodyOfTheJavaManagedRuntime() {
		LambdaFunctionError error = LambdaFunctionError.from(error("Runtime.UserException", """
				{"errorMessage":"boom","errorType":"java.lang.IllegalStateException",
				"stackTrace":["a.B.c(B.java:1)","d.E.f(E.java:2)"],
				"cause":{"errorMessage":"root","errorType":"java.io.IOException","stackTrace":[]}}"""));
		assertThat(error).isEqualTo(new LambdaFunctionError("r-1", "Runtime.UserException",
				"java.lang.IllegalStateException", "boom", List.of("a.B.c(B.java:1)", "d.E.f(E.java:2)")));
	}

	@Test
	void aBodyWithoutStackTraceHasNoFrames() {
		LambdaFunctionError error = LambdaFunctionError
			.from(error("Sandbox.Timedout", "{\"errorMessage\":\"r-1 Task timed out\",\"errorType\":\"Sandbox.Timedout\"}"));
		assertThat(error.errorType()).isEqualTo("Sandbox.Timedout");
		assertThat(error.stackTrace()).isEmpty();
	}

	@Test
	void aBodyThatIsNotAJsonObjectBecomesTheMessage() {
		LambdaFunctionError error = LambdaFunctionError.from(error("Runtime.ExitError", "signal: killed"));
		assertThat(error.errorType()).isEmpty();
		assertThat(error.errorMessage()).isEqualTo("signal: killed");
		assertThat(error.stackTrace()).isEmpty();
	}

	@Test
	void theCategoryIsNullWhenTheRuntimeSentNone() {
		assertThat(LambdaFunctionError.from(error(null, "{}")).category()).isNull();
	}

	@Test
	void rejectsTheResultOfAnInvocationThatDidNotFail() {
		InvocationResult answered = new InvocationResult("r-2", false, "1".getBytes(StandardCharsets.UTF_8), null,
				Map.of(), Duration.ZERO);
		assertThatIllegalArgumentException().isThrownBy(() -> LambdaFunctionError.from(answered))
			.withMessage("Invocation r-2 did not fail");
	}

	private static InvocationResult error(String category, String body) {
		return new InvocationResult("r-1", true, body.getBytes(StandardCharsets.UTF_8), category, Map.of(),
				Duration.ZERO);
	}

}
