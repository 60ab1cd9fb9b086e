package dev.lambdaruntime.test.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.lambdaruntime.emulator.LambdaEmulator;

import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Added to a {@code @SpringBootTest}, starts a {@link LambdaEmulator} for the test's application
 * context and points the application's Lambda runtime at it ({@code lambda.runtime.api}), so that
 * the test invokes its function as Lambda would, through an injected {@link LambdaTestClient}. The
 * emulator is a bean as well, and closes with the context; tests with the same settings share
 * both through Spring's context cache. Run the tests with
 * {@code -Dsun.net.httpserver.nodelay=true}, or each invocation waits about 90 ms for delayed
 * ACKs (see {@link LambdaEmulator}).
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(LambdaEmulatorContextCustomizerFactory.class)
public @interface AutoConfigureLambdaEmulator {

	/**
	 * The function to serve, set as {@code spring.cloud.function.definition} (a composition such
	 * as {@code trim|uppercase} is allowed). Empty, the default, leaves the choice to the
	 * application.
	 * @return the function definition, or empty
	 */
	String definition() default "";

	/**
	 * The function's timeout, as Lambda's timeout setting: an invocation that has not ended this
	 * long after the function received it fails with {@code Sandbox.Timedout}. In any format
	 * Spring Boot reads durations in, such as {@code 30s}, {@code 500ms} or {@code PT1M}.
	 * @return the timeout, 30 seconds by default
	 */
	String timeout() default "30s";

}
