package dev.lambdaruntime.benchmarks.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * A runtime under test and how to start it.
 *
 * @param key short name, for options and file names
 * @param name what the report calls it
 * @param handler the {@code _HANDLER} it is given
 * @param directory its module's directory, which holds the built artifact
 * @param artifact the built jar it needs
 * @param launchArguments the {@code java} arguments after the JVM options
 */
record Contender(String key, String name, String handler, Path directory, Path artifact,
		List<String> launchArguments) {

	/** Names this contender's run with a payload, for its log and recording files. */
	String runName(Payload payload) {
		return this.key + "-" + payload.key();
	}

}
