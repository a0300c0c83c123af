package io.arbiter.training.output;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.health.PopulationStability;
import io.arbiter.operators.health.Quantiles;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDecilesTest {

    @Test
    void cutsAndProportionsAreThoseThePsiCheckUses() {
        SplittableRandom random = new SplittableRandom(3);
        double[] values = new double[997];
        for (int i = 0; i < values.length; i++) {
            // ties on purpose: right-closed bins must put them where PopulationStability does
            values[i] = Math.floor(random.nextDouble() * 40);
        }

        ModelManifest.Reference reference = ReferenceDeciles.of(values);
        PopulationStability psi = PopulationStability.of(values, values);

        assertThat(reference.cuts()).hasSize(9);
        assertThat(reference.proportions()).hasSize(10);
        for (int b = 0; b < 10; b++) {
            assertThat(reference.proportions().get(b))
                    .isEqualTo(psi.bins().get(b).referenceProportion());
        }
        assertThat(reference.cuts().get(4)).isEqualTo(Quantiles.type7(values, 0.5)[0]);
    }
}
