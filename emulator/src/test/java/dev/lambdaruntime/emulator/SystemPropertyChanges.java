package dev.lambdaruntime.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;

/**
 * Starts and closes an emulator in a JVM of its own, from before the emulator's classes are
 * initialized, then prints each system property that changed meanwhile as {@code name=value}.
 */
final class SystemPropertyChanges {

	private SystemPropertyChanges() {
	}

	public static void main(String[] args) {
		// the JDK sets user.timezone when the default time zone is first used: settle it first
		TimeZone.getDefault();
		Map<Object, Object> before = new HashMap<>(System.getProperties());
		try (LambdaEmulator emulator = LambdaEmulator.start()) {
			emulator.invoke("{}").cancel(true);
		}
		System.getProperties().forEach((name, value) -> {
			if (!value.equals(before.get(name))) {
				System.out.println(name + "=" + value);
			}
		});
	}

}
