package dev.lambdaruntime.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * End-to-end tests of an {@link InvocationHandlerCustomizer} that audits each invocation, served
 * by the real loop from the emulator: it sees every invocation with its outcome and duration, and
 * the answers the invoker gets stay what the function made of them.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvocationHandlerCustomizerEndToEndTests {

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	@Test
	void auditingCustomizerSeesEachInvocationItsOutcomeAndItsDuration(CapturedOutput output) {
		LambdaRuntimeContextRunner.against(this.emulator).withUserConfiguration(Audited.class).run((context) -> {
			InvocationResult greeted = invoke(InvocationRequest.builder("\"Ada\"").requestId("audit-1").build());
			InvocationResult failed = invoke(InvocationRequest.builder("\"fail\"").requestId("audit-2").build());

			assertThat(greeted.payloadAsString()).isEqualTo("\"Hello, Ada\"");
			assertThat(failed.isError()).isTrue();
			assertThat(failed.payloadAsString()).contains("java.lang.IllegalStateException").contains("failed on purpose");
			List<Audit> audits = context.getBean(Audited.class).audits;
			assertThat(audits).extracting(Audit::requestId, Audit::outcome)
				.containsExactly(tuple("audit-1", "success"),
						tuple("audit-2", "java.lang.IllegalStateException"));
			assertThat(audits).allSatisfy((audit) -> assertThat(audit.nanos()).isPositive());
		});
		assertThat(output).contains("Invocation audit-2 failed");
	}

	private InvocationResult invoke(InvocationRequest request) throws Exception {
		return this.emulator.invoke(request).get(30, TimeUnit.SECONDS);
	}

	record Audit(String requestId, String outcome, long nanos) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Audited {

		final List<Audit> audits = new CopyOnWriteArrayList<>();

		@Bean
		InvocationHandlerCustomizer audit() {
			return (handler) -> (invocation, context) -> {
				long start = System.nanoTime();
				String outcome = "success";
				try {
					return handler.handle(invocation, context);
				}
				catch (Exception ex) {
					outcome = ex.getClass().getName();
					throw ex;
				}
				finally {
					this.audits.add(new Audit(invocation.requestId(), outcome, System.nanoTime() - start));
				}
			};
		}

		@Bean
		Function<String, String> greet() {
			return (name) -> {
				if (name.equals("fail")) {
					throw new IllegalStateException("failed on purpose");
				}
				return "Hello, " + name;
			};
		}

	}

}
