package dev.lambdaruntime.emulator;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lambdaruntime.emulator.http.RequestBody;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Runtime API answers as Lambda does. Each rule names its source: a file of the Runtime
 * Interface Emulator (github.com/aws/aws-lambda-runtime-interface-emulator, "RIE") or a page of
 * the Lambda documentation.
 */
@Timeout(30)
class RuntimeApiConformanceTest {

	private final List<String> log = new CopyOnWriteArrayList<>();

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder().logOutput(this.log::add).build();

	private final RuntimeClient runtime = new RuntimeClient(this.emulator);

	/** RIE {@code interop/model.go} MaxPayloadSize and {@code rapi/handler/invocationresponse.go}. */
	@Test
	void responseOverSixMebibytesAndAHundredBytesEndsTheInvocationWithResponseSizeTooLarge() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		HttpResponse<String> answer = this.runtime.respond(requestId,
				BodyPublishers.ofByteArray(new byte[6 * 1024 * 1024 + 101]));

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(result).succeedsWithin(RuntimeClient.WAIT).satisfies((invocation) -> {
			assertThat(RuntimeClient.jsonField(invocation.payloadAsString(), "errorType"))
				.isEqualTo("Function.ResponseSizeTooLarge");
			assertThat(RuntimeClient.jsonField(invocation.payloadAsString(), "errorMessage")).isEqualTo(
					"Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).");
		});
		assertThat(this.runtime.error(requestId, "Function.ResponseSizeTooLarge", "{}").statusCode()).isEqualTo(403);
	}

	/** RIE {@code interop/model.go}: the limit is 6 MiB + 100 bytes, inclusive. */
	@Test
	void responseOfExactlyTheLimitIsAccepted() throws Exception {
		this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		assertThat(this.runtime.respond(requestId, BodyPublishers.ofByteArray(new byte[RequestBody.MAX_LENGTH]))
			.statusCode()).isEqualTo(202);
	}

	/** RIE {@code rie/handlers.go}: the invocation's timer starts when the invoke arrives. */
	@Test
	void invocationThatNoRuntimeTakesTimesOut() {
		CompletableFuture<InvocationResult> result = this.emulator
			.invoke(InvocationRequest.builder("{}").timeout(Duration.ofMillis(100)).build());

		assertThat(result).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((invocation) -> assertThat(invocation.errorType()).isEqualTo("Sandbox.Timedout"));
	}

	/** RIE {@code rapi/handler/initerror.go}: init errors only while the runtime initializes. */
	@Test
	void initErrorAfterNextIsAnInvalidStateTransition() throws Exception {
		this.emulator.invoke("{}");
		this.runtime.awaitNext();

		HttpResponse<String> answer = this.runtime.initError("Runtime.Unknown", "{}");

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(RuntimeClient.jsonField(answer.body(), "errorType")).isEqualTo("InvalidStateTransition");
	}

	/** RIE {@code rapi/handler/invocationnext.go}: a runtime that failed to initialize gets no event. */
	@Test
	void nextAfterAnInitErrorHandsNoEvent() throws Exception {
		assertThat(this.runtime.initError("Runtime.Unknown", "{}").statusCode()).isEqualTo(202);
		this.emulator.invoke("{}");

		HttpResponse<byte[]> next = this.runtime.awaitNext();

		assertThat(next.statusCode()).isEqualTo(403);
		assertThat(RuntimeClient.jsonField(new String(next.body()), "errorType")).isEqualTo("InvalidStateTransition");
	}

	/** RIE {@code rapi/handler/invocationresponse.go}: one answer per invocation. */
	@Test
	void secondResponseForAnInvocationIsAnInvalidStateTransition() throws Exception {
		this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		this.runtime.respond(requestId, "1");

		HttpResponse<String> second = this.runtime.respond(requestId, "2");

		assertThat(second.statusCode()).isEqualTo(403);
		assertThat(RuntimeClient.jsonField(second.body(), "errorType")).isEqualTo("InvalidStateTransition");
	}

	/** RIE {@code rapi/handler/invocationresponse.go} and {@code rapi/rendering/render_error.go}. */
	@Test
	void invalidResponseModeIsRefusedAndFailsTheInvocation() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		HttpResponse<String> answer = this.runtime.send(this.runtime
			.request("/runtime/invocation/" + requestId + "/response")
			.header(RuntimeApiProtocol.RESPONSE_MODE, "buffered")
			.POST(BodyPublishers.ofString("{}")));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(RuntimeClient.jsonField(answer.body(), "errorType")).isEqualTo("InvalidFunctionResponseMode");
		assertThat(result).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((invocation) -> assertThat(invocation.errorType()).isEqualTo("Runtime.InvalidResponseModeHeader"));
	}

	/** RIE {@code rapi/router.go}: routes are bound to a method (chi answers others with 405). */
	@Test
	void wrongMethodOnAKnownPathIsNotAllowed() throws Exception {
		assertThat(this.runtime.send(this.runtime.request("/runtime/invocation/next").DELETE()).statusCode())
			.isEqualTo(405);
		assertThat(this.runtime.send(this.runtime.request("/runtime/init/error").GET()).statusCode()).isEqualTo(405);
		assertThat(this.runtime.send(this.runtime.request("/runtime/invocation/x/response").GET()).statusCode())
			.isEqualTo(405);
	}

	/** RIE {@code rapi/handler/invocationerror.go} and {@code mime_type_error_cause_json.go}. */
	@Test
	void errorWithACauseReachesTheInvokerWithoutIt() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		this.runtime.send(this.runtime.request("/runtime/invocation/" + requestId + "/error")
			.header("Content-Type", "application/vnd.aws.lambda.error.cause+json")
			.POST(BodyPublishers.ofString("{\"errorMessage\":\"boom\",\"errorType\":\"Oops\",\"stackTrace\":[\"a\"],"
					+ "\"errorCause\":{\"paths\":[],\"working_directory\":\"/\",\"exceptions\":[]}}")));

		assertThat(result).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((invocation) -> assertThat(invocation.payloadAsString())
				.isEqualTo("{\"errorMessage\":\"boom\",\"errorType\":\"Oops\",\"stackTrace\":[\"a\"]}"));
	}

	/** RIE {@code rie/handlers.go} printEndReports, and Lambda's "Lambda function logs" page. */
	@Test
	void eachInvocationHasStartEndAndReportLines() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		this.runtime.respond(requestId, "{}");
		assertThat(result).succeedsWithin(RuntimeClient.WAIT);

		assertThat(this.log).hasSize(3);
		assertThat(this.log.get(0)).isEqualTo("START RequestId: " + requestId + " Version: $LATEST");
		assertThat(this.log.get(1)).isEqualTo("END RequestId: " + requestId);
		assertThat(this.log.get(2)).matches("REPORT RequestId: " + requestId + "\tDuration: \\d+\\.\\d{2} ms\t"
				+ "Billed Duration: \\d+ ms\tMemory Size: 512 MB\tMax Memory Used: \\d+ MB\t"
				+ "Init Duration: \\d+\\.\\d{2} ms\t");
	}

	/** Lambda's "Lambda function logs" page: Init Duration only on a cold start. */
	@Test
	void onlyTheFirstInvocationReportsAnInitDuration() throws Exception {
		for (int i = 0; i < 2; i++) {
			CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
			this.runtime.respond(RuntimeClient.requestId(this.runtime.awaitNext()), "{}");
			assertThat(result).succeedsWithin(RuntimeClient.WAIT);
		}

		assertThat(this.log).filteredOn((line) -> line.startsWith("REPORT"))
			.satisfiesExactly((first) -> assertThat(first).contains("Init Duration"),
					(second) -> assertThat(second).doesNotContain("Init Duration"));
	}

}
