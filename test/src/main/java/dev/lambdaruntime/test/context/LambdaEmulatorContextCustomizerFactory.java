package dev.lambdaruntime.test.context;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Turns the {@link AutoConfigureLambdaEmulator} settings of a test class (or of a class it is
 * nested in or extends) into a {@link LambdaEmulatorContextCustomizer}.
 */
final class LambdaEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureLambdaEmulator settings = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureLambdaEmulator.class);
		if (settings == null) {
			return null;
		}
		return new LambdaEmulatorContextCustomizer(settings.definition(), timeout(settings.timeout(), testClass));
	}

	private static Duration timeout(String timeout, Class<?> testClass) {
		try {
			return DurationStyle.detectAndParse(timeout);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The timeout '" + timeout + "' of @AutoConfigureLambdaEmulator on "
					+ testClass.getName() + " is not a duration, such as 30s or PT30S", ex);
		}
	}

}
