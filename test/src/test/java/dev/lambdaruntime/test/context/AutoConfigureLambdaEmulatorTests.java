package dev.lambdaruntime.test.context;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.lambdaruntime.emulator.FakeRuntime;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = AutoConfigureLambdaEmulatorTests.FunctionApplication.class,
		webEnvironment = WebEnvironment.NONE)
@AutoConfigureLambdaEmulator(definition = "shout")
class AutoConfigureLambdaEmulatorTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private LambdaEmulator emulator;

	@Autowired
	private LambdaTestClient lambda;

	@Test
	void pointsTheApplicationAtTheEmulatorBeforeTheContextRefreshes() {
		assertThat(this.context.getEnvironment().getProperty("lambda.runtime.api"))
			.isEqualTo(this.emulator.runtimeApi());
		assertThat(this.context.getBeanNamesForType(FakeRuntime.class)).as("runtime conditional on the address")
			.hasSize(1);
	}

	@Test
	void setsTheFunctionDefinition() {
		assertThat(this.context.getEnvironment().getProperty("spring.cloud.function.definition")).isEqualTo("shout");
		assertThat(this.lambda.invoke("\"hi\"", String.class)).isEqualTo("HI");
	}

	@Test
	void writesEventsWithTheApplicationsJsonMapper() {
		assertThat(this.lambda.invokeRaw(this.lambda.request(new Name("Ada")).build()).payloadAsString())
			.isEqualTo("{\"FIRST_NAME\":\"ADA\"}");
	}

	@Nested
	@AutoConfigureLambdaEmulator(definition = "echo")
	class WithAnotherDefinition {

		@Autowired
		private LambdaTestClient lambda;

		@Test
		void getsAContextOfItsOwnServingThatFunction() {
			assertThat(this.lambda.invoke("\"hi\"", String.class)).isEqualTo("hi");
		}

	}

	record Name(String firstName) {
	}

	@Configuration(proxyBeanMethods = false)
	static class FunctionApplication {

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		}

		@Bean(destroyMethod = "close")
		@ConditionalOnProperty("lambda.runtime.api")
		FakeRuntime fakeRuntime(Environment environment) {
			Map<String, UnaryOperator<String>> functions = Map.of("echo", UnaryOperator.identity(), "shout",
					(event) -> event.toUpperCase(Locale.ROOT));
			return FakeRuntime.start(environment.getRequiredProperty("lambda.runtime.api"),
					functions.get(environment.getRequiredProperty("spring.cloud.function.definition")));
		}

	}

}
