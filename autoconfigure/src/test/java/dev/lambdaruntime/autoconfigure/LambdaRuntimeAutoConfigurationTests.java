package dev.lambdaruntime.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.function.FunctionSelectionException;
import dev.lambdaruntime.logging.LambdaJsonLogFormatter;
import dev.lambdaruntime.function.FunctionInvocationHandler;
import dev.lambdaruntime.observation.ObservedInvocationHandler;
import dev.lambdaruntime.runtime.CurrentInvocationContext;
import dev.lambdaruntime.runtime.InvocationHandler;
import dev.lambdaruntime.runtime.InvocationResponse;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AutoClose;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LambdaRuntimeAutoConfiguration}: one test per condition and per function
 * selection rule.
 */
class LambdaRuntimeAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = LambdaRuntimeContextRunner.create();

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	@Test
	void whenRuntimeApiIsUnsetThenNoLoopIsStarted() {
		this.contextRunner.withUserConfiguration(OneFunction.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(LambdaRuntimeLifecycle.class);
			assertThat(loopConditionMessages(context)).contains("neither lambda.runtime.api nor the AWS_LAMBDA_RUNTIME_API environment variable is set");
		});
		assertThat(this.emulator.exchanges()).isEmpty();
	}

	@Test
	void whenRuntimeApiIsUnsetThenSeveralFunctionsStartNormally() {
		this.contextRunner.withUserConfiguration(TwoFunctions.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LambdaRuntimeLifecycle.class));
	}

	@Test
	void whenRuntimeApiVariableIsSetThenTheLoopServesInvocations() {
		this.contextRunner.withUserConfiguration(OneFunction.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi())
			.run((context) -> {
				assertThat(context).hasSingleBean(LambdaRuntimeLifecycle.class);
				assertThat(invoke("\"hello\"").payloadAsString()).isEqualTo("\"HELLO\"");
				assertThat(loopConditionMessages(context)).contains("AWS_LAMBDA_RUNTIME_API is set to '" + this.emulator.runtimeApi() + "'");
			});
	}

	@Test
	void duringAotProcessingTheLoopIsRegisteredAndDecidesAtStartup() {
		this.contextRunner.withUserConfiguration(TwoFunctions.class)
			.withSystemProperties("spring.aot.processing=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(LambdaRuntimeLifecycle.class);
				assertThat(context.getBean(LambdaRuntimeLifecycle.class).isRunning()).isFalse();
				assertThat(loopConditionMessages(context)).contains("Spring AOT is processing");
			});
		assertThat(this.emulator.exchanges()).isEmpty();
	}

	@Test
	void runtimeHintsCoverTheJsonLogFormatter() {
		RuntimeHints hints = new RuntimeHints();
		new LambdaRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(LambdaJsonLogFormatter.class)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(hints);
	}

	@Test
	void runtimeApiPropertyOverridesTheVariable() {
		this.contextRunner.withUserConfiguration(OneFunction.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=127.0.0.1:1", "lambda.runtime.api=" + this.emulator.runtimeApi())
			.run((context) -> assertThat(invoke("\"hello\"").payloadAsString()).isEqualTo("\"HELLO\""));
	}

	@Test
	void whenDisabledThenNoLoopIsStartedEvenWithARuntimeApi() {
		this.contextRunner.withUserConfiguration(OneFunction.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(), "lambda.runtime.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(LambdaRuntimeLifecycle.class).hasSingleBean(Context.class);
				assertThat(loopConditionMessages(context)).contains("lambda.runtime.enabled is false");
			});
		assertThat(this.emulator.exchanges()).isEmpty();
	}

	@Test
	void whenRuntimeApiIsUnsetThenNoInvocationHandlerIsDefined() {
		this.contextRunner.withUserConfiguration(OneFunction.class, TwoCustomizers.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InvocationHandler.class));
	}

	@Test
	void invocationHandlerIsTheSelectedFunctionWhenNothingWrapsIt() {
		this.contextRunner.withUserConfiguration(OneFunction.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi())
			.run((context) -> assertThat(context).getBean(InvocationHandler.class)
				.isInstanceOf(FunctionInvocationHandler.class)
				.hasToString("function 'uppercase'"));
	}

	@Test
	void backsOffWhenUserDefinesInvocationHandlerBean() {
		this.contextRunner.withUserConfiguration(TwoFunctions.class, UserHandler.class, TwoCustomizers.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi())
			.run((context) -> {
				assertThat(context).hasNotFailed().getBean(InvocationHandler.class).isSameAs(UserHandler.HANDLER);
				assertThat(invoke("\"ignored\"").payloadAsString()).isEqualTo("\"from the user's handler\"");
				assertThat(context.getBean(TwoCustomizers.class).calls).isEmpty();
			});
	}

	@Test
	void customizersWrapTheFunctionFirstInOrderOutermost() {
		this.contextRunner.withUserConfiguration(OneFunction.class, TwoCustomizers.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi())
			.run((context) -> {
				assertThat(invoke("\"abc\"").payloadAsString()).isEqualTo("\"ABC\"");
				assertThat(context.getBean(TwoCustomizers.class).calls).containsExactly("outer before", "inner before",
						"inner after \"ABC\"", "outer after \"ABC\"");
			});
	}

	@Test
	void observationWrapsTheCustomizedHandlerWhenARegistryIsDefined() {
		this.contextRunner.withUserConfiguration(OneFunction.class, TwoCustomizers.class)
			.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi())
			.run((context) -> assertThat(context).getBean(InvocationHandler.class)
				.isInstanceOf(ObservedInvocationHandler.class));
	}

	@Test
	void aLambdaRuntimeSettingThatDoesNotBindFailsTheStartNamingIt() {
		this.contextRunner.withUserConfiguration(OneFunction.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(), "lambda.runtime.enabled=maybe")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'lambda.runtime.enabled'"));
		assertThat(this.emulator.exchanges()).isEmpty();
	}

	@Test
	void contextBeanExistsWithoutRuntimeApiAndFailsClearlyOutsideAnInvocation() {
		this.contextRunner.withUserConfiguration(OneFunction.class).run((context) -> {
			assertThat(context).getBean(Context.class).isInstanceOf(CurrentInvocationContext.class);
			assertThatIllegalStateException().isThrownBy(() -> context.getBean(Context.class).getAwsRequestId())
				.withMessageContaining("No Lambda invocation is in progress");
		});
	}

	@Test
	void backsOffWhenUserDefinesContextBean() {
		this.contextRunner.withUserConfiguration(OneFunction.class, UserContext.class)
			.run((context) -> assertThat(context).getBean(Context.class).isSameAs(UserContext.CONTEXT));
	}

	@Test
	void withOneFunctionThatFunctionIsServed() {
		this.contextRunner.withUserConfiguration(OneFunction.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(), "_HANDLER=bootstrap")
			.run((context) -> assertThat(invoke("\"abc\"").payloadAsString()).isEqualTo("\"ABC\""));
	}

	@Test
	void withSeveralFunctionsAndNoDefinitionStartupFailsNamingTheCandidates() {
		this.contextRunner.withUserConfiguration(TwoFunctions.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(FunctionSelectionException.class)
				.hasMessageContaining("[lowercase, uppercase]")
				.hasMessageContaining("spring.cloud.function.definition"));
	}

	@Test
	void withNoFunctionStartupFails() {
		this.contextRunner.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(FunctionSelectionException.class)
				.hasMessageContaining("No function to serve"));
	}

	@Test
	void definitionSelectsOneOfSeveralFunctions() {
		this.contextRunner.withUserConfiguration(TwoFunctions.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(),
					"spring.cloud.function.definition=lowercase", "_HANDLER=uppercase")
			.run((context) -> assertThat(invoke("\"AbC\"").payloadAsString()).isEqualTo("\"abc\""));
	}

	@Test
	void definitionNamingNoFunctionFailsNamingTheCandidates() {
		this.contextRunner.withUserConfiguration(TwoFunctions.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(),
					"spring.cloud.function.definition=reverse")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(FunctionSelectionException.class)
				.hasMessageContaining("'reverse'")
				.hasMessageContaining("[lowercase, uppercase]"));
	}

	@Test
	void definitionMayComposeFunctions() {
		this.contextRunner.withUserConfiguration(TwoFunctions.class, Exclaim.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(),
					"spring.cloud.function.definition=uppercase|exclaim")
			.run((context) -> assertThat(invoke("\"hey\"").payloadAsString()).isEqualTo("\"HEY!\""));
	}

	@Test
	void handlerSelectsAFunctionWhenItNamesOne() {
		this.contextRunner.withUserConfiguration(TwoFunctions.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(), "_HANDLER=lowercase")
			.run((context) -> assertThat(invoke("\"AbC\"").payloadAsString()).isEqualTo("\"abc\""));
	}

	@Test
	void supplierIsAFunctionCandidateToo() {
		this.contextRunner.withUserConfiguration(OneSupplier.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi())
			.run((context) -> assertThat(invoke("{\"ignored\":true}").payloadAsString()).isEqualTo("\"supplied\""));
	}

	private static String loopConditionMessages(AssertableApplicationContext context) {
		ConditionAndOutcomes outcomes = ConditionEvaluationReport.get(context.getBeanFactory())
			.getConditionAndOutcomesBySource()
			.get(LambdaRuntimeAutoConfiguration.RuntimeLoopConfiguration.class.getName());
		return StreamSupport.stream(outcomes.spliterator(), false)
			.map((outcome) -> outcome.getOutcome().getMessage())
			.collect(Collectors.joining("\n"));
	}

	private InvocationResult invoke(String event) throws Exception {
		return this.emulator.invoke(event).get(10, TimeUnit.SECONDS);
	}

	@Configuration(proxyBeanMethods = false)
	static class OneFunction {

		@Bean
		Function<String, String> uppercase() {
			return String::toUpperCase;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoFunctions {

		@Bean
		Function<String, String> uppercase() {
			return String::toUpperCase;
		}

		@Bean
		Function<String, String> lowercase() {
			return String::toLowerCase;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Exclaim {

		@Bean
		Function<String, String> exclaim() {
			return (text) -> text + "!";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OneSupplier {

		@Bean
		Supplier<String> supply() {
			return () -> "supplied";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandler {

		static final InvocationHandler HANDLER = (invocation, context) -> InvocationResponse
			.of("\"from the user's handler\"".getBytes(StandardCharsets.UTF_8));

		@Bean
		InvocationHandler userHandler() {
			return HANDLER;
		}

	}

	/** Two customizers that record the order they see each invocation and its response in. */
	@Configuration(proxyBeanMethods = false)
	static class TwoCustomizers {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		InvocationHandlerCustomizer inner() {
			return (handler) -> recording("inner", handler);
		}

		@Bean
		@Order(1)
		InvocationHandlerCustomizer outer() {
			return (handler) -> recording("outer", handler);
		}

		private InvocationHandler recording(String name, InvocationHandler handler) {
			return (invocation, context) -> {
				this.calls.add(name + " before");
				InvocationResponse response = handler.handle(invocation, context);
				this.calls.add(name + " after "
						+ new String(((InvocationResponse.Buffered) response).body(), StandardCharsets.UTF_8));
				return response;
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserContext {

		static final Context CONTEXT = new CurrentInvocationContext();

		@Bean
		Context userContext() {
			return CONTEXT;
		}

	}

}
