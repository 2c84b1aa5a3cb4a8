using System.Collections.Generic;

namespace KnowledgeGen.Generator.Diagnostics;

public enum RuleSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>One rule of the catalog: id, title, message format, category, default severity.</summary>
public sealed record DiagnosticRule(string Id, string Title, string MessageFormat, string Category, RuleSeverity Severity)
{
    /// <summary>The rule's section in docs/diagnostics.md.</summary>
    public string HelpLink => DiagnosticRules.HelpBase + Id.ToLowerInvariant();
}

/// <summary>The categories of the catalog, constant so that the release-tracking analyzers can read them.</summary>
public static class DiagnosticCategories
{
    public const string Syntax = "KnowledgeGen.Syntax";
    public const string Schema = "KnowledgeGen.Schema";
    public const string References = "KnowledgeGen.References";
    public const string Naming = "KnowledgeGen.Naming";
    public const string Sources = "KnowledgeGen.Sources";
    public const string Text = "KnowledgeGen.Text";
    public const string Internal = "KnowledgeGen.Internal";
}

/// <summary>
/// The catalog of KGnnnn diagnostics. Kept free of Roslyn types so the command-line tool's
/// <c>validate</c> command can report the same rules outside a build.
/// Each rule is documented in docs/diagnostics.md under its id.
/// </summary>
public static class DiagnosticRules
{
    public const string HelpBase = "https://github.com/knowledgegen/knowledgegen/blob/main/docs/diagnostics.md#";

    private const string Syntax = DiagnosticCategories.Syntax;
    private const string Schema = DiagnosticCategories.Schema;
    private const string References = DiagnosticCategories.References;
    private const string Naming = DiagnosticCategories.Naming;
    private const string Sources = DiagnosticCategories.Sources;
    private const string Text = DiagnosticCategories.Text;
    private const string Internal = DiagnosticCategories.Internal;

    public static readonly DiagnosticRule YamlSyntax = new("KG0001", "YAML syntax error",
        "The file is not valid YAML: {0}", Syntax, RuleSeverity.Error);

    public static readonly DiagnosticRule WrongNodeKind = new("KG0002", "Wrong kind of YAML node",
        "{0} must be {1}, but here it is {2}", Schema, RuleSeverity.Error);

    public static readonly DiagnosticRule UnknownField = new("KG0003", "Unknown field",
        "{0} has no field '{1}'; it is ignored{2}", Schema, RuleSeverity.Warning);

    public static readonly DiagnosticRule MissingField = new("KG0004", "Missing required field",
        "{0} {1} the required field '{2}'{3}; {4}", Schema, RuleSeverity.Error);

    public static readonly DiagnosticRule InvalidId = new("KG0005", "Invalid id",
        "The id '{0}' of {1} is not valid: {2}; ids are kebab-case, lower-case ASCII letters and digits in words joined by single hyphens, such as '{3}'", Naming, RuleSeverity.Error);

    public static readonly DiagnosticRule DuplicateId = new("KG0006", "Duplicate id",
        "The id '{0}' of this {3} is already used by the {1} at {2}; ids are unique across the whole pack, so give one of them another id", Naming, RuleSeverity.Error);

    public static readonly DiagnosticRule UnknownReference = new("KG0007", "Unknown reference",
        "{0} refers to '{1}', but the pack has no entity with that id{2}", References, RuleSeverity.Error);

    public static readonly DiagnosticRule WrongReferenceKind = new("KG0008", "Reference to the wrong kind of entity",
        "{0} must refer to {1}, but '{2}' is {3}", References, RuleSeverity.Error);

    public static readonly DiagnosticRule InvalidValue = new("KG0009", "Invalid value",
        "{0} is '{1}', which is not valid; use {2}", Schema, RuleSeverity.Error);

    public static readonly DiagnosticRule InvalidDate = new("KG0010", "Invalid date",
        "{0} is '{1}', which is not a valid date: {2}", Schema, RuleSeverity.Error);

    public static readonly DiagnosticRule InvalidQuantity = new("KG0011", "Invalid quantity",
        "{0}: {1}", Schema, RuleSeverity.Error);

    public static readonly DiagnosticRule DuplicateField = new("KG0012", "Duplicate field",
        "{0} has the field '{1}' twice; only the first is used, so remove the other", Schema, RuleSeverity.Error);

    public static readonly DiagnosticRule AnchorsNotSupported = new("KG0013", "YAML anchors and aliases are not supported",
        "YAML anchors and aliases ('{0}') are not supported in a pack; write the value out where it is used", Syntax, RuleSeverity.Error);

    public static readonly DiagnosticRule MissingManifest = new("KG0014", "Missing pack manifest",
        "No file of the pack has a 'pack' manifest, so the pack is named '{0}'{1}; add one to a file: pack: {{ name, namespace, title, version }}", Schema, RuleSeverity.Warning);

    public static readonly DiagnosticRule DuplicateManifest = new("KG0015", "Duplicate pack manifest",
        "The pack already has a manifest at {0}; a pack has exactly one, so remove this one or merge the two", Schema, RuleSeverity.Error);

    public static readonly DiagnosticRule NameCollision = new("KG0016", "Two ids give the same C# name",
        "The id '{0}' becomes the C# name '{1}', which {2}; choose another id", Naming, RuleSeverity.Error);

    public static readonly DiagnosticRule SelfLink = new("KG0017", "A claim links to itself",
        "The claim '{0}' lists itself under '{1}'; a claim can only be linked to other claims", References, RuleSeverity.Error);

    public static readonly DiagnosticRule ContainmentCycle = new("KG0018", "Places contain each other",
        "The place '{0}' lies in itself{1}; the chain of 'in' must end at a place that lies in none of them", References, RuleSeverity.Error);

    public static readonly DiagnosticRule AliasCollision = new("KG0019", "Alias names two entities",
        "The alias '{0}' of '{1}' is also the {2} of '{3}', so a lookup by it would be ambiguous; remove it or make it more precise", Naming, RuleSeverity.Warning);

    public static readonly DiagnosticRule NoKnownLists = new("KG0020", "File holds no facts",
        "The file {0}; {1}", Schema, RuleSeverity.Warning);

    public static readonly DiagnosticRule TooDeep = new("KG0021", "YAML nested too deeply",
        "The YAML is nested more than {0} levels deep; a pack file needs at most a few levels", Syntax, RuleSeverity.Error);

    public static readonly DiagnosticRule QuoteNotFound = new("KG0022", "Quote not found in its source",
        "A quote of the claim '{3}' is not in '{1}', the document of the source '{0}'; the closest passage is: \"{2}\"", Sources, RuleSeverity.Error);

    public static readonly DiagnosticRule DocumentNotFound = new("KG0023", "Source document not given to the build",
        "The source '{0}' names the document '{1}', but the build was given no document of that name, so its quotes are not verified; documents given: {2}", Sources, RuleSeverity.Warning);

    public static readonly DiagnosticRule InvisibleCharacter = new("KG0024", "Invisible or control character in text",
        "{0} contains {1}: characters that cannot be seen, or that reorder text when it is displayed, make text read differently from what it is (Trojan Source); remove them, or suppress KG0024 if they are meant", Text, RuleSeverity.Warning);

    public static readonly DiagnosticRule FileGivenTwice = new("KG0025", "File given to the generator twice",
        "The generator is given this file more than once (the path '{0}'); it is read once", Schema, RuleSeverity.Warning);

    public static readonly DiagnosticRule NotText = new("KG0026", "File is not UTF-8 text",
        "The file {0}; a pack file is YAML text saved as UTF-8", Syntax, RuleSeverity.Error);

    public static readonly DiagnosticRule NoPackFiles = new("KG0027", "No pack file found",
        "The build property KnowledgeGenFiles is '{0}', but no *.kg.yaml file of the project matches it, so no fact pack is generated; the pattern is relative to the project's folder", Schema, RuleSeverity.Warning);

    public static readonly DiagnosticRule RelayCycle = new("KG0028", "Sources relay each other",
        "The source '{0}' relays itself{1}; the chain of 'relays' must end at sources that relay none of them", References, RuleSeverity.Error);

    public static readonly DiagnosticRule RepeatedAlias = new("KG0029", "Alias repeats a name of its entity",
        "The alias '{0}' of {1} repeats its {2} '{3}', so a lookup finds nothing more by it; remove it", Naming, RuleSeverity.Warning);

    public static readonly DiagnosticRule IllFormedLanguageTag = new("KG0030", "Ill-formed language tag",
        "{0} is '{1}', which is not a well-formed IETF language tag: {2}; use {3}", Schema, RuleSeverity.Warning);

    public static readonly DiagnosticRule TextCutByComment = new("KG0031", "Text cut short by a comment",
        "The text '{0}' ends where '{1}' begins, which YAML reads as a comment (a '#' after a space), so it is not part of the text; put the whole text in quotes if it belongs to it, or write the comment as '# ...'", Syntax, RuleSeverity.Warning);

    public static readonly DiagnosticRule FileNotRead = new("KG0032", "YAML file not read",
        "The file '{0}' is in the folder of the pack's files, but only files named *.kg.yaml are read, so its facts are not in the pack; if it holds facts, rename it '{1}'", Schema, RuleSeverity.Warning);

    public static readonly DiagnosticRule SharedName = new("KG0033", "Two entities share a name",
        "The name '{0}' of the {1} '{2}' is also the name of the {1} '{3}'{4}, so a lookup by it would be ambiguous; if they are one {1} written twice, keep one and refer to its id, otherwise give them names that tell them apart", Naming, RuleSeverity.Warning);

    public static readonly DiagnosticRule LanguageVersionTooLow = new("KG0034", "C# language version too low for the generated code",
        "The fact pack's generated code needs C# 11 or later (it keeps its facts in UTF-8 string literals), but the project compiles C# {0}, so no code is generated for the pack; set <LangVersion> to 11 or later in the project, or remove it to take the default of the target framework", Schema, RuleSeverity.Error);

    public static readonly DiagnosticRule DocumentNotText = new("KG0035", "Source document is not text",
        "The document '{0}' that the source '{1}' names {2}; {3} until it is saved as UTF-8 text", Sources, RuleSeverity.Warning);

    public static readonly DiagnosticRule ValueIsAComment = new("KG0036", "Value written as a comment",
        "Nothing is written before '{0}', which YAML reads as a comment (a '#' after a space), so the value is empty; put it in quotes if it is the value, or write the comment as '# ...'", Syntax, RuleSeverity.Warning);

    public static readonly DiagnosticRule DocumentNameShared = new("KG0037", "Documents share a file name",
        "The source '{0}' names the document '{1}', but the build was given {2} documents of that name ({3}), so its quotes are not verified; give each document a file name of its own", Sources, RuleSeverity.Warning);

    public static readonly DiagnosticRule IllFormedVersion = new("KG0038", "Ill-formed pack version",
        "The pack version is '{0}', which {1}; write the version of the pack's package, such as {2}", Schema, RuleSeverity.Warning);

    public static readonly DiagnosticRule InternalError = new("KG9999", "Internal generator error",
        "KnowledgeGen could not process this input ({0}: {1}); please report it with the file", Internal, RuleSeverity.Error);

    public static readonly IReadOnlyList<DiagnosticRule> All = new[]
    {
        YamlSyntax, WrongNodeKind, UnknownField, MissingField, InvalidId, DuplicateId, UnknownReference,
        WrongReferenceKind, InvalidValue, InvalidDate, InvalidQuantity, DuplicateField, AnchorsNotSupported,
        MissingManifest, DuplicateManifest, NameCollision, SelfLink, ContainmentCycle, AliasCollision,
        NoKnownLists, TooDeep, QuoteNotFound, DocumentNotFound, InvisibleCharacter, FileGivenTwice, NotText, NoPackFiles, RelayCycle, RepeatedAlias, IllFormedLanguageTag, TextCutByComment,
        FileNotRead, SharedName, LanguageVersionTooLow, DocumentNotText, ValueIsAComment, DocumentNameShared, IllFormedVersion, InternalError,
    };

    private static readonly Dictionary<string, DiagnosticRule> s_byId = BuildIndex();

    public static DiagnosticRule ById(string id) => s_byId[id];

    private static Dictionary<string, DiagnosticRule> BuildIndex()
    {
        var index = new Dictionary<string, DiagnosticRule>();
        foreach (var rule in All)
            index.Add(rule.Id, rule);
        return index;
    }
}
