package dev.lambdaruntime.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the Lambda Runtime API address is known ({@code AWS_LAMBDA_RUNTIME_API} or
 * {@code lambda.runtime.api}) and {@code lambda.runtime.enabled} is not {@code false}. During
 * Spring AOT processing it matches, and the loop decides at startup instead.
 *
 * @since 0.1.0
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnLambdaRuntimeApiCondition.class)
public @interface ConditionalOnLambdaRuntimeApi {

}
