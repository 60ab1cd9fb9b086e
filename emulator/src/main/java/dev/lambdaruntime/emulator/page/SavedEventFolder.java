package dev.lambdaruntime.emulator.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The saved events of the page, one JSON file each in a folder of the project
 * ({@code src/test/resources/lambda-events/} by default), named by the event's name: so that they
 * survive restarts on other ports, can be committed, and feed tests ({@code LambdaTestClient}'s
 * {@code savedEvent(name)} reads {@code lambda-events/NAME.json} from the test classpath). A name
 * holds letters, digits, spaces, hyphens and underscores only, so that it never leaves the folder.
 */
final class SavedEventFolder {

	/** How a name looks: no dots or separators, no spaces at either end, at most 100 characters. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]([A-Za-z0-9 _-]{0,98}[A-Za-z0-9_-])?");

	private static final String SUFFIX = ".json";

	private final Path folder;

	SavedEventFolder(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
	}

	Path folder() {
		return this.folder;
	}

	/**
	 * Checks a name.
	 * @param name the name of a saved event
	 * @return a message that says what is wrong with it, or empty if it is good
	 */
	static Optional<String> problemWith(String name) {
		return NAME.matcher(name).matches() ? Optional.empty()
				: Optional.of("A saved event's name is 1 to 100 letters, digits, spaces, hyphens and underscores, "
						+ "not starting or ending with a space; '" + name + "' is not");
	}

	List<String> names() throws IOException {
		if (!Files.isDirectory(this.folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.folder)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((file) -> file.endsWith(SUFFIX))
				.map((file) -> file.substring(0, file.length() - SUFFIX.length()))
				.filter((name) -> problemWith(name).isEmpty())
				.sorted(String.CASE_INSENSITIVE_ORDER)
				.toList();
		}
	}

	Optional<byte[]> read(String name) throws IOException {
		try {
			return Optional.of(Files.readAllBytes(file(name)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Saves an event, replacing one of the same name whole or not at all.
	 * @param name its name, checked with {@link #problemWith}
	 * @param event the event
	 * @throws IOException if the folder cannot be written
	 */
	void save(String name, byte[] event) throws IOException {
		Files.createDirectories(this.folder);
		Path written = Files.createTempFile(this.folder, ".saving-", ".tmp");
		try {
			Files.write(written, event);
			Files.move(written, file(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(written);
		}
	}

	boolean delete(String name) throws IOException {
		return Files.deleteIfExists(file(name));
	}

	private Path file(String name) {
		if (problemWith(name).isPresent()) {
			throw new IllegalArgumentException(problemWith(name).get());
		}
		return this.folder.resolve(name + SUFFIX);
	}

}
