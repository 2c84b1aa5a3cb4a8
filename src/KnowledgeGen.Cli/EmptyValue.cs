using System;
using System.Linq;
using System.CommandLine.Parsing;

namespace KnowledgeGen.Cli;

/// <summary>
/// An empty value (<c>--pack ""</c>, <c>who ""</c>, <c>validate ""</c>: what a script passes for a variable that is not
/// set) is a wrong command line, as a missing value is: exit code 1 with the command's help named, never taken for a
/// path that does not exist or a name that nothing in the pack has.
/// </summary>
public static class EmptyValue
{
    /// <summary>
    /// A validator that refuses an empty or white-space value of an option (any of them, for an option given more than once),
    /// with <paramref name="need"/> as its message.
    /// </summary>
    /// <param name="need">What the option needs, as the message starts: <c>--pack needs the path of a pack assembly (.dll)</c>.</param>
    public static Action<OptionResult> IsAUsageError(string need) => option =>
    {
        if (option.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value)))
            option.AddError(need + ", and the one given is empty.");
    };

    /// <summary>A validator that refuses an empty or white-space value of an argument, with <paramref name="need"/> as its message.</summary>
    public static Action<ArgumentResult> IsAUsageErrorOf(string need) => argument =>
    {
        if (string.IsNullOrWhiteSpace(argument.GetValueOrDefault<string?>()))
            argument.AddError(need + ", and the one given is empty.");
    };
}
