package cn.shequ.support;

import java.util.Arrays;
import java.util.function.Supplier;

/** Times a call many times after a warm-up and reports the median, 95th percentile and maximum. */
public final class Timings {

    private final long[] micros;

    private Timings(long[] micros) {
        this.micros = micros.clone();
        Arrays.sort(this.micros);
    }

    /** Calls {@code call} {@code warmUp} times untimed, then {@code runs} times timed. */
    public static Timings of(int warmUp, int runs, Runnable call) {
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            call.run();
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        return new Timings(micros);
    }

    public static <T> Timings of(int warmUp, int runs, Supplier<T> call) {
        return of(warmUp, runs, (Runnable) call::get);
    }

    public double medianMs() {
        return micros[micros.length / 2] / 1000.0;
    }

    public double p95Ms() {
        return micros[(int) (micros.length * 0.95)] / 1000.0;
    }

    public double maxMs() {
        return micros[micros.length - 1] / 1000.0;
    }

    @Override
    public String toString() {
        return "median %.1f ms, p95 %.1f ms, max %.1f ms (%d runs)".formatted(medianMs(), p95Ms(), maxMs(), micros.length);
    }
}
