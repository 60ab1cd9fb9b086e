package dev.lambdaruntime.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.context.annotation.Bean;

/**
 * Gives Spring Cloud Function the application's {@link JsonMapper}, which the runtime converts
 * payloads with, instead of the second mapper (with the Joda module) it would otherwise build at
 * startup: one JSON configuration, and about 25 ms less cold start.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class, before = ContextFunctionCatalogAutoConfiguration.class)
@ConditionalOnProperty(name = "spring.cloud.function.preferred-json-mapper", havingValue = "jackson",
		matchIfMissing = true)
public final class FunctionJsonMapperAutoConfiguration {

	@Bean
	@ConditionalOnBean(JsonMapper.class)
	@ConditionalOnMissingBean(org.springframework.cloud.function.json.JsonMapper.class)
	JacksonMapper functionJsonMapper(JsonMapper applicationMapper) {
		return new JacksonMapper(applicationMapper);
	}

}
