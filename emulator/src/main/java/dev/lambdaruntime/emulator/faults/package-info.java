/**
 * Fault injection for testing how a runtime copes with a misbehaving Runtime API: the faults a
 * test injects, and the plan that strikes calls with them.
 */
@NullMarked
package dev.lambdaruntime.emulator.faults;

import org.jspecify.annotations.NullMarked;
