package io.arbiter.training;

import io.arbiter.models.manifest.ModelManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TrainMainTest {

    private static final String TTRC = "../data/raw/ttrc.csv";

    @TempDir Path out;

    @Test
    void trainsAndWritesAModelDirectory() throws Exception {
        int code =
                TrainMain.run(
                        new String[] {
                            "--bars",
                            TTRC,
                            "--kind",
                            "logistic",
                            "--out",
                            out.toString(),
                            "--folds",
                            "3",
                            "--id",
                            "cli-test"
                        });

        assertThat(code).isZero();
        assertThat(out.resolve("model.onnx")).exists();
        assertThat(out.resolve("walk-forward.md")).exists();
        ModelManifest manifest = ModelManifest.read(out);
        assertThat(manifest.id()).isEqualTo("cli-test");
        assertThat(manifest.version()).isEqualTo("1");
        assertThat(manifest.folds()).hasSize(3);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(TrainMain.run(new String[] {})).isEqualTo(2);
        assertThat(TrainMain.run(new String[] {"--bars", TTRC, "--kind", "svm", "--out", "x"}))
                .isEqualTo(2);
        assertThat(
                        TrainMain.run(
                                new String[] {
                                    "--bars", "no-such.csv", "--kind", "gbdt", "--out", "x"
                                }))
                .isEqualTo(2);
        assertThat(TrainMain.run(new String[] {"--bars", TTRC, "--kind", "gbdt"})).isEqualTo(2);
        assertThat(
                        TrainMain.run(
                                new String[] {
                                    "--bars", TTRC, "--kind", "gbdt", "--out", "x", "--speed", "9"
                                }))
                .isEqualTo(2);
        assertThat(
                        TrainMain.run(
                                new String[] {
                                    "--bars", TTRC, "--kind", "gbdt", "--out", "x", "--folds", "two"
                                }))
                .isEqualTo(2);
    }

    @Test
    void aBadPolicyOrUnusableDataExitsWithOne() throws Exception {
        Path policy =
                Files.writeString(out.resolve("policy.yaml"), "labels:\n  horizon-bars: -3\n");
        assertThat(
                        TrainMain.run(
                                new String[] {
                                    "--bars",
                                    TTRC,
                                    "--kind",
                                    "gbdt",
                                    "--out",
                                    out.resolve("m").toString(),
                                    "--policy",
                                    policy.toString()
                                }))
                .isEqualTo(1);
        Path tiny =
                Files.writeString(
                        out.resolve("tiny.csv"),
                        "Date,Open,High,Low,Close,Volume\n2020-01-02,1,1,1,1,0\n");
        assertThat(
                        TrainMain.run(
                                new String[] {
                                    "--bars",
                                    tiny.toString(),
                                    "--kind",
                                    "gbdt",
                                    "--out",
                                    out.resolve("t").toString()
                                }))
                .isEqualTo(1);
        assertThat(out.resolve("t")).doesNotExist();
    }
}
