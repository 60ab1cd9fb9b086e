package dev.lambdaruntime.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.context.annotation.Bean;

/**
 * When the runtime serves a Runtime API, gives Spring Cloud Function the application's
 * {@link JsonMapper} instead of the second mapper (with the Joda module) it would build at
 * startup: one JSON configuration for code that converts through the function catalog, and
 * about 20 ms less cold start. The runtime itself converts with the application's mapper anyway.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class, before = ContextFunctionCatalogAutoConfiguration.class)
@ConditionalOnLambdaRuntimeApi
@ConditionalOnProperty(name = "spring.cloud.function.preferred-json-mapper", havingValue = "jackson",
		matchIfMissing = true)
public final class FunctionJsonMapperAutoConfiguration {

	@Bean
	@ConditionalOnSingleCandidate(JsonMapper.class)
	@ConditionalOnMissingBean(org.springframework.cloud.function.json.JsonMapper.class)
	JacksonMapper functionJsonMapper(JsonMapper applicationMapper) {
		return new JacksonMapper(applicationMapper);
	}

}
