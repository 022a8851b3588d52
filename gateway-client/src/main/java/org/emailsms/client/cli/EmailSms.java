package org.emailsms.client.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code emailsms} command: activate, send, follow, keep a log, find contacts, keep a
 * dictionary. Exit statuses are in {@link ExitCodes}.
 */
@Command(name = "emailsms", mixinStandardHelpOptions = true, version = "emailsms 0.1",
        description = "Send SMS through an EmailSMS gateway, follow them, and keep a log of your activity.",
        subcommands = CommandLine.HelpCommand.class)
public final class EmailSms {

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    /** One command, with the given input, output and environment: for tests and for programs that embed it. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        Console console = new Console(in, out, err, environment);
        CommandLine line = new CommandLine(new EmailSms())
                .addSubcommand(new ActivateCommand(console))
                .addSubcommand(new DeactivateCommand(console))
                .addSubcommand(new PasswordCommand(console))
                .addSubcommand(new SendCommand(console))
                .addSubcommand(new StatusCommand(console))
                .addSubcommand(new HistoryCommand(console))
                .addSubcommand(new ContactsCommand(console))
                .addSubcommand(new DictionaryCommand(console))
                .addSubcommand(new ConfigureCommand(console));
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            err.println("emailsms failed: " + e.getMessage());
            return ExitCodes.REFUSED;
        });
        return line.execute(args);
    }
}
