package dev.lambdaruntime.sample;

import dev.lambdaruntime.sample.SampleApplication.Greeting;
import dev.lambdaruntime.sample.SampleApplication.Reply;
import dev.lambdaruntime.test.context.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.test.context.LambdaFunctionError;
import dev.lambdaruntime.test.context.LambdaFunctionException;
import dev.lambdaruntime.test.context.LambdaTestClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs the sample application against the emulator, as Lambda would run it: {@code uppercase}, the
 * function {@code application.properties} chooses, and {@code greet}.
 */
@SpringBootTest
@AutoConfigureLambdaEmulator
class SampleApplicationTests {

	@Autowired
	private LambdaTestClient lambda;

	@Test
	void uppercaseAnswersTheSeedsExample() {
		assertThat(this.lambda.invoke("\"hello\"", String.class)).isEqualTo("HELLO");
	}

	@Test
	void uppercaseReceivesAnEventThatIsNotAJsonStringAsItsRawText() {
		assertThat(this.lambda.invoke("[1]", String.class)).isEqualTo("[1]");
	}

	@Nested
	@AutoConfigureLambdaEmulator(definition = "greet")
	class Greet {

		@Autowired
		private LambdaTestClient lambda;

		@Test
		void repliesWithTheRequestIdAndRemainingTimeOfTheInvocation() {
			Reply reply = this.lambda.invoke(this.lambda.request(new Greeting("Lambda")).requestId("greet-1").build(),
					Reply.class);
			assertThat(reply.message()).isEqualTo("Hello, Lambda!");
			assertThat(reply.requestId()).isEqualTo("greet-1");
			assertThat(reply.remainingTimeInMillis()).isPositive().isLessThanOrEqualTo(30_000);
		}

		@Test
		void rejectsAnEventThatIsNotAGreetingAsAnUnmarshalError() {
			LambdaFunctionError error = this.lambda.invokeExpectingError("not json");
			assertThat(error.errorType()).isEqualTo("dev.lambdaruntime.runtime.InvalidEventException");
			assertThat(error.category()).isEqualTo("Runtime.UnmarshalError");
		}

		@Test
		void invokeThrowsTheErrorOfAFailedInvocation() {
			assertThatExceptionOfType(LambdaFunctionException.class)
				.isThrownBy(() -> this.lambda.invoke("[]", Reply.class))
				.satisfies((ex) -> assertThat(ex.error().category()).isEqualTo("Runtime.UnmarshalError"));
		}

	}

}
