using System;
using System.Globalization;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain, equatable data: which rule, the message arguments, the file and the span.
/// It becomes a Roslyn <c>Diagnostic</c> only at the output stage, so cached models never hold a Location.
/// </summary>
public sealed record DiagnosticInfo(string Id, string FilePath, SourceSpan Span, EquatableArray<string> Arguments)
{
    /// <summary>
    /// A diagnostic of <paramref name="rule"/>. Every argument is made safe to quote (see <see cref="MessageText"/>),
    /// so a value that holds line breaks or invisible characters cannot garble or disguise the message.
    /// </summary>
    public static DiagnosticInfo Create(DiagnosticRule rule, string filePath, SourceSpan span, params object?[] arguments)
    {
        var texts = new string[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
            texts[i] = MessageText.Safe(Convert.ToString(arguments[i], CultureInfo.InvariantCulture) ?? "");
        return new DiagnosticInfo(rule.Id, filePath, span, new EquatableArray<string>(texts));
    }

    public DiagnosticRule Rule => DiagnosticRules.ById(Id);

    /// <summary>The formatted message, with each argument in place.</summary>
    public string Message
    {
        get
        {
            var args = new object[Arguments.Count];
            for (var i = 0; i < args.Length; i++)
                args[i] = Arguments[i];
            return string.Format(CultureInfo.InvariantCulture, Rule.MessageFormat, args);
        }
    }

    /// <summary>The line a compiler would print: <c>file.kg.yaml(12,15): error KG0004: message</c>.</summary>
    public override string ToString() =>
        $"{FilePath}{Span}: {Rule.Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
