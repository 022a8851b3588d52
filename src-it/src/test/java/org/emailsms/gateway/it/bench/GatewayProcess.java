package org.emailsms.gateway.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** What the operating system says of the gateway's JVM: CPU time used and peak resident memory. */
record GatewayProcess(ProcessHandle handle) {

    Duration cpuTime() {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** VmHWM of /proc/<pid>/status: the most resident memory the process has held, in MiB. */
    long peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
