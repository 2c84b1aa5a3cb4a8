using System;
using System.CommandLine;
using System.Globalization;
using System.IO;

namespace KnowledgeGen.Cli;

/// <summary>
/// The <c>--plain</c> option of the commands that write tables in a terminal (the briefing, <c>who</c>, <c>contested</c>,
/// <c>timeline</c>): plain text even in a terminal.
/// </summary>
public static class PlainOption
{
    /// <summary>
    /// The narrowest terminal that gets tables. Narrower, a table's columns get a few characters each: headings and words
    /// are cut into pieces and, narrower still, Spectre.Console leaves whole columns empty. Plain text, which the terminal
    /// wraps, loses nothing.
    /// </summary>
    public const int MinimumTableWidth = 60;

    /// <summary>
    /// Creates the option. One instance is given to the root and to each of those commands, so that it counts wherever it
    /// is written: <c>knowledgegen --plain timeline</c> is <c>knowledgegen timeline --plain</c>.
    /// </summary>
    public static Option<bool> Create() => new("--plain")
    {
        Description = "Write plain text instead of tables, even in a terminal (plain is the default when the output is redirected or the terminal is narrower than 60 columns).",
    };

    /// <summary>True when a command should write plain text: the option is given, the output is not a terminal, or the terminal is too narrow for tables.</summary>
    public static bool IsPlain(ParseResult result, Option<bool> plain, TextWriter output) =>
        WritesPlain(result.GetValue(plain), ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected, TerminalWidth());

    /// <summary>The rule of <see cref="IsPlain"/>: plain text unless the output is a terminal at least <see cref="MinimumTableWidth"/> columns wide and <c>--plain</c> is not given.</summary>
    public static bool WritesPlain(bool plainGiven, bool terminal, int width) => plainGiven || !terminal || width < MinimumTableWidth;

    /// <summary>The terminal's width in columns: <c>COLUMNS</c> when it is set to a positive number, else the console's.</summary>
    public static int TerminalWidth() => TerminalWidth(Environment.GetEnvironmentVariable("COLUMNS"), ConsoleWidth);

    /// <summary>
    /// <paramref name="columns"/> (the value of <c>COLUMNS</c>) when it is a positive number, else <paramref name="consoleWidth"/>.
    /// POSIX has <c>COLUMNS</c> override the width the system reports, so <c>COLUMNS=100 knowledgegen timeline</c> draws
    /// 100 columns wide; the console alone would not look at it.
    /// </summary>
    public static int TerminalWidth(string? columns, Func<int> consoleWidth) =>
        int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width > 0 ? width : consoleWidth();

    // A console without a size (no terminal) reports none; the tables' own default is 80 columns.
    private static int ConsoleWidth()
    {
        try
        {
            var width = Console.WindowWidth;
            return width > 0 ? width : 80;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 80;
        }
    }
}
