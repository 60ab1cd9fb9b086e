package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.localrun.LocalRunBanner;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of local runs under the Lambda emulator, which set
 * {@code lambda.runtime.local-run}: the lines that say how to invoke the function once the
 * application is ready.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = LambdaRuntimeAutoConfiguration.class)
@ConditionalOnLambdaRuntimeApi
@ConditionalOnBooleanProperty("lambda.runtime.local-run")
public final class LocalRunAutoConfiguration {

	@Bean
	LocalRunBanner lambdaLocalRunBanner() {
		return new LocalRunBanner();
	}

}
