package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes {@code function.zip} from the bundle's folder so that the same files give the same
 * bytes: entries sorted by path, every entry with the pinned time, Unix modes 0755 for folders
 * and executable files and 0644 for the others.
 */
final class FunctionZip {

	private static final int DIRECTORY_MODE = 040755;

	private static final int EXECUTABLE_MODE = 0100755;

	private static final int FILE_MODE = 0100644;

	private FunctionZip() {
	}

	/**
	 * Zips a folder's contents.
	 * @param root the folder, whose contents become the zip's root
	 * @param zip the zip file to write
	 * @throws IOException if a file cannot be read or the zip written
	 */
	static void write(Path root, Path zip) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter((file) -> !file.equals(root))
				.sorted(Comparator.comparing((Path file) -> entryName(root, file)))
				.toList();
		}
		try (OutputStream out = Files.newOutputStream(zip);
				ZipArchiveOutputStream archive = new ZipArchiveOutputStream(out)) {
			archive.setLevel(Deflater.BEST_COMPRESSION);
			for (Path file : files) {
				boolean directory = Files.isDirectory(file);
				ZipArchiveEntry entry = new ZipArchiveEntry(entryName(root, file));
				entry.setUnixMode(directory ? DIRECTORY_MODE : (Files.isExecutable(file) ? EXECUTABLE_MODE : FILE_MODE));
				pinTime(entry);
				archive.putArchiveEntry(entry);
				if (!directory) {
					Files.copy(file, archive);
				}
				archive.closeArchiveEntry();
			}
		}
	}

	private static String entryName(Path root, Path file) {
		String name = root.relativize(file).toString().replace('\\', '/');
		return Files.isDirectory(file) ? name + "/" : name;
	}

	/**
	 * Gives the entry the pinned time twice: as DOS fields that read as the pinned time in UTC,
	 * whatever the build machine's time zone (Lambda's is UTC), and as an extended timestamp in
	 * UTC, which unzip and Java read in preference.
	 */
	private static void pinTime(ZipArchiveEntry entry) {
		entry.setTimeLocal(LocalDateTime.ofInstant(PinnedTime.INSTANT, ZoneOffset.UTC));
		X5455_ExtendedTimestamp timestamp = new X5455_ExtendedTimestamp();
		timestamp.setModifyJavaTime(Date.from(PinnedTime.INSTANT));
		entry.addExtraField(timestamp);
	}

}
