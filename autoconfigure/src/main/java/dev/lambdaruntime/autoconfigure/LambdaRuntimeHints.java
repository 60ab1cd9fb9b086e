package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.logging.LambdaJsonLogFormatter;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What the starter reaches by reflection, for Spring AOT and native images: the JSON log
 * formatter, which Spring Boot instantiates from its class name.
 */
class LambdaRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection().registerType(LambdaJsonLogFormatter.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
	}

}
