package dev.lambdaruntime.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaError}.
 */
class LambdaErrorTests {

	@Test
	void writesTheManagedRuntimesErrorBody() {
		IllegalStateException failure = new IllegalStateException("The thing is broken");
		JsonNode json = json(LambdaError.of(LambdaError.USER_EXCEPTION, failure));
		assertThat(json.get("errorMessage").asString()).isEqualTo("The thing is broken");
		assertThat(json.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(json.get("stackTrace").isArray()).isTrue();
		assertThat(json.has("cause")).isFalse();
		assertThat(names(json)).containsExactly("errorMessage", "errorType", "stackTrace");
	}

	@Test
	void namesTheErrorTypeByItsFullyQualifiedClassNameEvenForNestedClasses() {
		LambdaError error = LambdaError.of(LambdaError.USER_EXCEPTION, new OrderRejected("no stock"));
		assertThat(error.errorType()).isEqualTo("dev.lambdaruntime.runtime.LambdaErrorTests$OrderRejected");
		assertThat(json(error).get("errorType").asString()).isEqualTo(OrderRejected.class.getName());
	}

	@Test
	void writesEachStackFrameAsOneString() {
		RuntimeException failure = new RuntimeException("boom");
		failure.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("com.example.Handler", "handle", "Handler.java", 42),
				new StackTraceElement("com.example.Main", "main", null, -2) });
		JsonNode stackTrace = json(LambdaError.of(LambdaError.USER_EXCEPTION, failure)).get("stackTrace");
		assertThat(stackTrace).hasSize(2);
		assertThat(stackTrace.get(0).asString()).isEqualTo("com.example.Handler.handle(Handler.java:42)");
		assertThat(stackTrace.get(1).asString()).isEqualTo("com.example.Main.main(Native Method)");
	}

	@Test
	void keepsTheFramesOfARealException() {
		RuntimeException failure = thrownHere();
		LambdaError error = LambdaError.of(LambdaError.USER_EXCEPTION, failure);
		assertThat(error.stackTrace()).hasSameSizeAs(failure.getStackTrace());
		assertThat(error.stackTrace().get(0)).contains("LambdaErrorTests.thrownHere(LambdaErrorTests.java:");
	}

	@Test
	void nestsTheCauseWithItsOwnTypeMessageAndFrames() {
		IOException root = new IOException("disk full");
		UncheckedIOException wrapper = new UncheckedIOException("could not save", root);
		IllegalStateException top = new IllegalStateException("order failed", wrapper);
		JsonNode json = json(LambdaError.of(LambdaError.USER_EXCEPTION, top));
		JsonNode cause = json.get("cause");
		assertThat(cause.get("errorType").asString()).isEqualTo("java.io.UncheckedIOException");
		assertThat(cause.get("errorMessage").asString()).isEqualTo("could not save");
		assertThat(cause.get("stackTrace").isArray()).isTrue();
		JsonNode rootCause = cause.get("cause");
		assertThat(rootCause.get("errorType").asString()).isEqualTo("java.io.IOException");
		assertThat(rootCause.get("errorMessage").asString()).isEqualTo("disk full");
		assertThat(rootCause.has("cause")).isFalse();
	}

	@Test
	void givesTheCauseTheCategoryOfTheFailure() {
		LambdaError error = LambdaError.of(LambdaError.UNMARSHAL_ERROR,
				new InvalidEventException("bad", new IllegalArgumentException("field")));
		assertThat(error.category()).isEqualTo(LambdaError.UNMARSHAL_ERROR);
		assertThat(error.cause()).isNotNull();
		assertThat(error.cause().category()).isEqualTo(LambdaError.UNMARSHAL_ERROR);
	}

	@Test
	void truncatesAHugeMessageAndSaysHowLongItWas() {
		String huge = "x".repeat(1_000_000);
		LambdaError error = LambdaError.of(LambdaError.USER_EXCEPTION, new RuntimeException(huge));
		assertThat(error.errorMessage()).startsWith("x".repeat(LambdaError.MAX_MESSAGE_CHARS))
			.endsWith("... (1000000 characters in all)")
			.hasSizeLessThan(LambdaError.MAX_MESSAGE_CHARS + 100);
		assertThat(error.toJson().length).isLessThan(LambdaError.MAX_MESSAGE_CHARS + 10_000);
	}

	@Test
	void keepsAMessageOfExactlyTheLimit() {
		String message = "m".repeat(LambdaError.MAX_MESSAGE_CHARS);
		assertThat(LambdaError.of(LambdaError.USER_EXCEPTION, new RuntimeException(message)).errorMessage())
			.isEqualTo(message);
	}

	@Test
	void truncatesTheMessageOfAnErrorWithoutException() {
		LambdaError error = LambdaError.of(LambdaError.RESPONSE_TOO_LARGE, LambdaError.RESPONSE_TOO_LARGE,
				"y".repeat(LambdaError.MAX_MESSAGE_CHARS + 1));
		assertThat(error.errorMessage()).endsWith("characters in all)")
			.hasSizeLessThan(LambdaError.MAX_MESSAGE_CHARS + 100);
	}

	@Test
	void capsTheNumberOfFrames() {
		RuntimeException failure = new RuntimeException("deep");
		StackTraceElement[] frames = new StackTraceElement[5_000];
		for (int i = 0; i < frames.length; i++) {
			frames[i] = new StackTraceElement("com.example.Recursive", "call", "Recursive.java", i + 1);
		}
		failure.setStackTrace(frames);
		LambdaError error = LambdaError.of(LambdaError.USER_EXCEPTION, failure);
		assertThat(error.stackTrace()).hasSize(LambdaError.MAX_FRAMES);
		assertThat(error.stackTrace().get(0)).isEqualTo("com.example.Recursive.call(Recursive.java:1)");
		assertThat(json(error).get("stackTrace")).hasSize(LambdaError.MAX_FRAMES);
	}

	@Test
	void encodesAStackOverflowErrorWithinBounds() {
		StackOverflowError overflow = overflow();
		LambdaError error = LambdaError.of(LambdaError.USER_EXCEPTION, overflow);
		assertThat(error.errorType()).isEqualTo("java.lang.StackOverflowError");
		assertThat(error.stackTrace()).hasSizeLessThanOrEqualTo(LambdaError.MAX_FRAMES).isNotEmpty();
	}

	@Test
	void stopsAtACyclicCause() {
		RuntimeException first = new RuntimeException("first");
		RuntimeException second = new RuntimeException("second", first);
		first.initCause(second);
		LambdaError error = LambdaError.of(LambdaError.USER_EXCEPTION, first);
		assertThat(error.errorMessage()).isEqualTo("first");
		assertThat(error.cause()).isNotNull();
		assertThat(error.cause().errorMessage()).isEqualTo("second");
		assertThat(error.cause().cause()).isNull();
		assertThat(json(error).get("cause").has("cause")).isFalse();
	}

	@Test
	void stopsAtALongChainOfCauses() {
		Throwable failure = new RuntimeException("level 0");
		for (int i = 1; i <= 50; i++) {
			failure = new RuntimeException("level " + i, failure);
		}
		LambdaError error = LambdaError.of(LambdaError.USER_EXCEPTION, failure);
		List<String> messages = new ArrayList<>();
		for (LambdaError level = error; level != null; level = level.cause()) {
			messages.add(level.errorMessage());
		}
		assertThat(messages).hasSize(LambdaError.MAX_CAUSES + 1).startsWith("level 50", "level 49");
	}

	@Test
	void writesAnEmptyMessageForANullMessage() {
		JsonNode json = json(LambdaError.of(LambdaError.USER_EXCEPTION, new NullPointerException()));
		assertThat(json.get("errorMessage").isString()).isTrue();
		assertThat(json.get("errorMessage").asString()).isEmpty();
		assertThat(json.get("errorType").asString()).isEqualTo("java.lang.NullPointerException");
	}

	@Test
	void escapesQuotesLineBreaksAndNonAsciiInTheMessage() {
		String message = "line \"one\"\nline\ttwo \\ \u00e9\u4e2d\ud83d\ude00 \u0001";
		JsonNode json = json(LambdaError.of(LambdaError.USER_EXCEPTION, new RuntimeException(message)));
		assertThat(json.get("errorMessage").asString()).isEqualTo(message);
	}

	@Test
	void describesAFailureWithoutExceptionWithNoFrames() {
		LambdaError error = LambdaError.of(LambdaError.RESPONSE_TOO_LARGE, LambdaError.RESPONSE_TOO_LARGE,
				"The response is too large");
		JsonNode json = json(error);
		assertThat(error.category()).isEqualTo("Function.ResponseSizeTooLarge");
		assertThat(json.get("errorType").asString()).isEqualTo("Function.ResponseSizeTooLarge");
		assertThat(json.get("errorMessage").asString()).isEqualTo("The response is too large");
		assertThat(json.get("stackTrace")).isEmpty();
		assertThat(json.has("cause")).isFalse();
	}

	@Test
	void keepsTheCategoryOutOfTheBody() {
		LambdaError error = LambdaError.of(LambdaError.BAD_FUNCTION_CODE, new IllegalArgumentException("no function"));
		assertThat(error.category()).isEqualTo("Runtime.BadFunctionCode");
		assertThat(new String(error.toJson(), StandardCharsets.UTF_8))
			.doesNotContain("Runtime.BadFunctionCode");
	}

	private static JsonNode json(LambdaError error) {
		return JsonMapper.shared().readTree(error.toJson());
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private static RuntimeException thrownHere() {
		try {
			throw new IllegalStateException("here");
		}
		catch (IllegalStateException ex) {
			return ex;
		}
	}

	private static StackOverflowError overflow() {
		try {
			return recurse(0);
		}
		catch (StackOverflowError error) {
			return error;
		}
	}

	private static StackOverflowError recurse(int depth) {
		return recurse(depth + 1);
	}

	static final class OrderRejected extends RuntimeException {

		OrderRejected(String message) {
			super(message);
		}

	}

}
