using System;
using System.Collections.Generic;
using KnowledgeGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.DiagnosticSeverity;
using C = KnowledgeGen.Generator.Diagnostics.DiagnosticCategories;

namespace KnowledgeGen.Generator.Diagnostics;

/// <summary>
/// The catalog's rules as Roslyn descriptors; used only at the output stage.
/// </summary>
/// <remarks>
/// One field a rule, with a constant id, category and severity, so that the release-tracking analyzers
/// (RS2000–RS2008) check each against AnalyzerReleases.Shipped.md and AnalyzerReleases.Unshipped.md.
/// Title, message and help link come from the Roslyn-free catalog in <see cref="DiagnosticRules"/>;
/// <see cref="Create"/> refuses a descriptor whose category or severity disagrees with it, and a test
/// checks every rule has its descriptor.
/// </remarks>
internal static class RoslynDescriptors
{
    public static readonly DiagnosticDescriptor YamlSyntax = Create("KG0001", C.Syntax, Error);
    public static readonly DiagnosticDescriptor WrongNodeKind = Create("KG0002", C.Schema, Error);
    public static readonly DiagnosticDescriptor UnknownField = Create("KG0003", C.Schema, Warning);
    public static readonly DiagnosticDescriptor MissingField = Create("KG0004", C.Schema, Error);
    public static readonly DiagnosticDescriptor InvalidId = Create("KG0005", C.Naming, Error);
    public static readonly DiagnosticDescriptor DuplicateId = Create("KG0006", C.Naming, Error);
    public static readonly DiagnosticDescriptor UnknownReference = Create("KG0007", C.References, Error);
    public static readonly DiagnosticDescriptor WrongReferenceKind = Create("KG0008", C.References, Error);
    public static readonly DiagnosticDescriptor InvalidValue = Create("KG0009", C.Schema, Error);
    public static readonly DiagnosticDescriptor InvalidDate = Create("KG0010", C.Schema, Error);
    public static readonly DiagnosticDescriptor InvalidQuantity = Create("KG0011", C.Schema, Error);
    public static readonly DiagnosticDescriptor DuplicateField = Create("KG0012", C.Schema, Error);
    public static readonly DiagnosticDescriptor AnchorsNotSupported = Create("KG0013", C.Syntax, Error);
    public static readonly DiagnosticDescriptor MissingManifest = Create("KG0014", C.Schema, Warning);
    public static readonly DiagnosticDescriptor DuplicateManifest = Create("KG0015", C.Schema, Error);
    public static readonly DiagnosticDescriptor NameCollision = Create("KG0016", C.Naming, Error);
    public static readonly DiagnosticDescriptor SelfLink = Create("KG0017", C.References, Error);
    public static readonly DiagnosticDescriptor ContainmentCycle = Create("KG0018", C.References, Error);
    public static readonly DiagnosticDescriptor AliasCollision = Create("KG0019", C.Naming, Warning);
    public static readonly DiagnosticDescriptor NoKnownLists = Create("KG0020", C.Schema, Warning);
    public static readonly DiagnosticDescriptor TooDeep = Create("KG0021", C.Syntax, Error);
    public static readonly DiagnosticDescriptor QuoteNotFound = Create("KG0022", C.Sources, Error);
    public static readonly DiagnosticDescriptor DocumentNotFound = Create("KG0023", C.Sources, Warning);
    public static readonly DiagnosticDescriptor InvisibleCharacter = Create("KG0024", C.Text, Warning);
    public static readonly DiagnosticDescriptor FileGivenTwice = Create("KG0025", C.Schema, Warning);
    public static readonly DiagnosticDescriptor NotText = Create("KG0026", C.Syntax, Error);
    public static readonly DiagnosticDescriptor NoPackFiles = Create("KG0027", C.Schema, Warning);
    public static readonly DiagnosticDescriptor RelayCycle = Create("KG0028", C.References, Error);
    public static readonly DiagnosticDescriptor RepeatedAlias = Create("KG0029", C.Naming, Warning);
    public static readonly DiagnosticDescriptor IllFormedLanguageTag = Create("KG0030", C.Schema, Warning);
    public static readonly DiagnosticDescriptor TextCutByComment = Create("KG0031", C.Syntax, Warning);
    public static readonly DiagnosticDescriptor FileNotRead = Create("KG0032", C.Schema, Warning);
    public static readonly DiagnosticDescriptor SharedName = Create("KG0033", C.Naming, Warning);
    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create("KG0034", C.Schema, Error);
    public static readonly DiagnosticDescriptor DocumentNotText = Create("KG0035", C.Sources, Warning);
    public static readonly DiagnosticDescriptor ValueIsAComment = Create("KG0036", C.Syntax, Warning);
    public static readonly DiagnosticDescriptor DocumentNameShared = Create("KG0037", C.Sources, Warning);
    public static readonly DiagnosticDescriptor IllFormedVersion = Create("KG0038", C.Schema, Warning);
    public static readonly DiagnosticDescriptor InternalError = Create("KG9999", C.Internal, Error);

    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        YamlSyntax,
        WrongNodeKind,
        UnknownField,
        MissingField,
        InvalidId,
        DuplicateId,
        UnknownReference,
        WrongReferenceKind,
        InvalidValue,
        InvalidDate,
        InvalidQuantity,
        DuplicateField,
        AnchorsNotSupported,
        MissingManifest,
        DuplicateManifest,
        NameCollision,
        SelfLink,
        ContainmentCycle,
        AliasCollision,
        NoKnownLists,
        TooDeep,
        QuoteNotFound,
        DocumentNotFound,
        InvisibleCharacter,
        FileGivenTwice,
        NotText,
        NoPackFiles,
        RelayCycle,
        RepeatedAlias,
        IllFormedLanguageTag,
        TextCutByComment,
        FileNotRead,
        SharedName,
        LanguageVersionTooLow,
        DocumentNotText,
        ValueIsAComment,
        DocumentNameShared,
        IllFormedVersion,
        InternalError,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = BuildIndex();

    public static DiagnosticDescriptor For(DiagnosticRule rule) => s_byId[rule.Id];

    /// <summary>The Roslyn diagnostic of <paramref name="info"/>, located in its *.kg.yaml file (or nowhere when it has no file).</summary>
    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var span = info.Span;
        var location = info.FilePath.Length == 0
            ? Location.None
            : Location.Create(info.FilePath,
                new TextSpan(span.StartIndex, Math.Max(0, span.EndIndex - span.StartIndex)),
                new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), End(span)));
        var args = new object[info.Arguments.Count];
        for (var i = 0; i < args.Length; i++)
            args[i] = info.Arguments[i];
        return Diagnostic.Create(For(info.Rule), location, args);

        // A span never ends before it starts; LinePositionSpan would throw if it did.
        static LinePosition End(SourceSpan s) =>
            s.EndLine > s.StartLine || (s.EndLine == s.StartLine && s.EndColumn >= s.StartColumn)
                ? new LinePosition(s.EndLine, s.EndColumn)
                : new LinePosition(s.StartLine, s.StartColumn);
    }

    // The release-tracking analyzers read a helper's arguments by parameter name: id, category, defaultSeverity.
    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity defaultSeverity)
    {
        var rule = DiagnosticRules.ById(id);
        if (rule.Category != category || rule.Severity != ToRuleSeverity(defaultSeverity))
            throw new System.InvalidOperationException($"The descriptor of {id} disagrees with the catalog.");
        return new DiagnosticDescriptor(id, rule.Title, rule.MessageFormat, category, defaultSeverity, isEnabledByDefault: true,
            helpLinkUri: rule.HelpLink);
    }

    public static DiagnosticSeverity ToSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    private static RuleSeverity ToRuleSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => RuleSeverity.Error,
        DiagnosticSeverity.Warning => RuleSeverity.Warning,
        _ => RuleSeverity.Info,
    };

    private static Dictionary<string, DiagnosticDescriptor> BuildIndex()
    {
        var index = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var descriptor in All)
            index.Add(descriptor.Id, descriptor);
        return index;
    }
}
