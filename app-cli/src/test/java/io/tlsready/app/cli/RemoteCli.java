package io.tlsready.app.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the real CLI in-process like {@link Cli}, with a fake WinRM fleet and a chosen environment. */
final class RemoteCli {

    private RemoteCli() {
    }

    /** An environment with these variables, no console (so no prompt), and stderr not a terminal. */
    static Environment env(Map<String, String> variables) {
        return env(variables, new byte[0]);
    }

    /** The same, with these bytes on stdin. */
    static Environment env(Map<String, String> variables, byte[] stdin) {
        return new Environment() {
            @Override
            public String variable(String name) {
                return variables.get(name);
            }

            @Override
            public char[] readPassword(String prompt) {
                return null;
            }

            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public InputStream stdin() {
                return new ByteArrayInputStream(stdin);
            }
        };
    }

    /** The real CLI with the real WinRM adapter, the password in its variable (for simulated hosts on loopback). */
    static Cli.Result withWinRm(String password, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                env(Map.of(Passwords.VARIABLE, password)), new io.tlsready.adapters.winrm.WinRmModule());
        return new Cli.Result(code, out.toString(), err.toString());
    }

    static Cli.Result run(Environment env, FakeRemoteHosts fleet, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env, fleet.module());
        return new Cli.Result(code, out.toString(), err.toString());
    }
}
