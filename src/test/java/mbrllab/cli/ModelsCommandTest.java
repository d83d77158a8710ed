package mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mbrllab.core.models.Dataset;
import mbrllab.core.models.PlaygroundData;

class ModelsCommandTest {

    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one command line. */
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** 60 playground points (sin 2x, noise 0.2) as TRAIN.csv, and a query grid of 41 points on [-4, 4]. */
    Path[] playgroundFiles() throws IOException {
        Dataset data = PlaygroundData.defaults().withPoints(60).sample(5);
        StringBuilder train = new StringBuilder("x1,y\n");
        for (int i = 0; i < data.size(); i++) {
            train.append(data.x(i, 0)).append(',').append(data.y(i, 0)).append('\n');
        }
        StringBuilder query = new StringBuilder("x1\n");
        for (int i = 0; i <= 40; i++) {
            query.append(-4 + 0.2 * i).append('\n');
        }
        return new Path[] {write("train.csv", train.toString()), write("query.csv", query.toString())};
    }

    @Test
    void gpFitPrintsHyperparametersAndWritesPredictions() throws IOException {
        Path[] files = playgroundFiles();
        Path pred = dir.resolve("out/pred.csv");
        Run r = run("models", "fit", "--model", "gp", "--train", files[0].toString(), "--query", files[1].toString(),
                "--out", pred.toString(), "--seed", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("length_scale_1 "), r.out());
        assertTrue(r.out().contains("signal_std "), r.out());
        assertTrue(r.out().contains("noise_std "), r.out());
        assertTrue(r.out().matches("(?s).*\\nlog_marginal_likelihood -?\\d+\\.\\d+\\n.*"), r.out());
        List<String> lines = Files.readAllLines(pred);
        assertEquals("x1,mean,epistemic_var,aleatoric_var", lines.get(0));
        assertEquals(42, lines.size());
        // at x = 0.8 (row 25) the mean is near sin(1.6) and the noise variance near 0.04
        String[] row = lines.get(25).split(",");
        assertEquals(0.8, Double.parseDouble(row[0]), 1e-9);
        assertEquals(Math.sin(1.6), Double.parseDouble(row[1]), 0.2);
        assertEquals(0.04, Double.parseDouble(row[3]), 0.02);
        double epiInside = Double.parseDouble(row[2]);
        double epiFar = Double.parseDouble(lines.get(1).split(",")[2]); // x = -4
        assertTrue(epiFar > 10 * epiInside, "epistemic variance grows away from the data");
    }

    @Test
    void ensembleFitOnTwoInputsIsReproducible() throws IOException {
        StringBuilder train = new StringBuilder("x1,x2,y\n");
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 40; i++) {
            double a = r.nextDouble();
            double b = r.nextDouble();
            train.append(a).append(',').append(b).append(',').append(a - b).append('\n');
        }
        Path t = write("t.csv", train.toString());
        Path q = write("q.csv", "x1,x2\n0.5,0.5\n0.1,0.9\n");
        String[] args = {"models", "fit", "--model", "ensemble", "--train", t.toString(), "--query", q.toString(),
            "--members", "2", "--hidden", "8,8", "--epochs", "20", "--seed", "4", "--out", ""};
        args[args.length - 1] = dir.resolve("a.csv").toString();
        Run first = run(args);
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("model ensemble") && first.out().contains("members 2")
                && first.out().contains("hidden 8,8") && first.out().contains("epochs 20"), first.out());
        args[args.length - 1] = dir.resolve("b.csv").toString();
        assertEquals(0, run(args).exit());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
        assertEquals("x1,x2,mean,epistemic_var,aleatoric_var", Files.readAllLines(dir.resolve("a.csv")).get(0));
    }

    /** Each bad input: exit 2, one line on stderr that starts with the file and line, and no output file. */
    @Test
    void badCsvFilesGetFileLineAndReason() throws IOException {
        Path goodTrain = write("good.csv", "x1,y\n0,1\n1,2\n");
        Path goodQuery = write("gq.csv", "x1\n0.5\n");
        Object[][] cases = {
            {"missing.csv", null, "train", "missing.csv: no such file"},
            {"ragged.csv", "x1,y\n0,1\n1,2,3\n", "train", "ragged.csv:3: expected 2 values (x1,y), got 3"},
            {"nan.csv", "x1,y\n0,1\n1,abc\n", "train", "nan.csv:3: column y: 'abc' is not a number"},
            {"inf.csv", "x1,y\n0,1\n1,NaN\n", "train", "inf.csv:3: column y: 'NaN' is not a number"},
            {"header.csv", "a,b\n0,1\n", "train", "header.csv:1: header must be x1,...,xd,y with d >= 1, got \"a,b\""},
            {"noy.csv", "x1,x2\n0,1\n", "train", "noy.csv:1: header must be x1,...,xd,y"},
            {"empty.csv", "", "train", "empty.csv:1: empty file: expected a header line"},
            {"only.csv", "x1,y\n", "train", "only.csv:1: no data rows after the header"},
            {"qd.csv", "x1,x2\n0,1\n", "query", "qd.csv:1: the query has 2 inputs (x1,x2) but the training data "
                + "has 1 (x1)"},
            {"qy.csv", "x1,y\n0,1\n", "query", "qy.csv:1: header must be x1, got \"x1,y\""},
            {"qempty.csv", "x1\n\n", "query", "qempty.csv:1: no data rows after the header"},
            {"qblank.csv", "x1\n1\n,\n", "query", "qblank.csv:3: expected 1 values (x1), got 2"},
            {"qfield.csv", "x1\n1\n \n2e\n", "query", "qfield.csv:4: column x1: '2e' is not a number"},
        };
        for (Object[] c : cases) {
            Path bad = dir.resolve((String) c[0]);
            if (c[1] != null) {
                Files.writeString(bad, (String) c[1]);
            }
            boolean isTrain = c[2].equals("train");
            Path out = dir.resolve("never.csv");
            Run r = run("models", "fit", "--model", "gp", "--train", (isTrain ? bad : goodTrain).toString(),
                    "--query", (isTrain ? goodQuery : bad).toString(), "--out", out.toString());
            assertEquals(2, r.exit(), c[0] + ": " + r.err());
            String expected = bad.toString() + ((String) c[3]).substring(((String) c[0]).length());
            assertTrue(r.err().startsWith(expected), c[0] + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertFalse(Files.exists(out), c[0] + " wrote an output file");
        }
    }

    @Test
    void badOptionsExitWithTwo() throws IOException {
        Path[] files = playgroundFiles();
        String t = files[0].toString();
        String q = files[1].toString();
        String o = dir.resolve("o.csv").toString();
        Run model = run("models", "fit", "--model", "svm", "--train", t, "--query", q, "--out", o);
        assertEquals(2, model.exit());
        assertTrue(model.err().contains("expected gp or ensemble, got 'svm'"), model.err());
        Run members = run("models", "fit", "--model", "ensemble", "--members", "0", "--train", t, "--query", q,
                "--out", o);
        assertEquals(2, members.exit());
        assertTrue(members.err().contains("--members must be in 1..100"), members.err());
        assertEquals(2, run("models", "fit", "--model", "gp", "--train", t, "--query", q).exit(), "--out is required");
        StringBuilder many = new StringBuilder("x1,y\n");
        for (int i = 0; i <= mbrllab.core.models.gp.GpSpec.MAX_POINTS; i++) {
            many.append(i).append(",0\n");
        }
        Run big = run("models", "fit", "--model", "gp", "--train", write("big.csv", many.toString()).toString(),
                "--query", q, "--out", o);
        assertEquals(2, big.exit());
        assertTrue(big.err().contains("a GP takes at most " + mbrllab.core.models.gp.GpSpec.MAX_POINTS), big.err());
        assertEquals(2, run("models").exit());
        assertEquals(0, run("models", "fit", "--help").exit());
    }
}
