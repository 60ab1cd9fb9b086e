package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The one modification time every file of the bundle carries. The AOT cache and the CDS archive
 * reject the application's jars when their time differs from the training run's, so the time
 * must be one that a zip file, an image layer and Jib all keep, and that {@code bootstrap} can
 * check for.
 */
final class PinnedTime {

	/** 2000-01-01T00:00:00Z: representable in a zip entry's DOS time in every time zone. */
	static final Instant INSTANT = Instant.parse("2000-01-01T00:00:00Z");

	private PinnedTime() {
	}

	/**
	 * Gives every file and folder under a folder, and the folder itself, the pinned time.
	 * @param root the folder
	 * @throws IOException if a time cannot be set
	 */
	static void apply(Path root) throws IOException {
		FileTime time = FileTime.from(INSTANT);
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.toList()) {
				Files.setLastModifiedTime(file, time);
			}
		}
	}

}
