package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.runtime.RuntimeApiProtocol;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
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
		RuntimeApiSettings settings = RuntimeApiSettings.of(context.getEnvironment());
		if (!settings.enabled()) {
			return ConditionOutcome.noMatch(message.because(RuntimeApiSettings.ENABLED_PROPERTY + " is false"));
		}
		String address = settings.address();
		if (address != null) {
			return ConditionOutcome.match(message.because(settings.addressSource() + " is set to '" + address + "'"));
		}
		if (Boolean.getBoolean(AOT_PROCESSING)) {
			return ConditionOutcome
				.match(message.because("Spring AOT is processing: the Runtime API address is checked at startup"));
		}
		return ConditionOutcome.noMatch(message.because("neither " + RuntimeApiSettings.API_PROPERTY + " nor the "
				+ RuntimeApiProtocol.RUNTIME_API_VARIABLE + " environment variable is set"));
	}

}
