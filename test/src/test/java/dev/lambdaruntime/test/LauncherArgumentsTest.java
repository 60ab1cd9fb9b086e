package dev.lambdaruntime.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LauncherArgumentsTest {

	@Test
	void helpIsAskedForWithHelp() {
		assertThat(LauncherArguments.parse("--port", "9000", "--help")).isEmpty();
	}

	@Test
	void commandMayFollowTheOptionsWithoutADoubleDash() {
		assertThat(LauncherArguments.parse("--port", "9000", "./bootstrap")).isPresent();
	}

	@Test
	void commandIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--port", "9000", "--"))
			.withMessageContaining("No command");
	}

	@Test
	void unknownOptionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--colour", "red", "--", "x"))
			.withMessage("Unknown option --colour");
	}

	@Test
	void optionWithoutAValueIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--port"))
			.withMessage("--port needs a value");
	}

	@Test
	void numbersAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--port", "http", "--", "x"))
			.withMessage("--port needs a whole number, not 'http'");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--timeout", "soon", "--", "x"))
			.withMessage("--timeout needs a number of seconds, not 'soon'");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--timeout", "0", "--", "x"))
			.withMessageContaining("positive");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--memory", "64", "--", "x"))
			.withMessageContaining("128 to 10240");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherArguments.parse("--max-concurrency", "0", "--", "x"))
			.withMessageContaining("at least 1");
	}

}
