using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using KnowledgeGen.Generator.Reading;
using KnowledgeGen.Testing;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// schema/kg.schema.json, which editors use to complete and validate *.kg.yaml files, offers exactly the
/// fields and values the reader accepts, and every file of the Panjshir pack is valid against it.
/// </summary>
public class SchemaTests
{
    private static readonly string Root = RepositoryRoot.Get();
    private static readonly string SchemaPath = Path.Combine(Root, "schema", "kg.schema.json");
    private static readonly JsonNode SchemaJson = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(SchemaPath));

    public static TheoryData<string, string[]> Maps => new()
    {
        { "", PackFileReader.TopLevelFields },
        { "manifest", PackFileReader.ManifestFields },
        { "source", PackFileReader.SourceFields },
        { "actor", PackFileReader.ActorFields },
        { "role", PackFileReader.RoleFields },
        { "place", PackFileReader.PlaceFields },
        { "claim", PackFileReader.ClaimFields },
        { "citation", PackFileReader.CitationFields },
        { "quantity", PackFileReader.QuantityFields },
    };

    [Theory]
    [MemberData(nameof(Maps))]
    public void Each_map_offers_the_fields_the_reader_accepts_and_no_other(string definition, string[] fields)
    {
        var map = definition.Length == 0 ? SchemaJson : SchemaJson["definitions"]![definition]!;
        var properties = map["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);

        Assert.Equal(fields.Order(StringComparer.Ordinal), properties);
        Assert.False(map["additionalProperties"]!.GetValue<bool>()); // an unknown field is flagged, as the reader warns
    }

    [Fact]
    public void The_date_map_offers_the_fields_the_reader_accepts()
    {
        var map = SchemaJson["definitions"]!["date"]!["anyOf"]!.AsArray().Single(n => n!["type"]?.GetValue<string>() == "object")!;
        Assert.Equal(PackFileReader.DateFields.Order(StringComparer.Ordinal), map["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(PackFileReader.DatePrecisions, Enum(map["properties"]!["precision"]!));
    }

    [Fact]
    public void Kinds_and_statuses_are_the_readers()
    {
        var definitions = SchemaJson["definitions"]!;
        Assert.Equal(PackFileReader.SourceKinds, Enum(definitions["source"]!["properties"]!["kind"]!));
        Assert.Equal(PackFileReader.ActorKinds, Enum(definitions["actor"]!["properties"]!["kind"]!));
        Assert.Equal(PackFileReader.PlaceKinds, Enum(definitions["place"]!["properties"]!["kind"]!));
        Assert.Equal(PackFileReader.ClaimStatuses, Enum(definitions["claim"]!["properties"]!["status"]!));
    }

    [Fact]
    public void The_id_pattern_agrees_with_the_readers_id_rule()
    {
        var pattern = new Regex(SchemaJson["definitions"]!["id"]!["anyOf"]![0]!["pattern"]!.GetValue<string>());
        foreach (var id in new[] { "fahim-dashti", "report-001", "1996-offensive", "a", "-a", "a-", "a--b", "A-b", "a_b", "ü", "a b", "" })
            Assert.Equal(Model.Naming.IsValidId(id), pattern.IsMatch(id));
    }

    [Fact]
    public void The_language_tag_pattern_agrees_with_the_readers_rule() => AssertThePatternAgreesWithTheReader(
        SchemaJson["definitions"]!["languageTag"]!["pattern"]!.GetValue<string>(),
        new[]
        {
            "en", "prs", "EN-gb", "pt-BR", "zh-Hant-TW", "de-CH-1901", "sl-rozaj-biske", "zh-yue-HK", "es-419", "en-USA", "x-klingon",
            "en-US-u-ca-gregory-x-twain", "en-a-bb-b-cc", "en-1abc", "English", "en_US", "en-", "-en", "en--US", "e", "abcd",
            "i-klingon", "en-GB-oed", "de-1", "en-u", "en-x", "x", "en-Latn-Latn", "fr-FR-paris-extra-long-subtag", "2021", "en US",
            "ar-aao-abc-abd-abe", "en-abcdefghi", "", "én", "zh-Hant-TWN", "zh-yue-cmn", "ZH-YUE", "sgn-ase", "ar-arz-EG", "kok-gom", "no-nyn",
            "en-gsw", "zh-Hant", "zh-Han-CN", "ca-ES-valencia", "hy-Latn-IT-1abc", " en ", "pt-BR ", " en US ", "  ",
        },
        alphabet: "aZx1-9bX_-", seed: 47, LanguageTags.IsWellFormed);

    [Fact]
    public void The_version_pattern_agrees_with_the_readers_rule() => AssertThePatternAgreesWithTheReader(
        SchemaJson["definitions"]!["manifest"]!["properties"]!["version"]!["pattern"]!.GetValue<string>(),
        new[]
        {
            "1.0.0", "2.1.0-beta.1", "1.0.0+build.5", "1.0.0-rc.1+sha.5114f85", "1.0.0--", "1.0.0+-", "1.0.0-0", "1", "1.0", "1.0.0.0",
            "1.0-beta", "1.0.0.0-beta.2+b", "01.0.0", "1.01.0", "2021-09-02", "1.0.0.0.0", "v1.0.0", "1.0.0-beta.01", "1.0.0-01",
            "1.0.0-00", "1.0.0-", "1.0.0+", "1.0.0-beta+", "1.0.0+a+b", "1..0", "1.", ".1", "-1", "+1.0.0", "1.0.0-beta_1",
            "1.0.0 beta", "1.0.0-beta..1", "1.0.0-ß", "latest", "2021-09", "", " 1.0.0 ", "1.0.0\t", " v1.0 ", "  ",
            // Around 2147483647, the largest number NuGet takes; leading zeros do not count, and a label's number is not NuGet's.
            "2147483647", "2147483648", "02147483647", "00000000002147483648", "999999999", "9999999999", "10000000000", "1999999999",
            "2099999999", "2139999999", "2146999999", "2147399999", "2147479999", "2147482999", "2147483599", "2147483639",
            "2200000000", "2150000000", "2148000000", "2147500000", "2147490000", "2147484000", "2147483700", "2147483650",
            "3000000000", "1.0.99999999999", "1.0.2147483647", "1.0.2147483648", "2147483647.2147483647.2147483647.2147483647",
            "1.0.0.4294967296", "1.18446744073709551616", "1.0.0-99999999999", "1.0.0+99999999999", "1.0.0-beta.99999999999",
            "v1.0.99999999999", " 1.0.2147483648 ", "0000000000000000000001.0",
        },
        alphabet: "0129.-+aZ..-", seed: 38, PackVersions.IsWellFormed);

    [Fact]
    public void The_quantity_number_pattern_agrees_with_the_readers_rule() => AssertThePatternAgreesWithTheReader(
        SchemaJson["definitions"]!["quantityNumber"]!["anyOf"]![0]!["pattern"]!.GetValue<string>(),
        new[]
        {
            "40", "-3", "7.5", ".5", "7.", "-.5", "-7.", "0", "-0", "00", "0.0", "00.", "007", "-007.50", "10,000", "10 000", "1_000", "1,5",
            "+7", "+.5", "1.5e3", "1e3", "1E3", "-1.5E-2", "-", ".", "-.", "+", "..5", "1..", "1.2.3", "--1", "-+1", "1-", "1.-5", ".5.",
            " 40 ", "\t-.5 ", "\u00a07.5\u2003", "5\n", " 4 0 ", "", "  ", "\u200b5", ".inf", "-.inf", ".nan", "NaN", "Infinity",
            "0x1F", "\u0663", "\uff11", "1\u00a0000",
            // Around the 28 digits a decimal holds exactly: zeros before the first digit of the whole part do not count, every
            // digit after the point does.
            new string('9', 28), new string('9', 29), "-" + new string('9', 28), "-" + new string('9', 29), "1" + new string('0', 28),
            new string('0', 40) + new string('9', 28), new string('0', 40) + new string('9', 29), "-" + new string('0', 40) + ".5",
            new string('9', 14) + "." + new string('9', 14), new string('9', 14) + "." + new string('9', 15),
            new string('9', 28) + ".", new string('9', 28) + ".0", "." + new string('9', 28), "." + new string('9', 29),
            "0." + new string('0', 27) + "1", "0." + new string('0', 28) + "1", "-." + new string('0', 28), "-." + new string('0', 29),
            " " + new string('9', 28) + " ", " " + new string('9', 29) + " ",
        },
        alphabet: "0015.-+e, 9.0", seed: 11, QuantityReader.IsNumber);

    // A pattern of the schema takes a text exactly when the reader's rule does: on the texts given, and on thousands of short
    // texts of the alphabet's characters, drawn with a fixed seed so that a failure comes back. The reader leaves out the white
    // space around a value written in quotes, and the pattern allows it, so the rule is asked about the text without it.
    private static void AssertThePatternAgreesWithTheReader(string pattern, IEnumerable<string> texts, string alphabet, int seed, Func<string, bool> rule)
    {
        var regex = new Regex(pattern);
        var random = new Random(seed);
        var all = texts.ToList();
        for (var i = 0; i < 5000; i++)
            all.Add(new string(Enumerable.Range(0, random.Next(1, 14)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));

        foreach (var text in all)
            Assert.True(rule(text.Trim()) == regex.IsMatch(text), $"'{text}': the reader says {rule(text.Trim())}");
    }

    public static TheoryData<string> PanjshirFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "knowledge", "panjshir-2021"), "*.kg.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(PanjshirFiles))]
    public void Every_file_of_the_Panjshir_pack_is_valid(string file)
    {
        var errors = Validate(File.ReadAllText(Path.Combine(Root, "knowledge", "panjshir-2021", file)));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_starter_fixture_is_valid()
    {
        foreach (var (path, text) in KnowledgeGen.Testing.GeneratorHarness.Fixture("starter"))
            Assert.True(Validate(text).Count == 0, path + "\n" + string.Join("\n", Validate(text)));
    }

    [Theory]
    [InlineData("actors:\n  - { id: a, name: A, kind: person, colour: red }\n")] // unknown field
    [InlineData("actors:\n  - { id: a, name: A, kind: robot }\n")] // unknown kind
    [InlineData("actors:\n  - { id: Not-An-Id, name: A, kind: person }\n")] // id syntax
    [InlineData("actors:\n  - { id: a, kind: person }\n")] // missing name
    [InlineData("actors:\n  - { id: a, name: \"  \", kind: person }\n")] // blank name
    [InlineData("places:\n  - { id: a, name: A, kind: site, in: \"\" }\n")] // blank reference
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a }\n")] // no citations
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], quantity: { value: 1, min: 0, max: 2, unit: u } }\n")]
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], date: 2021-9-2 }\n")]
    [InlineData("pack: { name: 2021Pack, namespace: P, title: T, version: 1.0.0 }\n")]
    [InlineData("places: []\nplaces2: []\n")]
    [InlineData("actors:\n  - { id: a, name: A, kind: person, aliases: [Dashti, Dashti] }\n")] // an alias written twice
    [InlineData("sources:\n  - { id: s, name: S, kind: other, language: English }\n")] // a language's name, not its tag
    [InlineData("sources:\n  - { id: s, name: S, kind: other, translated-from: en_US }\n")] // '_' between subtags
    [InlineData("actors:\n  - { id: \" fahim-dashti \", name: A, kind: person }\n")] // an id is written exactly
    [InlineData("actors:\n  - { id: a, name: A, kind: \" per son \" }\n")] // only the white space around a word is left out
    [InlineData("pack: { name: \" Harbour Log \", namespace: P, title: T, version: 1.0.0 }\n")] // white space inside a pack's name
    [InlineData("pack: { name: P, namespace: \"Harbour. Facts\", title: T, version: 1.0.0 }\n")] // or inside its namespace
    [InlineData("pack: { name: P, namespace: P, title: T, version: v1.0.0 }\n")] // a version a package cannot have (a warning)
    [InlineData("pack: { name: P, namespace: P, title: T, version: \"1.0.0.0.0\" }\n")]
    [InlineData("pack: { name: P, namespace: P, title: T, version: -1 }\n")]
    [InlineData("pack: { name: P, namespace: P, title: T, version: 1.0.99999999999 }\n")] // a number NuGet cannot hold
    [InlineData("pack: { name: P, namespace: P, title: T, version: 99999999999 }\n")] // and so as a YAML number
    // A quantity's number with thousands separators, '+' or an exponent in quotes, or beyond what a decimal holds exactly.
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], quantity: { value: \"10,000\", unit: u } }\n")]
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], quantity: { min: \"+7\", max: 8, unit: u } }\n")]
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], quantity: { min: 7, max: \"1.5e3\", unit: u } }\n")]
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], quantity: { value: 10 000, unit: u } }\n")]
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], quantity: { value: \"12345678901234567890123456789\", unit: u } }\n")]
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], quantity: { value: 20000000000000000000000000000, unit: u } }\n")]
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], quantity: { min: -.inf, max: 0, unit: u } }\n")]
    public void What_the_reader_rejects_the_schema_rejects(string yaml)
    {
        Assert.NotEmpty(Validate(yaml));
        var read = PackFileReader.Read("/t/file.kg.yaml", yaml);
        Assert.NotEmpty(read.Diagnostics);
    }

    // Every scalar is read as text, so what YAML would take for a number or a flag is the text of its digits or words; a
    // flag is true or false in any case, quoted or not.
    [Theory]
    [InlineData("actors:\n  - { id: 2021, name: 1984, kind: person, aliases: [1996, true] }\n")]
    [InlineData("claims:\n  - { id: c, statement: 40, claimant: a, citations: [ { source: s, quote: 40 } ], quantity: { value: 1, unit: 2 } }\n")]
    [InlineData("actors:\n  - { id: a, name: A, kind: person, anonymous: \"TRUE\", roles: [ { title: 7, of: b, former: \"false\" } ] }\n")]
    [InlineData("pack: { name: P, namespace: P, title: 2021, version: 1 }\n")]
    [InlineData("sources:\n  - { id: s, name: S, kind: other, language: zh-Hant-TW, translated-from: de-CH-1901 }\n")]
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], date: \" 2021-09-02 \", quantity: { min: \" 7\", max: \"8 \", unit: u } }\n")]
    // A number with its point at either end, which YAML reads as a number, plain or in quotes.
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], quantity: { min: -.5, max: 7., unit: u } }\n")]
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], quantity: { value: \" .5 \", unit: u } }\n")]
    // As many digits as a decimal holds exactly, the zeros before the whole part's first digit not counted, written either way.
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, citations: [ { source: s, quote: q } ], quantity: { min: -9999999999999999999999999999, max: \"0009999999999999999999999999999\", unit: u } }\n")]
    // White space around a word of the format written in quotes is not part of it, as around a date or a number.
    [InlineData("sources:\n  - { id: s, name: S, kind: \" news-report \", language: \" en \", translated-from: \"de \" }\n")]
    [InlineData("actors:\n  - { id: a, name: A, kind: \" person \", anonymous: \" true \", roles: [ { title: t, former: \"false \" } ] }\n")]
    [InlineData("places:\n  - { id: p, name: P, kind: \" valley\" }\n")]
    [InlineData("pack: { name: \" Panjshir2021 \", namespace: \"\\tAcme.Facts \", title: T, version: 1.0.0 }\n")]
    [InlineData("pack: { name: P, namespace: P, title: T, version: \" 2.1.0-beta.1+build.5 \" }\n")]
    [InlineData("pack: { name: P, namespace: P, title: T, version: 1.0 }\n")] // a version NuGet takes, and a number to YAML
    [InlineData("pack: { name: P, namespace: P, title: T, version: 1.0.0.0 }\n")]
    [InlineData("pack: { name: P, namespace: P, title: T, version: 2147483647.2147483647 }\n")] // NuGet's largest numbers, a number to YAML
    [InlineData("claims:\n  - { id: c, statement: S, claimant: a, status: \" disputed \", citations: [ { source: s, quote: q } ], date: { date: 2021-09, precision: \" month \" }, quantity: { value: 1, unit: u, approximate: \" TRUE \" } }\n")]
    public void What_the_reader_accepts_the_schema_accepts(string yaml)
    {
        var read = PackFileReader.Read("/t/file.kg.yaml", yaml);
        Assert.Empty(read.Diagnostics);
        Assert.Empty(Validate(yaml));
    }

    private static List<string> Validate(string yaml)
    {
        var result = Schema.Evaluate(ToJson(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return new List<string>();
        return (result.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }

    /// <summary>
    /// YAML → JSON as an editor's YAML language server sees it: plain scalars resolved by the YAML core
    /// schema (true, 40, 1.5, null), quoted ones kept as strings.
    /// </summary>
    private static JsonElement ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var node = stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
        return JsonSerializer.SerializeToElement(node);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
            return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (text is "true" or "True" or "TRUE")
            return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE")
            return JsonValue.Create(false);
        if (Regex.IsMatch(text, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }

    // The words offered, whether alone or beside the pattern that also takes them with white space around them.
    private static string[] Enum(JsonNode node) =>
        (node["enum"] ?? node["anyOf"]!.AsArray().Select(n => n!["enum"]).Single(e => e is not null))!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
}
