package dev.lambdaruntime.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnLambdaRuntimeApi}, with outcomes that say which
 * setting decided.
 */
class OnLambdaRuntimeApiCondition extends SpringBootCondition {

	private static final String AOT_PROCESSING = "spring.aot.processing";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnLambdaRuntimeApi.class);
		Environment environment = context.getEnvironment();
		if (!environment.getProperty(RuntimeApiAddress.ENABLED_PROPERTY, Boolean.class, true)) {
			return ConditionOutcome.noMatch(message.because(RuntimeApiAddress.ENABLED_PROPERTY + " is false"));
		}
		String address = RuntimeApiAddress.resolve(environment);
		if (address != null) {
			return ConditionOutcome.match(message
				.because(RuntimeApiAddress.describeSource(environment) + " is set to '" + address + "'"));
		}
		if (Boolean.getBoolean(AOT_PROCESSING)) {
			return ConditionOutcome
				.match(message.because("Spring AOT is processing: the Runtime API address is checked at startup"));
		}
		return ConditionOutcome.noMatch(message.because("neither " + RuntimeApiAddress.API_PROPERTY + " nor the "
				+ "AWS_LAMBDA_RUNTIME_API environment variable is set"));
	}

}
