/**
 * Runs a runtime command beside an emulator, as the Runtime Interface Emulator does: the
 * entry point of the runnable jar, its command line and logging, and the supervision of the
 * runtime process with the variables Lambda sets.
 */
@NullMarked
package dev.lambdaruntime.emulator.launcher;

import org.jspecify.annotations.NullMarked;
