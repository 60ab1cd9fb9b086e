// Shared by the projects' verify.groovy, which set event, expectedAnswer and keepFileTimes: unzips
// function.zip as Lambda would (modes kept; file times kept or not), invokes its bootstrap once under
// the emulator's launcher with the JVM told to refuse to start without its AOT cache, and checks the
// answer and that no JVM [error] line reached the function's output.
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.TimeUnit
import java.util.zip.ZipFile
import org.apache.commons.compress.archivers.zip.ZipFile as PosixZipFile

File zip = new File(basedir, 'target/function.zip')
assert zip.isFile()
assert new File(basedir, 'target/lambda/bootstrap').canExecute()
File task = new File(basedir, 'target/unzipped')
task.deleteDir()
PosixZipFile.builder().setFile(zip).get().withCloseable { archive ->
	archive.entries.each { entry ->
		File file = new File(task, entry.name)
		if (entry.directory) {
			file.mkdirs()
			return
		}
		file.parentFile.mkdirs()
		archive.getInputStream(entry).withCloseable { Files.copy(it, file.toPath()) }
		String mode = Integer.toOctalString(entry.unixMode & 0777)
		Files.setPosixFilePermissions(file.toPath(), PosixFilePermissions.fromString(mode == '755' ? 'rwxr-xr-x' : 'rw-r--r--'))
		if (keepFileTimes) {
			file.setLastModified(entry.lastModifiedTime.toMillis())
		}
	}
}
assert (new File(task, 'app/app.jar').lastModified() == 946684800000L) == keepFileTimes

File tmp = new File(basedir, 'target/tmp')
tmp.mkdirs()
File log = new File(basedir, 'target/function.log')
ProcessBuilder builder = new ProcessBuilder(new File(System.getProperty('java.home'), 'bin/java').path, '-cp',
		emulatorClasspath, emulatorLauncher, '--invoke', event, '--', new File(task, 'bootstrap').path)
	.redirectError(log)
builder.environment().put('BOOTSTRAP_JAVA_OPTIONS', '-XX:AOTMode=on')
builder.environment().put('TMPDIR', tmp.path)
Process process = builder.start()
String answer = process.inputStream.text.trim()
assert process.waitFor(120, TimeUnit.SECONDS)
String output = log.text
assert process.exitValue() == 0 : output
assert answer == expectedAnswer : output
assert !output.contains('[error') : output
assert new File(tmp, 'lambda-runtime-app/app.jar').exists() == !keepFileTimes
return true
