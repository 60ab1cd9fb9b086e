/**
 * Local runs of an application under the Lambda emulator, with no code of one's own:
 * {@link dev.lambdaruntime.test.run.LambdaEmulatorConfiguration} for runs from an IDE, and what
 * both it and the Maven plugin's {@code run} goal print when the application is ready.
 */
@NullMarked
package dev.lambdaruntime.test.run;

import org.jspecify.annotations.NullMarked;
