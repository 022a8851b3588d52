package org.emailsms.gateway.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apache's {@code ab} (package {@code apache2-utils}), the load tool operators compare gateways
 * with: {@code concurrency} connections, a new connection for each request (no keep-alive), the
 * same request every time.
 */
final class ApacheBench {

    /** What ab reports of a run: requests made, answers not 2xx, connections that failed, the 99th percentile in ms. */
    record Run(int requests, int non2xx, int failed, double p99Millis) {
    }

    private static final Pattern NON_2XX = Pattern.compile("Non-2xx responses:\\s+(\\d+)");
    private static final Pattern FAILED = Pattern.compile("Connect: (\\d+), Receive: (\\d+), Length: \\d+, Exceptions: (\\d+)");
    private static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+(\\d+)");

    private final Path work;
    private final int concurrency;

    ApacheBench(Path work, int concurrency) {
        this.work = work;
        this.concurrency = concurrency;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/ab"));
    }

    Run get(int requests, String url) throws IOException, InterruptedException {
        return run(requests, url, List.of());
    }

    /** POSTs {@code body} as SOAP 1.1 would be posted. */
    Run postSoap(int requests, String url, String body) throws IOException, InterruptedException {
        Path file = work.resolve("ab-body.xml");
        Files.writeString(file, body, StandardCharsets.UTF_8);
        return run(requests, url, List.of("-p", file.toString(), "-T", "text/xml; charset=utf-8",
                "-H", "SOAPAction: \"\""));
    }

    private Run run(int requests, String url, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/ab", "-q", "-r", "-s", "120",
                "-n", Integer.toString(requests), "-c", Integer.toString(concurrency)));
        command.addAll(options);
        command.add(url);
        Path output = work.resolve("ab.out");
        Process ab = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        int exit = ab.waitFor();
        String report = Files.readString(output);
        Matcher p99 = P99.matcher(report);
        if (exit != 0 || !p99.find()) {
            throw new IllegalStateException("ab exited with " + exit + ":\n" + report);
        }
        // Failed: connection errors and exceptions; ab also counts answers of another length than the
        // first as "failed", which for a gateway answering message ids of varying length means nothing.
        Matcher failed = FAILED.matcher(report);
        int failures = failed.find() ? Integer.parseInt(failed.group(1)) + Integer.parseInt(failed.group(2))
                + Integer.parseInt(failed.group(3)) : 0;
        return new Run(requests, count(NON_2XX, report), failures, Double.parseDouble(p99.group(1)));
    }

    private static int count(Pattern pattern, String report) {
        Matcher matcher = pattern.matcher(report);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
