package dev.lambdaruntime.autoconfigure;

import java.util.function.Function;

import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link FunctionJsonMapperAutoConfiguration}: one test per condition, and the catalog
 * converting with the application's mapper.
 */
class FunctionJsonMapperAutoConfigurationTests {

	private static final String RUNTIME_API = "lambda.runtime.api=127.0.0.1:9001";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionJsonMapperAutoConfiguration.class));

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	@Test
	void springCloudFunctionIsGivenTheApplicationsJsonMapper() {
		this.contextRunner.withPropertyValues(RUNTIME_API).run((context) -> {
			assertThat(context).hasSingleBean(org.springframework.cloud.function.json.JsonMapper.class);
			assertThat(context.getBean(JacksonMapper.class).getObjectMapper())
				.isSameAs(context.getBean(JsonMapper.class));
		});
	}

	@Test
	void theFunctionCatalogConvertsWithTheApplicationsJsonMapper() {
		LambdaRuntimeContextRunner.against(this.emulator).withUserConfiguration(SnakeCaseOrders.class).run((context) -> {
			assertThat(context).hasNotFailed();
			FunctionInvocationWrapper describe = context.getBean(FunctionCatalog.class).lookup("describe");
			assertThat(describe.apply("{\"order_id\":\"42\",\"quantity\":3}")).isEqualTo("order 42 x 3");
			// the application's mapper refuses a missing int (Spring Cloud Function's own would read 0)
			assertThatException().isThrownBy(() -> describe.apply("{\"order_id\":\"42\"}"));
		});
	}

	@Test
	void whenRuntimeApiIsUnsetThenSpringCloudFunctionKeepsItsOwnMapper() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(org.springframework.cloud.function.json.JsonMapper.class));
	}

	@Test
	void whenTheApplicationDefinesAFunctionJsonMapperThenItIsKept() {
		this.contextRunner.withPropertyValues(RUNTIME_API).withUserConfiguration(OwnFunctionMapper.class).run((context) -> {
			assertThat(context).hasSingleBean(org.springframework.cloud.function.json.JsonMapper.class);
			assertThat(context.getBean(org.springframework.cloud.function.json.JsonMapper.class))
				.isSameAs(context.getBean("ownFunctionMapper"));
		});
	}

	@Test
	void whenThereIsNoApplicationJsonMapperThenItBacksOff() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FunctionJsonMapperAutoConfiguration.class))
			.withPropertyValues(RUNTIME_API)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(org.springframework.cloud.function.json.JsonMapper.class));
	}

	@Test
	void whenThereAreSeveralApplicationJsonMappersThenItBacksOff() {
		this.contextRunner.withPropertyValues(RUNTIME_API).withUserConfiguration(TwoJsonMappers.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(org.springframework.cloud.function.json.JsonMapper.class));
	}

	@Test
	void whenGsonIsPreferredThenItBacksOff() {
		this.contextRunner.withPropertyValues(RUNTIME_API, "spring.cloud.function.preferred-json-mapper=gson")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(org.springframework.cloud.function.json.JsonMapper.class));
	}

	@Test
	void whenJacksonIsPreferredThenTheApplicationsMapperIsUsed() {
		this.contextRunner.withPropertyValues(RUNTIME_API, "spring.cloud.function.preferred-json-mapper=jackson")
			.run((context) -> assertThat(context).hasSingleBean(JacksonMapper.class));
	}

	/** The event of {@code describe}. */
	record Order(String orderId, int quantity) {
	}

	@Configuration(proxyBeanMethods = false)
	static class SnakeCaseOrders {

		@Bean
		JsonMapper snakeCaseMapper() {
			return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		}

		@Bean
		Function<Order, String> describe() {
			return (order) -> "order " + order.orderId() + " x " + order.quantity();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFunctionMapper {

		@Bean
		JacksonMapper ownFunctionMapper() {
			return new JacksonMapper(JsonMapper.builder().build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoJsonMappers {

		@Bean
		JsonMapper firstMapper() {
			return JsonMapper.builder().build();
		}

		@Bean
		JsonMapper secondMapper() {
			return JsonMapper.builder().build();
		}

	}

}
