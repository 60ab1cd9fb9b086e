package dev.lambdaruntime.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InvocationRequestTest {

	@Test
	void defaultsAreARandomRequestIdAndAnUnsampledTraceId() {
		InvocationRequest first = InvocationRequest.of("{}");
		InvocationRequest second = InvocationRequest.of("{}");

		assertThat(first.requestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
			.isNotEqualTo(second.requestId());
		assertThat(first.traceId()).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0")
			.isNotEqualTo(second.traceId());
		assertThat(first.clientContext()).isEmpty();
		assertThat(first.cognitoIdentity()).isEmpty();
		assertThat(first.tenantId()).isEmpty();
		assertThat(first.invokedFunctionArn()).isEmpty();
		assertThat(first.timeout()).isEmpty();
	}

	@Test
	void jsonEventIsSentAsUtf8() {
		assertThat(InvocationRequest.of("\"é\"").payload()).isEqualTo("\"é\"".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void payloadCannotBeChangedFromOutside() {
		byte[] event = { 1, 2, 3 };
		InvocationRequest request = InvocationRequest.builder(event).build();

		event[0] = 9;
		request.payload()[1] = 9;

		assertThat(request.payload()).containsExactly(1, 2, 3);
	}

	@Test
	void payloadLengthIsTheNumberOfEventBytes() {
		assertThat(InvocationRequest.of("\"é\"").payloadLength()).isEqualTo(4);
		assertThat(InvocationRequest.builder(new byte[0]).build().payloadLength()).isZero();
	}

	@Test
	void suppliedDetailsAreKept() {
		InvocationRequest request = InvocationRequest.builder("{}")
			.requestId("id")
			.traceId("Root=1-00000000-000000000000000000000000")
			.clientContext("{}")
			.cognitoIdentity("{\"id\":1}")
			.tenantId("tenant")
			.invokedFunctionArn("arn:aws:lambda:us-east-1:000000000000:function:f:1")
			.timeout(Duration.ofSeconds(3))
			.build();

		assertThat(request.requestId()).isEqualTo("id");
		assertThat(request.traceId()).isEqualTo("Root=1-00000000-000000000000000000000000");
		assertThat(request.clientContext()).hasValue("{}");
		assertThat(request.cognitoIdentity()).hasValue("{\"id\":1}");
		assertThat(request.tenantId()).hasValue("tenant");
		assertThat(request.invokedFunctionArn()).hasValue("arn:aws:lambda:us-east-1:000000000000:function:f:1");
		assertThat(request.timeout()).hasValue(Duration.ofSeconds(3));
	}

	@Test
	void valuesSentAsHeadersMustNotContainLineBreaks() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InvocationRequest.builder("{}").clientContext("{\n\"a\":1\n}"));
		assertThatIllegalArgumentException().isThrownBy(() -> InvocationRequest.builder("{}").tenantId("a\rb"));
	}

	@Test
	void blankRequestIdAndNonPositiveTimeoutAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> InvocationRequest.builder("{}").requestId(" "));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InvocationRequest.builder("{}").timeout(Duration.ofMillis(-1)));
	}

}
