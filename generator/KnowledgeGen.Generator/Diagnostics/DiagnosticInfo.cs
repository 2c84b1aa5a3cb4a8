using System;
using System.Globalization;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain, equatable data: which rule, the message arguments, the file and the span.
/// It becomes a Roslyn <c>Diagnostic</c> only at the output stage, so cached models never hold a Location.
/// </summary>
public sealed record DiagnosticInfo(string Id, string FilePath, SourceSpan Span, EquatableArray<string> Arguments,
    ElsewhereInPack? Elsewhere = null)
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

    /// <summary>
    /// A diagnostic whose message also points at another place of the pack ("… at b.kg.yaml(3,7)"): argument
    /// <see cref="ElsewhereInPack.Argument"/> is that place's text, and the place is kept so that its line can
    /// be put back (<see cref="WithElsewhere"/>) once the pack-wide link, which sees only ranked spans, is done.
    /// </summary>
    public static DiagnosticInfo Create(DiagnosticRule rule, string filePath, SourceSpan span, ElsewhereInPack elsewhere, params object?[] arguments)
    {
        var withPlace = (object?[])arguments.Clone();
        withPlace[elsewhere.Argument] = elsewhere.Text;
        return Create(rule, filePath, span, withPlace) with { Elsewhere = elsewhere };
    }

    /// <summary>This diagnostic with the other place's span replaced, and its message argument with it.</summary>
    public DiagnosticInfo WithElsewhere(SourceSpan span)
    {
        if (Elsewhere is null)
            return this;
        var place = Elsewhere with { Span = span };
        var arguments = new string[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
            arguments[i] = i == place.Argument ? MessageText.Safe(place.Text) : Arguments[i];
        return this with { Arguments = new EquatableArray<string>(arguments), Elsewhere = place };
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

/// <summary>
/// The other place a message names: argument <see cref="Argument"/> of the message reads <see cref="Prefix"/>, then
/// <see cref="FilePath"/> and the span's one-based <c>(line,column)</c>.
/// </summary>
public sealed record ElsewhereInPack(int Argument, string Prefix, string FilePath, SourceSpan Span)
{
    public string Text => Prefix + FilePath + Span;
}
