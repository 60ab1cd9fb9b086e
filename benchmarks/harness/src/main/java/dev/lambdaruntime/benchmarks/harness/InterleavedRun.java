package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Measures every contender with one payload, taking turns: each is started and warmed up alone,
 * then they serve their measured events in slices, one contender after the other, so that the
 * load other users put on the shared machine falls on all of them alike.
 */
final class InterleavedRun {

	private static final int SLICES = 5;

	private final Launcher launcher;

	private final @Nullable Profiler profiler;

	/** Runs with the given launcher; a profiler, if any, records the measured slices. */
	InterleavedRun(Launcher launcher, @Nullable Profiler profiler) {
		this.launcher = launcher;
		this.profiler = profiler;
	}

	List<RunResult> run(List<Contender> contenders, Payload payload) throws IOException, InterruptedException {
		List<ContenderSession> sessions = new ArrayList<>();
		try {
			for (Contender contender : contenders) {
				sessions.add(ContenderSession.start(this.launcher, contender, payload));
			}
			for (ContenderSession session : sessions) {
				session.warmUp();
			}
			if (this.profiler != null) {
				for (ContenderSession session : sessions) {
					session.startRecording(this.profiler);
				}
			}
			int sliceSize = Math.max(1, payload.measured() / SLICES);
			for (int slice = 0; slice < SLICES; slice++) {
				for (ContenderSession session : sessions) {
					session.measureSlice(sliceSize);
				}
			}
			for (ContenderSession session : sessions) {
				session.stopRecording();
			}
			return sessions.stream().map(ContenderSession::result).toList();
		}
		finally {
			for (ContenderSession session : sessions) {
				session.close();
			}
		}
	}

}
