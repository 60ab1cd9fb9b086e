package dev.lambdaruntime.autoconfigure;

import org.junit.jupiter.api.Test;
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

/**
 * Tests for {@link FunctionJsonMapperAutoConfiguration}: one test per condition, and the catalog
 * built on the application's mapper.
 */
class FunctionJsonMapperAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionJsonMapperAutoConfiguration.class));

	@Test
	void springCloudFunctionUsesTheApplicationsJsonMapper() {
		this.contextRunner.run((context) -> {
			JacksonMapper functionMapper = context.getBean(JacksonMapper.class);
			assertThat(functionMapper.getObjectMapper()).isSameAs(context.getBean(JsonMapper.class));
		});
	}

	@Test
	void theFunctionCatalogIsBuiltOnTheApplicationsJsonMapper() {
		LambdaRuntimeContextRunner.create().withUserConfiguration(LambdaRuntimeAutoConfigurationTests.OneFunction.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(org.springframework.cloud.function.json.JsonMapper.class))
				.isInstanceOfSatisfying(JacksonMapper.class, (mapper) -> assertThat(mapper.getObjectMapper())
					.isSameAs(context.getBean(JsonMapper.class)));
			FunctionInvocationWrapper uppercase = context.getBean(FunctionCatalog.class).lookup("uppercase");
			assertThat(uppercase.apply("hello")).isEqualTo("HELLO");
		});
	}

	@Test
	void whenTheApplicationDefinesAFunctionJsonMapperThenItIsKept() {
		this.contextRunner.withUserConfiguration(OwnFunctionMapper.class).run((context) -> {
			assertThat(context).hasSingleBean(org.springframework.cloud.function.json.JsonMapper.class);
			assertThat(context.getBean(org.springframework.cloud.function.json.JsonMapper.class))
				.isSameAs(context.getBean("ownFunctionMapper"));
		});
	}

	@Test
	void whenThereIsNoApplicationJsonMapperThenItBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FunctionJsonMapperAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(org.springframework.cloud.function.json.JsonMapper.class));
	}

	@Test
	void whenGsonIsPreferredThenItBacksOff() {
		this.contextRunner.withPropertyValues("spring.cloud.function.preferred-json-mapper=gson")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(org.springframework.cloud.function.json.JsonMapper.class));
	}

	@Test
	void whenJacksonIsPreferredThenTheApplicationsMapperIsUsed() {
		this.contextRunner.withPropertyValues("spring.cloud.function.preferred-json-mapper=jackson")
			.run((context) -> assertThat(context).hasSingleBean(JacksonMapper.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFunctionMapper {

		@Bean
		JacksonMapper ownFunctionMapper() {
			return new JacksonMapper(JsonMapper.builder().build());
		}

	}

}
