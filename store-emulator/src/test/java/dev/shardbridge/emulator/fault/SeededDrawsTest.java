package dev.shardbridge.emulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeededDrawsTest {

    @Test
    void theSameSeedGivesTheSameSequence() {
        SeededDraws first = new SeededDraws(42);
        SeededDraws second = new SeededDraws(42);
        SeededDraws other = new SeededDraws(43);

        double[] a = new double[50];
        double[] b = new double[50];
        double[] c = new double[50];
        for (int i = 0; i < 50; i++) {
            a[i] = first.next();
            b[i] = second.next();
            c[i] = other.next();
        }
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void valuesAreUniformInTheUnitInterval() {
        SeededDraws draws = new SeededDraws(1);
        int below = 0;
        for (int i = 0; i < 20_000; i++) {
            double value = draws.next();
            assertThat(value).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            below += value < 0.2 ? 1 : 0;
        }
        // 20 % of 20,000 is 4,000; the standard deviation is about 57.
        assertThat(below).isBetween(3800, 4200);
    }
}
