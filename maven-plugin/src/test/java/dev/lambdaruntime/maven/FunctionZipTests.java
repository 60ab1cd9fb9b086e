package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FunctionZip}.
 */
class FunctionZipTests {

	@TempDir
	Path temp;

	@Test
	void theSameFilesGiveTheSameBytesWhateverTheirTimes() throws IOException {
		Path first = bundle("first");
		Path second = bundle("second");
		Files.setLastModifiedTime(second.resolve("app/app.jar"), FileTime.fromMillis(0));
		FunctionZip.write(first, this.temp.resolve("first.zip"));
		FunctionZip.write(second, this.temp.resolve("second.zip"));
		assertThat(this.temp.resolve("first.zip")).hasSameBinaryContentAs(this.temp.resolve("second.zip"));
	}

	@Test
	void entriesAreSortedWithThePinnedTimeAndModesThatKeepBootstrapExecutable() throws IOException {
		Path zip = this.temp.resolve("function.zip");
		FunctionZip.write(bundle("bundle"), zip);
		try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
			List<ZipArchiveEntry> entries = Collections.list(file.getEntries());
			assertThat(entries).extracting(ZipArchiveEntry::getName)
				.containsExactly("app/", "app/app.jar", "app/lib/", "app/lib/spring.jar", "bootstrap", "jvm.options");
			assertThat(entries).extracting((entry) -> Integer.toOctalString(entry.getUnixMode()))
				.containsExactly("40755", "100644", "40755", "100644", "100755", "100644");
			assertThat(entries).extracting(ZipArchiveEntry::getLastModifiedTime)
				.containsOnly(FileTime.from(PinnedTime.INSTANT));
		}
	}

	private Path bundle(String name) throws IOException {
		Path root = Files.createDirectories(this.temp.resolve(name));
		Files.createDirectories(root.resolve("app/lib"));
		Files.writeString(root.resolve("jvm.options"), "-XX:+UseSerialGC\n");
		Files.writeString(root.resolve("bootstrap"), "#!/bin/sh\n");
		Files.setPosixFilePermissions(root.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.writeString(root.resolve("app/app.jar"), "application");
		Files.writeString(root.resolve("app/lib/spring.jar"), "library");
		return root;
	}

}
