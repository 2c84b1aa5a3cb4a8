using System;
using System.CommandLine;
using System.IO;

namespace KnowledgeGen.Cli;

/// <summary>
/// The <c>--plain</c> option of the commands that write tables in a terminal (the briefing, <c>who</c>, <c>contested</c>,
/// <c>timeline</c>): plain text even in a terminal.
/// </summary>
public static class PlainOption
{
    /// <summary>
    /// Creates the option. One instance is given to the root and to each of those commands, so that it counts wherever it
    /// is written: <c>knowledgegen --plain timeline</c> is <c>knowledgegen timeline --plain</c>.
    /// </summary>
    public static Option<bool> Create() => new("--plain")
    {
        Description = "Write plain text instead of tables, even in a terminal (plain is the default when the output is redirected).",
    };

    /// <summary>True when a command should write plain text: the option is given, or the output is not a terminal.</summary>
    public static bool IsPlain(ParseResult result, Option<bool> plain, TextWriter output) =>
        result.GetValue(plain) || !ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected;
}
