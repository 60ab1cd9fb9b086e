package dev.lambdaruntime.emulator;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Timeout(30)
@ExtendWith(OutputCaptureExtension.class)
class LambdaEmulatorLifecycleTest {

	@Test
	void runtimeApiIsTheLoopbackAddressAndARandomPort() {
		try (LambdaEmulator emulator = LambdaEmulator.start()) {
			assertThat(emulator.port()).isPositive();
			assertThat(emulator.runtimeApi()).isEqualTo("127.0.0.1:" + emulator.port());
		}
	}

	@Test
	void loopbackAddressIsNotWarnedAbout(CapturedOutput output) {
		try (LambdaEmulator emulator = LambdaEmulator.builder().host("localhost").build()) {
			assertThat(emulator.runtimeApi()).isEqualTo("127.0.0.1:" + emulator.port());
		}
		assertThat(output).doesNotContain("WARNING");
	}

	@Test
	void listeningOnAnotherAddressIsWarnedAboutAndTheRuntimeApiStaysLocal(CapturedOutput output) {
		try (LambdaEmulator emulator = LambdaEmulator.builder().host("0.0.0.0").build()) {
			assertThat(emulator.runtimeApi()).isEqualTo("127.0.0.1:" + emulator.port());
			assertThat(output).contains("WARNING: the Lambda emulator listens on 0.0.0.0:" + emulator.port())
				.contains("no authentication");
		}
	}

	@Test
	void startingAnEmulatorLeavesTheJvmsSystemPropertiesAlone() throws Exception {
		Process process = new ProcessBuilder(JavaCommand.of(SystemPropertyChanges.class))
			.redirectError(Redirect.DISCARD)
			.start();
		String changes = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).isZero();
		assertThat(changes).isEmpty();
	}

	@Test
	void invokeUrlNamesTheFunction() {
		try (LambdaEmulator emulator = LambdaEmulator.builder().functionName("orders").build()) {
			assertThat(emulator.invokeUrl())
				.isEqualTo("http://127.0.0.1:" + emulator.port() + "/2015-03-31/functions/orders/invocations");
		}
	}

	@Test
	void emulatorListensOnTheConfiguredPort() throws IOException {
		int freePort;
		try (ServerSocket socket = new ServerSocket(0)) {
			freePort = socket.getLocalPort();
		}
		try (LambdaEmulator emulator = LambdaEmulator.builder().port(freePort).build()) {
			assertThat(emulator.port()).isEqualTo(freePort);
		}
	}

	@Test
	void closeCompletesUnfinishedInvocationsExceptionally() throws Exception {
		LambdaEmulator emulator = LambdaEmulator.start();
		RuntimeClient runtime = new RuntimeClient(emulator);
		CompletableFuture<InvocationResult> running = emulator.invoke("{\"n\":1}");
		runtime.awaitNext();
		CompletableFuture<InvocationResult> queued = emulator.invoke("{\"n\":2}");

		emulator.close();

		assertThat(running).isCompletedExceptionally();
		assertThat(queued).isCompletedExceptionally();
		assertThatThrownBy(queued::join).isInstanceOf(CompletionException.class)
			.hasCauseInstanceOf(IllegalStateException.class)
			.hasMessageContaining("closed");
	}

	@Test
	void closeReleasesAWaitingNextByClosingItsConnection() {
		LambdaEmulator emulator = LambdaEmulator.start();
		CompletableFuture<HttpResponse<byte[]>> next = new RuntimeClient(emulator).next();
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !next.isDone());

		emulator.close();

		assertThat(next).failsWithin(RuntimeClient.WAIT)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(IOException.class);
	}

	@Test
	void invokeAfterCloseIsRefused() {
		LambdaEmulator emulator = LambdaEmulator.start();
		emulator.close();

		assertThatIllegalStateException().isThrownBy(() -> emulator.invoke("{}"));
	}

	@Test
	void closeCanBeCalledTwice() {
		LambdaEmulator emulator = LambdaEmulator.start();
		emulator.close();
		emulator.close();

		assertThatIllegalStateException().isThrownBy(() -> emulator.invoke("{}"));
	}

	@Test
	void requestIdOfAnUnfinishedInvocationCannotBeReused() {
		try (LambdaEmulator emulator = LambdaEmulator.start()) {
			emulator.invoke(InvocationRequest.builder("{}").requestId("same").build());

			assertThatIllegalArgumentException()
				.isThrownBy(() -> emulator.invoke(InvocationRequest.builder("{}").requestId("same").build()));
		}
	}

	@Test
	void requestIdOfAFinishedInvocationCanBeReused() throws Exception {
		try (LambdaEmulator emulator = LambdaEmulator.start()) {
			RuntimeClient runtime = new RuntimeClient(emulator);
			CompletableFuture<InvocationResult> first = emulator
				.invoke(InvocationRequest.builder("{}").requestId("same").build());
			runtime.awaitNext();
			runtime.respond("same", "1");
			assertThat(first).succeedsWithin(RuntimeClient.WAIT);

			CompletableFuture<InvocationResult> second = emulator
				.invoke(InvocationRequest.builder("{}").requestId("same").build());
			runtime.awaitNext();
			runtime.respond("same", "2");

			assertThat(second).succeedsWithin(RuntimeClient.WAIT)
				.satisfies((invocation) -> assertThat(invocation.payloadAsString()).isEqualTo("2"));
		}
	}

	@Test
	void cancellingTheReturnedFutureLeavesTheInvocationRunning() throws Exception {
		try (LambdaEmulator emulator = LambdaEmulator.start()) {
			RuntimeClient runtime = new RuntimeClient(emulator);
			emulator.invoke("{}").cancel(true);
			String requestId = RuntimeClient.requestId(runtime.awaitNext());

			assertThat(runtime.respond(requestId, "{}").statusCode()).isEqualTo(202);
		}
	}

	@Test
	void builderRejectsInvalidSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> LambdaEmulator.builder().port(70000));
		assertThatIllegalArgumentException().isThrownBy(() -> LambdaEmulator.builder().timeout(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> LambdaEmulator.builder().functionName("my function"));
		assertThatIllegalArgumentException().isThrownBy(() -> LambdaEmulator.builder().maxConcurrency(0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LambdaEmulator.builder().host("no-such-host.invalid").build());
	}

}
