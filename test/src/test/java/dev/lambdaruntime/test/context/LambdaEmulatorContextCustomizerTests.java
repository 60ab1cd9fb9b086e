package dev.lambdaruntime.test.context;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.DelegatingSmartContextLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LambdaEmulatorContextCustomizerTests {

	private final LambdaEmulatorContextCustomizerFactory factory = new LambdaEmulatorContextCustomizerFactory();

	@Test
	void testsWithTheSameSettingsGetEqualCustomizersSoTheyShareTheContext() {
		assertThat(customizerFor(GreetWithin30Seconds.class)).isEqualTo(customizerFor(GreetWithinPT30S.class))
			.hasSameHashCodeAs(customizerFor(GreetWithinPT30S.class));
	}

	@Test
	void testsWithOtherSettingsGetOtherCustomizers() {
		assertThat(customizerFor(GreetWithin30Seconds.class)).isNotEqualTo(customizerFor(Defaults.class))
			.isNotEqualTo(customizerFor(GreetWithin5Seconds.class));
	}

	@Test
	void defaultsToTheApplicationsFunctionAndA30SecondTimeout() {
		assertThat(customizerFor(Defaults.class)).isEqualTo(new LambdaEmulatorContextCustomizer("", Duration.ofSeconds(30)));
	}

	@Test
	void aNestedClassMayOverrideTheSettingsOfTheClassAroundIt() {
		assertThat(customizerFor(Defaults.Greet.class))
			.isEqualTo(new LambdaEmulatorContextCustomizer("greet", Duration.ofSeconds(30)));
	}

	@Test
	void testsWithoutTheAnnotationGetNoCustomizer() {
		assertThat(customizerFor(LambdaEmulatorContextCustomizerTests.class)).isNull();
	}

	@Test
	void rejectsATimeoutThatIsNotADuration() {
		assertThatIllegalArgumentException().isThrownBy(() -> customizerFor(NotADuration.class))
			.withMessage("The timeout 'soon' of @AutoConfigureLambdaEmulator on " + NotADuration.class.getName()
					+ " is not a duration, such as 30s or PT30S");
	}

	@Test
	void setsTheDefinitionAndTheRuntimeApiAddressOfTheEmulator() {
		try (GenericApplicationContext context = customized(new LambdaEmulatorContextCustomizer("greet",
				Duration.ofSeconds(30)))) {
			context.refresh();
			assertThat(context.getEnvironment().getProperty("lambda.runtime.api"))
				.isEqualTo(context.getBean(LambdaEmulator.class).runtimeApi());
			assertThat(context.getEnvironment().getProperty("spring.cloud.function.definition")).isEqualTo("greet");
			assertThat(context.getBean(LambdaTestClient.class)).isNotNull();
		}
	}

	@Test
	void leavesTheDefinitionToTheApplicationByDefault() {
		try (GenericApplicationContext context = customized(new LambdaEmulatorContextCustomizer("",
				Duration.ofSeconds(30)))) {
			assertThat(context.getEnvironment().containsProperty("spring.cloud.function.definition")).isFalse();
		}
	}

	@Test
	void givesInvocationsTheTimeoutAsTheirDeadline() throws Exception {
		try (GenericApplicationContext context = customized(new LambdaEmulatorContextCustomizer("",
				Duration.ofSeconds(7)))) {
			LambdaEmulator emulator = context.getBeanFactory().getBean(LambdaEmulator.class);
			long before = System.currentTimeMillis();
			emulator.invoke("{}");
			HttpResponse<Void> next = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.build()
				.send(HttpRequest.newBuilder(URI.create("http://" + emulator.runtimeApi()
						+ "/2018-06-01/runtime/invocation/next")).build(), BodyHandlers.discarding());
			long after = System.currentTimeMillis();
			assertThat(next.headers().firstValueAsLong("Lambda-Runtime-Deadline-Ms").orElseThrow())
				.isBetween(before + 7000, after + 7000);
		}
	}

	@Test
	void closesTheEmulatorAfterTheLifecycleBeansStopped() {
		AtomicBoolean emulatorOpenWhenStopped = new AtomicBoolean();
		LambdaEmulator emulator;
		try (GenericApplicationContext context = customized(new LambdaEmulatorContextCustomizer("",
				Duration.ofSeconds(30)))) {
			emulator = context.getBeanFactory().getBean(LambdaEmulator.class);
			context.registerBean(SmartLifecycle.class, () -> new RuntimeStandIn(emulator, emulatorOpenWhenStopped));
			context.refresh();
		}
		assertThat(emulatorOpenWhenStopped).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> emulator.invoke("{}"))
			.withMessage("The Lambda emulator is closed");
	}

	@Test
	void closesTheEmulatorWhenTheContextFailsToRefresh() {
		try (GenericApplicationContext context = customized(new LambdaEmulatorContextCustomizer("",
				Duration.ofSeconds(30)))) {
			LambdaEmulator emulator = context.getBeanFactory().getBean(LambdaEmulator.class);
			context.registerBean("failing", String.class, () -> {
				throw new IllegalStateException("Cannot start");
			});
			assertThatExceptionOfType(BeanCreationException.class).isThrownBy(context::refresh);
			assertThatIllegalStateException().isThrownBy(() -> emulator.invoke("{}"))
				.withMessage("The Lambda emulator is closed");
		}
	}

	private ContextCustomizer customizerFor(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
	}

	private static GenericApplicationContext customized(LambdaEmulatorContextCustomizer customizer) {
		GenericApplicationContext context = new GenericApplicationContext();
		customizer.customizeContext(context, new MergedContextConfiguration(LambdaEmulatorContextCustomizerTests.class,
				null, null, null, new DelegatingSmartContextLoader()));
		return context;
	}

	/**
	 * Stands in for the runtime loop: on stop, checks whether the emulator still takes
	 * invocations.
	 */
	private static final class RuntimeStandIn implements SmartLifecycle {

		private final LambdaEmulator emulator;

		private final AtomicBoolean emulatorOpenWhenStopped;

		private volatile boolean running;

		RuntimeStandIn(LambdaEmulator emulator, AtomicBoolean emulatorOpenWhenStopped) {
			this.emulator = emulator;
			this.emulatorOpenWhenStopped = emulatorOpenWhenStopped;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.emulatorOpenWhenStopped.set(!this.emulator.invoke("{}").isDone());
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

	}

	@AutoConfigureLambdaEmulator
	static class Defaults {

		@AutoConfigureLambdaEmulator(definition = "greet")
		class Greet {

		}

	}

	@AutoConfigureLambdaEmulator(definition = "greet", timeout = "30s")
	static class GreetWithin30Seconds {

	}

	@AutoConfigureLambdaEmulator(definition = "greet", timeout = "PT30S")
	static class GreetWithinPT30S {

	}

	@AutoConfigureLambdaEmulator(definition = "greet", timeout = "5s")
	static class GreetWithin5Seconds {

	}

	@AutoConfigureLambdaEmulator(timeout = "soon")
	static class NotADuration {

	}

}
