package dev.lambdaruntime.emulator.launcher;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherSystemPropertiesTest {

	@Test
	void launcherJvmGetsNoDelayForTheHttpServerAndShortLogLines() {
		Properties properties = new Properties();
		LauncherSystemProperties.applyDefaults(properties);
		assertThat(properties).containsEntry("sun.net.httpserver.nodelay", "true")
			.containsEntry("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS")
			.containsEntry("org.slf4j.simpleLogger.showLogName", "false");
	}

	@Test
	void propertiesGivenWithDashDAreLeftAlone() {
		Properties properties = new Properties();
		properties.setProperty("sun.net.httpserver.nodelay", "false");
		properties.setProperty("org.slf4j.simpleLogger.showLogName", "true");
		LauncherSystemProperties.applyDefaults(properties);
		assertThat(properties).containsEntry("sun.net.httpserver.nodelay", "false")
			.containsEntry("org.slf4j.simpleLogger.showLogName", "true");
	}

}
