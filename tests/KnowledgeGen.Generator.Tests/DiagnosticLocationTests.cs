using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>Each kind of mistake is reported at the line and column of the offending YAML.</summary>
public class DiagnosticLocationTests
{
    private static string Diagnose(string yaml, string path = "/p/facts.kg.yaml") =>
        GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", "pack: { name: P, namespace: P, title: P, version: 1.0.0 }\n"), (path, yaml) }).DiagnosticsText().TrimEnd();

    [Fact]
    public void Yaml_syntax_error_points_into_the_file()
    {
        var text = Diagnose("actors:\n  - id: a\n    name: [unclosed\n");
        Assert.StartsWith("facts.kg.yaml(", text);
        Assert.Contains("error KG0001", text);
    }

    [Fact]
    public void Yaml_error_at_the_end_of_a_file_without_a_final_line_break_stands_on_its_last_line()
    {
        // The parser places it one line past the last, where an editor has nothing to show.
        var text = Diagnose("actors:\n  - { id: cl");
        Assert.StartsWith("facts.kg.yaml(2,13): error KG0001", text);
    }

    [Fact]
    public void A_field_written_inside_a_list_in_brackets_is_reported_where_it_stands()
    {
        // "B C: d" inside [ ] is a map of one field; the parser gives such a map no position of its own.
        var text = Diagnose("actors:\n  - id: a\n    name: A\n    kind: person\n    aliases: [A1, B C: d]\n");
        Assert.Equal("facts.kg.yaml(5,19): error KG0002: Item 2 of the field 'aliases' of the actor 'a' must be a text, but here it is a map", text);
    }

    // A quote inside a quoted text ends it early; the parser then finds text where it expects the next field, which
    // alone reads as a problem of indentation.
    [Theory]
    [InlineData("actors:\n  - id: a\n    name: 'it's'\n    kind: person\n", "(3,15)", "a ' inside a text in single quotes is written twice ('it''s')")]
    [InlineData("actors:\n  - { id: a, name: \"He said \"no\"\", kind: person }\n", "(2,30)", "a \" inside a text in double quotes is written \\\"")]
    [InlineData("actors:\n  - id: a\n    name: A\n    kind: person\n    aliases: ['Massoud's men', b]\n", "(5,24)", "a ' inside a text in single quotes is written twice")]
    public void A_quote_that_ends_a_quoted_text_early_is_said_to_do_so(string yaml, string position, string advice)
    {
        var text = Diagnose(yaml);
        Assert.StartsWith("facts.kg.yaml" + position + ": error KG0001: The file is not valid YAML: more text follows the closing quote of a quoted text, on the same line; ", text);
        Assert.Contains(advice, text);
    }

    [Fact]
    public void Text_on_a_line_of_its_own_after_a_quoted_text_is_still_a_problem_of_indentation()
    {
        var text = Diagnose("actors:\n  - id: a\n    name: 'A'\n   kind: person\n");
        Assert.Contains("error KG0001: The file is not valid YAML: a line is not indented like the lines around it", text);
    }

    // "-" alone or "- x" as a value starts a list item to YAML; the parser's words for it ("Invalid key indicator format.")
    // do not say so.
    [Theory]
    [InlineData("actors:\n  - { id: a, name: -, kind: person }\n", "(2,20)")]
    [InlineData("actors:\n  - { id: a, name: - x, kind: person }\n", "(2,20)")]
    [InlineData("actors:\n  - id: a\n    name: -\n    kind: person\n", "(3,11)")]
    [InlineData("actors:\n  - id: a\n    name: A\n    kind: person\n    aliases: - b\n", "(5,14)")]
    [InlineData("actors:\n  - id: a\n    name: A\n    kind: person\n    aliases: [-, b]\n", "(5,15)")]
    public void A_dash_that_yaml_reads_as_a_list_item_is_said_to_be_one(string yaml, string position)
    {
        var text = Diagnose(yaml);
        Assert.StartsWith("facts.kg.yaml" + position + ": error KG0001: The file is not valid YAML: a '-' followed by a space or by the end of the line starts a list item, which cannot stand on the line of a field or inside brackets or braces; write a list's items on lines of their own below its field, and put a text that is '-' or starts with '- ' in quotes (", text);
    }

    [Fact]
    public void The_year_0000_is_said_to_be_too_early_not_to_lack_digits()
    {
        var text = Diagnose("actors:\n  - { id: a, name: A, kind: person }\nsources:\n  - { id: s, name: S, kind: other, published: 0000-01-01 }\n");
        Assert.Equal("facts.kg.yaml(4,47): error KG0010: The field 'published' of the source 's' is '0000-01-01', which is not a valid date: the year must be 0001 or later", text);
    }

    [Fact]
    public void A_quoted_number_with_spaces_around_it_is_read_as_the_number_as_a_quoted_date_is()
    {
        const string yaml = """
            actors:
              - { id: a, name: A, kind: person }
            sources:
              - { id: s, name: S, kind: other }
            claims:
              - { id: c1, statement: S, claimant: a, citations: [{ source: s, quote: q }], date: " 2021-09-02 ", quantity: { value: " 40 ", unit: fighters } }
              - { id: c2, statement: S, claimant: a, citations: [{ source: s, quote: q }], date: { date: "2021-09 ", precision: month }, quantity: { min: "\t7", max: "8.5 ", unit: days } }
            """;

        Assert.Equal("", Diagnose(yaml));
        var claims = Generator.Reading.PackFileReader.Read("/p/facts.kg.yaml", yaml).Claims;
        Assert.Equal(new Generator.Model.QuantitySpec("40", "40", "fighters", false), claims[0].Quantity);
        Assert.Equal(new Generator.Model.DateSpec(2021, 9, 2, Generator.Model.DatePrecisionSpec.Day), claims[0].Date);
        Assert.Equal(new Generator.Model.QuantitySpec("7", "8.5", "days", false), claims[1].Quantity);
        Assert.Equal(new Generator.Model.DateSpec(2021, 9, 1, Generator.Model.DatePrecisionSpec.Month), claims[1].Date);
    }

    // YAML 1.2's core schema reads .5, 7. and -.5 as numbers; a quantity takes them, as the number they are.
    [Theory]
    [InlineData(".5", "0.5")]
    [InlineData("7.", "7")]
    [InlineData("-.5", "-0.5")]
    [InlineData("-7.", "-7")]
    [InlineData(".50", "0.50")]
    [InlineData("\" .5 \"", "0.5")]
    [InlineData("'7. '", "7")]
    public void A_number_written_with_its_point_at_either_end_is_read_as_the_number(string written, string number)
    {
        var yaml = "actors:\n  - { id: a, name: A, kind: person }\nsources:\n  - { id: s, name: S, kind: other }\n"
            + $"claims:\n  - {{ id: c, statement: S, claimant: a, citations: [{{ source: s, quote: q }}], quantity: {{ value: {written}, unit: u }} }}\n"
            + $"  - {{ id: r, statement: S, claimant: a, citations: [{{ source: s, quote: q }}], quantity: {{ min: {written}, max: 8, unit: u }} }}\n";

        Assert.Equal("", Diagnose(yaml));
        var claims = Generator.Reading.PackFileReader.Read("/p/facts.kg.yaml", yaml).Claims;
        Assert.Equal(new Generator.Model.QuantitySpec(number, number, "u", false), claims[0].Quantity);
        Assert.Equal(new Generator.Model.QuantitySpec(number, "8", "u", false), claims[1].Quantity);
    }

    // What is not a number is still said so at the value; a number YAML reads as one but that a quantity does not take (with a
    // '+' or an exponent) is said to be such a number, with the number written as a quantity takes it.
    [Theory]
    [InlineData(".", "which is not a number; write digits with an optional '-' and '.', without thousands separators (150000, 7.5)")]
    [InlineData("-.", "which is not a number; write digits with an optional '-' and '.', without thousands separators (150000, 7.5)")]
    [InlineData("\"-\"", "which is not a number; write digits with an optional '-' and '.', without thousands separators (150000, 7.5)")]
    [InlineData("..5", "which is not a number; write digits with an optional '-' and '.', without thousands separators (150000, 7.5)")]
    [InlineData(".5.", "which is not a number; write digits with an optional '-' and '.', without thousands separators (150000, 7.5)")]
    [InlineData("--5", "which is not a number; write digits with an optional '-' and '.', without thousands separators (150000, 7.5)")]
    [InlineData(".inf", "which is not a number; write digits with an optional '-' and '.', without thousands separators (150000, 7.5)")]
    [InlineData("+7", "a number written with '+', which a quantity does not take; write 7")]
    [InlineData("+7.", "a number written with '+', which a quantity does not take; write 7")]
    [InlineData("+.5", "a number written with '+', which a quantity does not take; write 0.5")]
    [InlineData("1e3", "a number written with an exponent, which a quantity does not take; write it out: 1000")]
    [InlineData("-1.5E-2", "a number written with an exponent, which a quantity does not take; write it out: -0.015")]
    [InlineData("+2.5e+1", "a number written with an exponent, which a quantity does not take; write it out: 25")]
    [InlineData(".5e1", "a number written with an exponent, which a quantity does not take; write it out: 5")]
    [InlineData("7.e2", "a number written with an exponent, which a quantity does not take; write it out: 700")]
    [InlineData("1e40", "a number written with an exponent, which a quantity does not take, and written out it has more digits than a quantity holds exactly (28 at most); round it and write it out")]
    [InlineData("1e-99999", "a number written with an exponent, which a quantity does not take, and written out it has more digits than a quantity holds exactly (28 at most); round it and write it out")]
    [InlineData("1e", "which is not a number; write digits with an optional '-' and '.', without thousands separators (150000, 7.5)")]
    [InlineData("e3", "which is not a number; write digits with an optional '-' and '.', without thousands separators (150000, 7.5)")]
    [InlineData("1e3.5", "which is not a number; write digits with an optional '-' and '.', without thousands separators (150000, 7.5)")]
    public void A_value_that_is_not_a_plain_number_is_refused_at_the_value_saying_why(string written, string why)
    {
        var yaml = "actors:\n  - { id: a, name: A, kind: person }\nsources:\n  - { id: s, name: S, kind: other }\n"
            + $"claims:\n  - {{ id: c, statement: S, claimant: a, citations: [{{ source: s, quote: q }}], quantity: {{ value: {written}, unit: u }} }}\n";
        var shown = written.Trim('"');

        Assert.Equal($"facts.kg.yaml(6,98): error KG0011: The quantity of the claim 'c': 'value' is '{shown}', {why}", Diagnose(yaml));
        Assert.Null(Generator.Reading.PackFileReader.Read("/p/facts.kg.yaml", yaml).Claims[0].Quantity);
    }

    [Fact]
    public void A_hashtag_that_yaml_reads_as_a_comment_is_warned_about_where_it_starts()
    {
        var text = Diagnose("actors:\n  - id: nrf\n    name: NRF\n    kind: organisation\n    description: Its posts end with #Panjshir #NRF\n");
        Assert.Equal("facts.kg.yaml(5,37): warning KG0031: The text 'Its posts end with' ends where '#Panjshir #NRF' begins, which YAML reads as a comment (a '#' after a space), so it is not part of the text; put the whole text in quotes if it belongs to it, or write the comment as '# ...'", text);
    }

    [Fact]
    public void A_value_written_as_a_hashtag_alone_is_warned_about_at_the_hash_in_a_field_and_in_a_list()
    {
        // YAML reads both as no value: the author would be dropped without a word, and the alias is an empty item.
        var text = Diagnose("sources:\n  - id: s\n    name: The post\n    kind: social-media-post\n    author:   #nrf  \n    aliases:\n      - #3\n");
        Assert.Equal(
            "facts.kg.yaml(5,15): warning KG0036: Nothing is written before '#nrf', which YAML reads as a comment (a '#' after a space), so the value is empty; put it in quotes if it is the value, or write the comment as '# ...'\n" +
            "facts.kg.yaml(7,8): error KG0002: Item 1 of the field 'aliases' of the source 's' must be a text, but here it is empty\n" +
            "facts.kg.yaml(7,9): warning KG0036: Nothing is written before '#3', which YAML reads as a comment (a '#' after a space), so the value is empty; put it in quotes if it is the value, or write the comment as '# ...'", text);
        Assert.Null(Generator.Reading.PackFileReader.Read("/p/facts.kg.yaml", "sources:\n  - id: s\n    name: The post\n    kind: social-media-post\n    author: #nrf\n").Sources[0].Author);
    }

    [Fact]
    public void A_comment_written_with_a_space_a_quoted_hash_and_a_hash_inside_a_word_are_not_warned_about()
    {
        var text = Diagnose("""
            sources:
              - id: s # the first source
                name: "The post #Panjshir"
                kind: social-media-post   #   aligned comment
                url: https://example.org/post#3
                note: '#3 of the series' #
            """);
        Assert.Equal("", text);
    }

    [Fact]
    public void A_manifest_whose_fields_are_not_indented_under_it_is_an_error_at_the_empty_manifest()
    {
        // Without it the pack was generated under the build's name, with a warning that the pack has no manifest.
        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", "pack:\nname: Harbour\nnamespace: Harbour\ntitle: The harbour log\nversion: 1.0.0\n") });
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Equal("pack.kg.yaml(1,6): error KG0002: The 'pack' manifest must be a map of name, namespace, title and version, indented under 'pack:', but here it is empty\n",
            GeneratorRun.FormatDiagnostics(new[] { error }));
    }

    // The parser notices the bracket that a comment hid only lines later, where nothing is wrong.
    [Theory]
    [InlineData("actors:\n  - id: a\n    name: A\n    kind: person\n    aliases: ['x #y', Panjshir #1, Panj]\n  - { id: b, name: B, kind: person }\n", "(5,32)", "'[' before it is never closed with ']'")]
    [InlineData("actors:\r\n  - { id: a, name: A #1, kind: person }\r\n  - id: b\r\n    name: B\r\n    kind: person\r\n", "(2,22)", "'{' before it is never closed with '}'")]
    public void A_comment_that_hides_a_closing_bracket_is_reported_at_its_hash(string yaml, string position, string bracket)
    {
        var text = Diagnose(yaml);
        Assert.StartsWith("facts.kg.yaml" + position + ": error KG0001: The file is not valid YAML: a '#' after a space starts a comment, which hides the rest of its line, so the " + bracket + "; put the text that holds the '#' in quotes (", text);
    }

    [Fact]
    public void Missing_required_field_points_at_the_entity()
    {
        var text = Diagnose("actors:\n  - id: fahim-dashti\n    kind: person\n");
        Assert.Equal("facts.kg.yaml(2,5): error KG0004: The actor 'fahim-dashti' is missing the required field 'name'; add 'name:' with the display name", text);
    }

    // The field is there: the message says it is empty, why that will not do, and how a citation is written.
    [Fact]
    public void Citations_written_as_an_empty_list_are_said_to_be_empty_not_missing()
    {
        var text = Diagnose("actors:\n  - { id: a, name: A, kind: person }\nclaims:\n  - id: c\n    statement: S\n    claimant: a\n    citations: []\n");
        Assert.Equal("facts.kg.yaml(7,16): error KG0004: The claim 'c' has the required field 'citations' written as an empty list, but a claim cites at least one source; "
            + "write each citation under 'citations:' in place of the empty list, as '- { source: report-001, quote: the words as they stand in the source }'", text);
    }

    [Fact]
    public void A_required_text_written_as_blank_text_is_said_to_be_blank_not_missing()
    {
        var text = Diagnose("actors:\n  - { id: a, name: \"\", kind: person }\n");
        Assert.Equal("facts.kg.yaml(2,20): error KG0004: The actor 'a' has the required field 'name' written as blank text; give it the display name", text);
    }

    // As a date or a number written in quotes is read without the white space around it, so is a word of the format.
    [Fact]
    public void A_quoted_word_with_white_space_around_it_is_read_without_it()
    {
        var file = Reading.PackFileReader.Read("/p/facts.kg.yaml", """
            sources:
              - { id: s, name: S, kind: " news-report ", language: " en ", translated-from: "de " }
            actors:
              - { id: a, name: A, kind: " person ", anonymous: " true ", roles: [ { title: t, former: " TRUE " } ] }
            places:
              - { id: p, name: P, kind: "  valley" }
            claims:
              - id: c
                statement: S
                claimant: a
                status: " disputed "
                date: { date: " 2021-09 ", precision: " month " }
                quantity: { value: 1, unit: u, approximate: " true " }
                citations: [ { source: s, quote: q } ]
            """);

        Assert.Empty(file.Diagnostics);
        var source = Assert.Single(file.Sources);
        Assert.Equal(("NewsReport", "en", "de"), (source.Kind, source.Language, source.TranslatedFrom));
        var actor = Assert.Single(file.Actors);
        Assert.Equal(("Person", true, true), (actor.Kind, actor.Anonymous, actor.Roles[0].Former));
        Assert.Equal("Valley", Assert.Single(file.Places).Kind);
        var claim = Assert.Single(file.Claims);
        Assert.Equal("Disputed", claim.Status);
        Assert.Equal(new Model.DateSpec(2021, 9, 1, Model.DatePrecisionSpec.Month), claim.Date);
        Assert.True(claim.Quantity!.Approximate);
    }

    // An id is read exactly as written, as the schema's id pattern says: white space around one, in quotes, is what the
    // message names, where the id without it would be valid or would name the entity meant.
    [Fact]
    public void An_id_or_a_reference_with_white_space_around_it_is_refused_and_the_message_says_so()
    {
        var text = Diagnose("actors:\n  - { id: \" fahim-dashti \", name: F, kind: person }\n  - { id: b, name: B, kind: person }\n"
            + "  - { id: c, name: C, kind: person, roles: [ { title: t, of: \" b\" } ] }\n");
        Assert.Equal(
            "facts.kg.yaml(2,11): error KG0005: The id ' fahim-dashti ' of the actor at item 1 of 'actors' is not valid: it has white space around it; ids are kebab-case, lower-case ASCII letters and digits in words joined by single hyphens, such as 'fahim-dashti'\n"
            + "facts.kg.yaml(4,62): error KG0007: The field 'of' of the role 't' of the actor 'c' refers to ' b', but the pack has no entity with that id; an id has no white space around it, so write 'b'",
            text);
    }

    // A pack's name and namespace are ASCII only, though C# takes other letters: the message says that this is why, with the
    // ASCII spelling where the letters have one.
    [Theory]
    [InlineData("Données", "Données.Faits", "'Donnees': letters outside ASCII ('é') are not accepted in a pack's name, though C# accepts them",
        "'Donnees.Faits': letters outside ASCII ('é') are not accepted in a pack's namespace, though C# accepts them")]
    [InlineData("Straße", "Ærø.Øst", "'Strasse': letters outside ASCII ('ß') are not accepted in a pack's name, though C# accepts them",
        "'AEro.Ost': letters outside ASCII ('Æ', 'ø', 'Ø') are not accepted in a pack's namespace, though C# accepts them")]
    [InlineData("Панджшир", "Факты.Панджшир", "an identifier of ASCII letters, digits and '_', such as 'Panjshir2021': letters outside ASCII ('П', 'а', 'н' …) are not accepted in a pack's name, though C# accepts them",
        "a namespace of ASCII letters, digits and '_', such as 'Panjshir2021': letters outside ASCII ('Ф', 'а', 'к' …) are not accepted in a pack's namespace, though C# accepts them")]
    [InlineData("Harbour Log", "Cases.class", "a C# identifier such as 'Panjshir2021'", "a C# namespace such as 'Panjshir2021' or 'Acme.Facts'")]
    public void A_pack_name_or_namespace_C_sharp_would_take_but_for_its_letters_outside_ASCII_is_refused_saying_so(string name, string ns, string nameAdvice, string nsAdvice)
    {
        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", $"pack:\n  name: {name}\n  namespace: {ns}\n  title: T\n  version: 1.0.0\n") });
        Assert.Equal(
            $"pack.kg.yaml(2,9): error KG0009: The pack name is '{name}', which is not valid; use {nameAdvice}\n"
            + $"pack.kg.yaml(3,14): error KG0009: The pack namespace is '{ns}', which is not valid; use {nsAdvice}",
            run.DiagnosticsText().TrimEnd());
    }

    // A C# name holds no white space, so white space around a pack's name or namespace written in quotes is not part of it, as
    // around a kind or a flag: the pack is generated under the name and namespace, and one with white space inside is still
    // refused, at its value, showing the name without the white space around it.
    [Fact]
    public void A_pack_name_or_namespace_written_in_quotes_with_white_space_around_it_is_read_without_it()
    {
        var manifest = "pack:\n  name: \" Panjshir2021 \"\n  namespace: \"\\tAcme.Facts \"\n  title: T\n  version: 1.0.0\nactors:\n  - { id: a, name: A, kind: person }\n";
        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", manifest) });

        Assert.Equal("", run.DiagnosticsText());
        Assert.Empty(run.CompileDiagnostics);
        var spec = Generator.Reading.PackFileReader.Read("/p/pack.kg.yaml", manifest).Manifest!;
        Assert.Equal(("Panjshir2021", "Acme.Facts"), (spec.Name, spec.Namespace));
        Assert.Contains("namespace Acme.Facts", run.GeneratedText());
        Assert.Contains("public static string Name => \"Panjshir2021\";", run.GeneratedText());

        var inside = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", "pack:\n  name: \" Harbour Log \"\n  namespace: \" Harbour .Facts\"\n  title: T\n  version: 1.0.0\n") });
        Assert.Equal(
            "pack.kg.yaml(2,9): error KG0009: The pack name is 'Harbour Log', which is not valid; use a C# identifier such as 'Panjshir2021'\n"
            + "pack.kg.yaml(3,14): error KG0009: The pack namespace is 'Harbour .Facts', which is not valid; use a C# namespace such as 'Panjshir2021' or 'Acme.Facts'",
            inside.DiagnosticsText().TrimEnd());
    }

    private static string VersionManifest(string version) => $"pack:\n  name: P\n  namespace: P\n  title: T\n  version: {version}\nactors:\n  - {{ id: a, name: A, kind: person }}\n";

    // The version becomes Pack.Version, meant to be the package's: SemVer 2.0, or a form NuGet also packs (one, two or four
    // numbers, leading zeros), with white space around one written in quotes left out, as around a kind.
    [Theory]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("2.1.0-beta.1", "2.1.0-beta.1")]
    [InlineData("1.0.0+build.5", "1.0.0+build.5")]
    [InlineData("1.0.0-rc.1+sha.5114f85", "1.0.0-rc.1+sha.5114f85")]
    [InlineData("1.0.0--x-.0", "1.0.0--x-.0")]
    [InlineData("1.0.0+build.05", "1.0.0+build.05")]
    [InlineData("1", "1")]
    [InlineData("1.0", "1.0")]
    [InlineData("1.0.0.0", "1.0.0.0")]
    [InlineData("1.0-beta", "1.0-beta")]
    [InlineData("1.0.0.0-beta.2+b", "1.0.0.0-beta.2+b")]
    [InlineData("01.0.0", "01.0.0")]
    [InlineData("2147483647.2147483647.2147483647.2147483647", "2147483647.2147483647.2147483647.2147483647")] // the largest number NuGet takes
    [InlineData("1.0.0002147483647", "1.0.0002147483647")] // leading zeros do not make a number larger
    [InlineData("1.0.0-99999999999+99999999999", "1.0.0-99999999999+99999999999")] // a label's or metadata's number is not NuGet's
    [InlineData("\" 1.0.0 \"", "1.0.0")]
    [InlineData("'1.0.0-beta.1\t'", "1.0.0-beta.1")]
    public void A_pack_version_a_package_can_have_is_taken_as_written(string written, string version)
    {
        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", VersionManifest(written)) });

        Assert.Equal("", run.DiagnosticsText());
        Assert.Equal(version, Generator.Reading.PackFileReader.Read("/p/pack.kg.yaml", VersionManifest(written)).Manifest!.Version);
        Assert.Contains($"public static string Version => \"{version}\";", run.GeneratedText());
    }

    // One a package cannot have is warned about at the value, saying what was written, why where it can, and what to write; the
    // pack is still generated, with the version as written.
    [Theory]
    [InlineData("v1.2.0", "v1.2.0", " (it starts with 'v')", "'1.2.0'")]
    [InlineData("V2.0-rc.1", "V2.0-rc.1", " (it starts with 'v')", "'2.0-rc.1'")]
    [InlineData("v1.0.99999999999", "v1.0.99999999999", " (it starts with 'v', and 99999999999 is a number above 2147483647, the largest NuGet takes)", Examples)]
    [InlineData("V2147483648-rc.1", "V2147483648-rc.1", " (it starts with 'v', and 2147483648 is a number above 2147483647, the largest NuGet takes)", Examples)]
    [InlineData("1.0.0.0.0", "1.0.0.0.0", " (it has 5 numbers, where SemVer has 3 and NuGet takes 1 to 4)", Examples)]
    [InlineData("\"1.0.0 beta\"", "1.0.0 beta", " (it holds white space)", Examples)]
    [InlineData("1.0.0-beta_1", "1.0.0-beta_1", " (it holds '_')", Examples)]
    [InlineData("\"1,0\"", "1,0", " (it holds ',')", Examples)]
    [InlineData("1.0.0-beta.01", "1.0.0-beta.01", " (01 in its pre-release label is a number with a leading zero)", Examples)]
    [InlineData("1.0.0-01", "1.0.0-01", " (01 in its pre-release label is a number with a leading zero)", Examples)]
    [InlineData("1.0.0-rc.1.007+build.01", "1.0.0-rc.1.007+build.01", " (007 in its pre-release label is a number with a leading zero)", Examples)]
    [InlineData("1.0.0-", "1.0.0-", " (its pre-release label is empty)", Examples)]
    [InlineData("1.0-+b", "1.0-+b", " (its pre-release label is empty)", Examples)]
    [InlineData("1.0.0-beta..1", "1.0.0-beta..1", " (its pre-release label has an empty part)", Examples)]
    [InlineData("1.0.0-.beta", "1.0.0-.beta", " (its pre-release label has an empty part)", Examples)]
    [InlineData("1.0.0+", "1.0.0+", " (its build metadata is empty)", Examples)]
    [InlineData("1.0.0+build.", "1.0.0+build.", " (its build metadata has an empty part)", Examples)]
    [InlineData("1.0.0+a+b", "1.0.0+a+b", " (it holds more than one '+')", Examples)]
    [InlineData("1..0", "1..0", " (it has no number between '.' and '.')", Examples)]
    [InlineData("1.-beta", "1.-beta", " (it has no number between '.' and '-')", Examples)]
    [InlineData("1.0.+b", "1.0.+b", " (it has no number between '.' and '+')", Examples)]
    [InlineData("1.", "1.", " (it ends with '.')", Examples)]
    [InlineData("1.0.", "1.0.", " (it ends with '.')", Examples)]
    [InlineData(".5", ".5", " (it starts with '.')", Examples)]
    [InlineData("-1.0.0", "-1.0.0", " (it starts with '-')", Examples)]
    [InlineData("+1.0.0", "+1.0.0", " (it starts with '+')", Examples)]
    [InlineData("latest", "latest", " ('latest' is not a number)", Examples)]
    [InlineData("1.0a", "1.0a", " ('0a' is not a number)", Examples)]
    [InlineData("v", "v", " ('v' is not a number)", Examples)]
    [InlineData("2021-09", "2021-09", " (09 in its pre-release label is a number with a leading zero)", Examples)]
    [InlineData("1.0.0-ß", "1.0.0-ß", " (it holds 'ß', which is not an ASCII character)", Examples)]
    // Without the 'v' it would still be refused: both are said, and no version to copy is offered.
    [InlineData("v1.0.0-", "v1.0.0-", " (it starts with 'v', and its pre-release label is empty)", Examples)]
    [InlineData("V1.0.0.0.0", "V1.0.0.0.0", " (it starts with 'v', and it has 5 numbers, where SemVer has 3 and NuGet takes 1 to 4)", Examples)]
    // Whatever else is wrong, a leading 'v' is said first: before text that is not a number, a separator, white space.
    [InlineData("vlatest", "vlatest", " (it starts with 'v', and 'latest' is not a number)", Examples)]
    [InlineData("vv1.0.0", "vv1.0.0", " (it starts with 'v', and 'v1' is not a number)", Examples)]
    [InlineData("v.1", "v.1", " (it starts with 'v', and '.' follows the 'v')", Examples)]
    [InlineData("V-1.0.0", "V-1.0.0", " (it starts with 'v', and '-' follows the 'v')", Examples)]
    [InlineData("v+build", "v+build", " (it starts with 'v', and '+' follows the 'v')", Examples)]
    [InlineData("\"v1.0.0 beta\"", "v1.0.0 beta", " (it starts with 'v', and it holds white space)", Examples)]
    [InlineData("v1.0_0", "v1.0_0", " (it starts with 'v', and it holds '_')", Examples)]
    [InlineData("v1.0.0-beta.01", "v1.0.0-beta.01", " (it starts with 'v', and 01 in its pre-release label is a number with a leading zero)", Examples)]
    public void A_pack_version_a_package_cannot_have_is_warned_about_at_the_value(string written, string shown, string reason, string example)
    {
        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", VersionManifest(written)) });

        Assert.Equal(
            $"pack.kg.yaml(5,12): warning KG0038: The pack version is '{shown}', which is neither a SemVer 2.0 version nor one NuGet takes{reason}; write the version of the pack's package, such as {example}",
            run.DiagnosticsText().TrimEnd());
        Assert.Empty(run.CompileDiagnostics);
        Assert.Contains($"public static string Version => \"{shown}\";", run.GeneratedText());
    }

    private const string Examples = "'1.0.0', '2.1.0-beta.1' or '1.0.0+build.5'";

    // A character outside ASCII is said whole, a pair of surrogates included; a control character (also KG0024) is said as
    // the message shows it.
    [Theory]
    [InlineData("1.0.0-\U0001F600", "1.0.0-\U0001F600", " (it holds '\U0001F600', which is not an ASCII character)")]
    [InlineData("\"1.0.0-\\x7F\"", "1.0.0-\\u007F", " (it holds '\\u007F')")]
    public void A_pack_version_with_a_character_a_version_does_not_hold_says_which(string written, string shown, string reason)
    {
        var read = Generator.Reading.PackFileReader.Read("/p/pack.kg.yaml", VersionManifest(written));

        Assert.Equal(
            $"The pack version is '{shown}', which is neither a SemVer 2.0 version nor one NuGet takes{reason}; write the version of the pack's package, such as {Examples}",
            read.Diagnostics.Single(d => d.Id == "KG0038").Message);
    }

    // Every version refused is refused with a reason: on thousands of short texts of the characters a version is made of and
    // some it is not, drawn with a fixed seed so that a failure comes back.
    [Fact]
    public void A_pack_version_a_package_cannot_have_is_always_given_a_reason()
    {
        var random = new Random(38);
        const string alphabet = "0129.-+aZv..-+ß_";
        for (var i = 0; i < 5000; i++)
        {
            var version = new string(Enumerable.Range(0, random.Next(1, 14)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var read = Generator.Reading.PackFileReader.Read("/p/pack.kg.yaml", VersionManifest("'" + version + "'"));
            var warning = read.Diagnostics.SingleOrDefault(d => d.Id == "KG0038");

            Assert.Equal(Generator.Reading.PackVersions.IsWellFormed(version), warning is null);
            if (warning is not null)
                Assert.Matches(@"^The pack version is '.*', which (is neither a SemVer 2\.0 version nor one NuGet takes|NuGet does not take) \([^()]+\); write ", warning.Message);
        }
    }

    // Every refused version that starts with a 'v' (and has more after it) is told so, first, whatever else is wrong with it, and
    // its reasons are one list, with one ", and" at most: on thousands of short texts after a 'v', drawn with a fixed seed.
    [Fact]
    public void A_pack_version_starting_with_v_is_always_told_so_in_one_list_of_reasons()
    {
        var random = new Random(380);
        const string alphabet = "0129.-+aZv..-+ß_ ";
        for (var i = 0; i < 5000; i++)
        {
            var version = (random.Next(2) == 0 ? "v" : "V") + new string(Enumerable.Range(0, random.Next(1, 14)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()).Trim();
            var read = Generator.Reading.PackFileReader.Read("/p/pack.kg.yaml", VersionManifest("'" + version + "'"));
            var warning = read.Diagnostics.SingleOrDefault(d => d.Id == "KG0038");
            if (version.Length == 1 || warning is null)
                continue;

            Assert.Contains("nor one NuGet takes (it starts with 'v'", warning.Message);
            Assert.DoesNotMatch(", and .*, and ", warning.Message);
        }
    }

    // A number NuGet cannot hold beside a fault of the form, which SemVer refuses too: the message says both, the fault first,
    // as it does for a 'v' before a version with such a number; a 'v' before both is said first of the three.
    [Theory]
    [InlineData("1.0.99999999999-beta.01", " (01 in its pre-release label is a number with a leading zero, and 99999999999 is a number above 2147483647, the largest NuGet takes)")]
    [InlineData("2147483648.0.0-00", " (00 in its pre-release label is a number with a leading zero, and 2147483648 is a number above 2147483647, the largest NuGet takes)")]
    [InlineData("v1.0.99999999999-beta.01", " (it starts with 'v', 01 in its pre-release label is a number with a leading zero and 99999999999 is a number above 2147483647, the largest NuGet takes)")]
    [InlineData("1.0.0.0.99999999999", " (it has 5 numbers, where SemVer has 3 and NuGet takes 1 to 4, and 99999999999 is a number above 2147483647, the largest NuGet takes)")]
    [InlineData("\"1.0.99999999999-beta 1\"", " (it holds white space, and 99999999999 is a number above 2147483647, the largest NuGet takes)")]
    [InlineData("1.0.99999999999-beta_1", " (it holds '_', and 99999999999 is a number above 2147483647, the largest NuGet takes)")]
    [InlineData("1..99999999999", " (it has no number between '.' and '.', and 99999999999 is a number above 2147483647, the largest NuGet takes)")]
    [InlineData("1.0.99999999999+a+b", " (it holds more than one '+', and 99999999999 is a number above 2147483647, the largest NuGet takes)")]
    // Three reasons are one list: "a, b and c".
    [InlineData("v1.0.99999999999-", " (it starts with 'v', its pre-release label is empty and 99999999999 is a number above 2147483647, the largest NuGet takes)")]
    [InlineData("\"v1.0.99999999999-beta 1\"", " (it starts with 'v', it holds white space and 99999999999 is a number above 2147483647, the largest NuGet takes)")]
    [InlineData("v.99999999999", " (it starts with 'v', '.' follows the 'v' and 99999999999 is a number above 2147483647, the largest NuGet takes)")]
    // A comma before the "and" closes a reason that holds one of its own.
    [InlineData("v1.0.0.0.99999999999", " (it starts with 'v', it has 5 numbers, where SemVer has 3 and NuGet takes 1 to 4, and 99999999999 is a number above 2147483647, the largest NuGet takes)")]
    [InlineData("v1.0.99999999999-ß", " (it starts with 'v', it holds 'ß', which is not an ASCII character, and 99999999999 is a number above 2147483647, the largest NuGet takes)")]
    public void A_pack_version_with_a_number_above_what_NuGet_holds_and_another_fault_is_warned_about_giving_a_reason(string written, string reason)
    {
        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", VersionManifest(written)) });
        var shown = written.Trim('"');

        Assert.Equal(
            $"pack.kg.yaml(5,12): warning KG0038: The pack version is '{shown}', which is neither a SemVer 2.0 version nor one NuGet takes{reason}; write the version of the pack's package, such as {Examples}",
            run.DiagnosticsText().TrimEnd());
        Assert.Empty(run.CompileDiagnostics);
        Assert.Contains($"public static string Version => \"{shown}\";", run.GeneratedText());
    }

    // NuGet holds each number of a version as a 32-bit integer and refuses one above 2147483647, which SemVer itself allows: the
    // message says NuGet does not take it, and which number is too large.
    [Theory]
    [InlineData("1.0.99999999999", "99999999999")]
    [InlineData("2147483648", "2147483648")]
    [InlineData("1.0.0.00004294967296-beta+b", "00004294967296")]
    [InlineData("\" 1.18446744073709551616 \"", "18446744073709551616")]
    public void A_pack_version_with_a_number_above_what_NuGet_holds_is_warned_about_saying_so(string written, string number)
    {
        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", VersionManifest(written)) });
        var shown = written.Trim('"', ' ');

        Assert.Equal(
            $"pack.kg.yaml(5,12): warning KG0038: The pack version is '{shown}', which NuGet does not take ({number} is a number above 2147483647, the largest it takes); write the version of the pack's package, such as {Examples}",
            run.DiagnosticsText().TrimEnd());
        Assert.Empty(run.CompileDiagnostics);
        Assert.Contains($"public static string Version => \"{shown}\";", run.GeneratedText());
    }

    // A lone surrogate (which no name C# takes holds either) cannot be normalized: the name is refused as any other is.
    [Fact]
    public void A_pack_name_or_namespace_with_a_lone_surrogate_is_refused_as_not_a_CSharp_name()
    {
        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", "pack: { name: Ca\uDAF5ses, namespace: Cas\uDEA0es, title: T, version: 1.0.0 }\n") });
        var errors = run.GeneratorDiagnostics.Where(d => d.Id == "KG0009").Select(d => d.GetMessage()).ToList();
        Assert.Equal(new[]
        {
            "The pack name is 'Ca\\uDAF5ses', which is not valid; use a C# identifier such as 'Panjshir2021'",
            "The pack namespace is 'Cas\\uDEA0es', which is not valid; use a C# namespace such as 'Panjshir2021' or 'Acme.Facts'",
        }, errors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "KG9999");
    }

    // KG0033 stands where the second entity writes the name the two share, and names where the first writes it; an entity
    // whose name is not written (as a claim's, which defaults to its statement, is not) is pointed at by its id.
    [Fact]
    public void A_shared_name_is_reported_at_the_second_entitys_name_or_at_its_id_when_its_name_is_not_written()
    {
        const string yaml = "actors:\n  - { id: fahim-dashti, name: Fahim Dashti, kind: person }\n  - id: dashti\n    kind: person\n    name: \" fahim DASHTI \"\n";
        Assert.Equal(
            "facts.kg.yaml(5,11): warning KG0033: The name ' fahim DASHTI ' of the actor 'dashti' is also the name of the actor 'fahim-dashti', whose name is at /p/facts.kg.yaml(2,31), so a lookup by it would be ambiguous; if they are one actor written twice, keep one and refer to its id, otherwise give them names that tell them apart",
            Diagnose(yaml));

        var spec = Generator.Reading.PackFileReader.Read("/p/facts.kg.yaml", yaml);
        var second = spec.Actors[1];
        Assert.Equal((4, 10), (second.Header.NameSpan!.Value.StartLine, second.Header.NameSpan!.Value.StartColumn));
        var unnamed = spec with { Actors = new Model.EquatableArray<Model.ActorSpec>(new[] { spec.Actors[0], second with { Header = second.Header with { NameSpan = null } } }) };
        var model = Linking.PackLinker.Link(new[] { unnamed }, Model.PackOptions.Default);
        Assert.Equal(second.Header.Id.Span, Assert.Single(model.Diagnostics, d => d.Id == "KG0033").Span);

        var first = spec.Actors[0];
        var firstUnnamed = spec with { Actors = new Model.EquatableArray<Model.ActorSpec>(new[] { first with { Header = first.Header with { NameSpan = null } }, second }) };
        var message = Assert.Single(Linking.PackLinker.Link(new[] { firstUnnamed }, Model.PackOptions.Default).Diagnostics, d => d.Id == "KG0033").Message;
        Assert.Contains("is also the name of the actor 'fahim-dashti' at /p/facts.kg.yaml(2,11), so", message);
    }

    [Fact]
    public void Duplicate_id_points_at_the_second_id_and_names_the_first()
    {
        var text = Diagnose("actors:\n  - { id: a, name: A, kind: person }\n  - { id: a, name: B, kind: group }\n");
        Assert.Equal("facts.kg.yaml(3,11): error KG0006: The id 'a' of this actor is already used by the actor at /p/facts.kg.yaml(2,11); ids are unique across the whole pack, so give one of them another id", text);
    }

    [Fact]
    public void Unknown_reference_points_at_the_id_and_suggests_the_nearest()
    {
        var text = Diagnose("""
            actors:
              - { id: fahim-dashti, name: Fahim Dashti, kind: person }
            sources:
              - { id: r, name: R, kind: news-report }
            claims:
              - id: c
                statement: S
                claimant: fahim-dashtii
                citations: [{ source: r, quote: q }]
            """);
        Assert.Equal("facts.kg.yaml(8,15): error KG0007: The field 'claimant' of the claim 'c' refers to 'fahim-dashtii', but the pack has no entity with that id; did you mean 'fahim-dashti'?", text);
    }

    [Fact]
    public void Unknown_field_is_a_warning_with_a_suggestion()
    {
        var text = Diagnose("actors:\n  - { id: a, name: A, kind: person, aliasses: [b] }\n");
        Assert.Equal("facts.kg.yaml(2,37): warning KG0003: The actor 'a' has no field 'aliasses'; it is ignored; did you mean 'aliases'?", text);
    }

    // Short maps are searched entry by entry and long ones through a table; both keep the first value
    // of a repeated field and report the repeat at its own key.
    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void Repeated_field_points_at_the_repeat_and_the_first_value_is_used(int unknownFields)
    {
        var extra = string.Concat(Enumerable.Range(1, unknownFields).Select(i => $"x{i:D2}: v, "));
        var line = "  - { id: a, name: First, kind: person, " + extra + "name: Second }";
        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", "pack: { name: P, namespace: P, title: P, version: 1.0.0 }\n"), ("/p/facts.kg.yaml", "actors:\n" + line + "\n") });

        var diagnostics = run.GeneratorDiagnostics;
        var repeat = Assert.Single(diagnostics, d => d.Id == "KG0012");
        Assert.Equal(line.LastIndexOf("name", StringComparison.Ordinal), repeat.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Equal("The actor 'a' has the field 'name' twice; only the first is used, so remove the other", repeat.GetMessage());
        Assert.Equal(unknownFields, diagnostics.Count(d => d.Id == "KG0003"));
        Assert.Contains("/// First — person", run.GeneratedText());
        Assert.DoesNotContain("Second", run.GeneratedText());
    }

    [Fact]
    public void Anchors_are_refused()
    {
        var text = Diagnose("actors:\n  - &x { id: a, name: A, kind: person }\n  - *x\n");
        Assert.Contains("error KG0013", text);
    }
}
