package dev.lambdaruntime.sample;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Unzips {@code function.zip} into a fresh folder with the entries' file modes, as Lambda does,
 * and with their modification times or, as Python's zipfile does, without.
 */
final class FunctionZipExtraction {

	private FunctionZipExtraction() {
	}

	static void unzip(Path zip, Path root, boolean keepFileTimes) throws IOException {
		if (Files.exists(root)) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
		try (FileSystem zipFile = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", true));
				Stream<Path> entries = Files.walk(zipFile.getPath("/"))) {
			for (Path entry : entries.toList()) {
				Path file = root.resolve(entry.toString().substring(1));
				if (Files.isDirectory(entry)) {
					Files.createDirectories(file);
				}
				else {
					Files.copy(entry, file);
					Files.setPosixFilePermissions(file, Files.getPosixFilePermissions(entry));
					if (keepFileTimes) {
						Files.setLastModifiedTime(file, Files.getLastModifiedTime(entry));
					}
				}
			}
		}
	}

}
