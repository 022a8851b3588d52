package org.emailsms.client.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.emailsms.client.ClientFiles;

/**
 * What a command talks to: the user's input and output, the environment and the client's files.
 * The program's own for a person at a terminal; others in tests and for programs that embed it.
 */
public final class Console {

    private final BufferedReader in;
    private final boolean terminal;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final ClientFiles files;

    public Console(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.terminal = in == System.in && System.console() != null;
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.files = ClientFiles.of(environment);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public ClientFiles files() {
        return files;
    }

    /** A yes/no question; only "y" or "yes" is yes, and no answer at all is no. */
    public boolean confirm(String question) {
        out.print(question + " [y/N] ");
        out.flush();
        String answer = line();
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().toLowerCase(Locale.ROOT).equals("yes"));
    }

    /** A secret, not echoed at a terminal. */
    public String secret(String prompt) {
        if (terminal) {
            char[] typed = System.console().readPassword(prompt);
            return typed == null ? null : new String(typed);
        }
        out.print(prompt);
        out.flush();
        return line();
    }

    /** Everything left on the input, for a text piped in. */
    public String rest() {
        StringBuilder text = new StringBuilder();
        String line;
        while ((line = line()) != null) {
            text.append(text.isEmpty() ? "" : "\n").append(line);
        }
        return text.toString();
    }

    private String line() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
